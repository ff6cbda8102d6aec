// pdf-lib's load and save, without its pauses: by default it waits for a
// timer (at least 1 ms in Node) every 100 objects parsed and every 50 written,
// to keep a browser tab responsive. A 96-page pack has about 25,000 objects,
// so the pauses were most of the 2 s its parse and save took.
import { ParseSpeeds, PDFDocument } from "pdf-lib";

export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/** Saved without object streams (every object readable as it is) and without form appearances (the pack has no form). */
export function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}
