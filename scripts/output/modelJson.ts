// The computed model as JSON: an interface other tools read, so field names are stable.
import type { MonthModel } from "../model/types.ts";

/** Numbers are written unrounded; consumers round for display. Not indented: a month of a long archive holds every indicator's history, and indenting doubled its size. */
export function modelToJson(model: MonthModel): string {
  // < and > as \u003c and \u003e (the same JSON once parsed): commentary's raw text never reads as markup
  // to something that displays or embeds the file without parsing it.
  return JSON.stringify({ schemaVersion: 1, ...model }).replace(/[<>]/g, (c) => (c === "<" ? "\\u003c" : "\\u003e")) + "\n";
}
