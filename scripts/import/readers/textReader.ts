// Text exported from a PDF (or copied from one): one line per table row,
// cells separated by tabs. Quotes mean nothing here (a title may contain a
// stray one), so lines are split on tabs only.
import type { Problems } from "../../model/problems.ts";
import type { Grid } from "../grid.ts";
import { decodeText } from "./encoding.ts";

export function readTextGrid(bytes: Uint8Array, file: string, problems: Problems): Grid | null {
  const decoded = decodeText(bytes, file);
  const text = decoded.text.replace(/^\uFEFF/, "");
  if (text.trim() === "") {
    problems.error({ file, line: 1, column: 1 }, "The file is empty.", "Export the text from the PDF again.");
    return null;
  }
  const lines = text.split(/\r\n|\r|\n/);
  return {
    file,
    kind: "text",
    rows: lines.map((line, i) => ({ row: i + 1, cells: line.split("\t").map((t) => ({ text: t })) })),
    hiddenColumns: [],
    notes: decoded.note ? [decoded.note] : [],
  };
}
