// pdf-lib's load and save, with fewer pauses: by default it waits for a
// timer (at least 1 ms in Node) every 100 objects parsed and every 50 written,
// to keep a browser tab responsive. A 96-page pack has about 25,000 objects,
// so those pauses were most of the 2 s its parse and save took. Not none:
// the build's thread feeds the chart workers, which sat idle for the whole
// parse and save (about 0.8 s) when pdf-lib never let go of the thread.
import { PDFDocument } from "pdf-lib";

/** Objects parsed or written between pauses: about 10 ms of work, two charts' worth for a chart worker. */
const OBJECTS_PER_TICK = 1000;

export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: OBJECTS_PER_TICK });
}

/** Saved without object streams (every object readable as it is) and without form appearances (the pack has no form). */
export function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: OBJECTS_PER_TICK });
}
