// A printed PDF opened to be finished (lazily, lazyPdf.ts) and saved. pdf-lib
// parses whole (a file not as Chromium writes it) and saves with fewer pauses:
// by default it waits for a timer (at least 1 ms in Node) every 100 objects
// parsed and every 50 written, to keep a browser tab responsive. A 93-page
// pack has about 16,000 objects, so those pauses were most of the 2 s its
// parse and save took.
import { PDFDocument } from "pdf-lib";
import { openLazily, type OpenedPdf } from "./lazyPdf.ts";

/**
 * Whether the thread has other work waiting meanwhile. "shared": pdf-lib lets
 * go of it every 1,000 objects (about 10 ms of work, two charts' worth for a
 * chart worker): in a first build the build's thread hands the chart workers
 * their charts, and they sat idle for the whole parse and save (about 0.8 s)
 * when pdf-lib never let go. "alone": no pause (each costs a timer's turn:
 * about 0.1 s in all, and a rebuild waits for the pack).
 */
export type Pace = "alone" | "shared";
const objectsPerTick = (pace: Pace) => (pace === "shared" ? 1000 : Infinity);

/**
 * Opens a printed PDF to finish it, parsing only what is looked up (lazyPdf.ts). A file that does not open so
 * (object streams, an update appended: not what Chromium writes) is parsed whole and written plainly first.
 */
export async function loadPdf(bytes: Uint8Array, pace: Pace = "alone"): Promise<OpenedPdf> {
  const opened = openLazily(bytes);
  if (opened) return opened;
  const whole = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: objectsPerTick(pace) });
  const plain = openLazily(await savePdf(whole, pace));
  if (!plain) throw new Error("pdf-lib wrote a PDF that cannot be opened again");
  return plain;
}

/** Saved without object streams (every object readable as it is) and without form appearances (the pack has no form). */
export function savePdf(doc: PDFDocument, pace: Pace = "alone"): Promise<Uint8Array> {
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: objectsPerTick(pace) });
}
