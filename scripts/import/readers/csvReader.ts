// A CSV file (any separator Excel or a case-management system writes:
// comma, semicolon or tab; quotes; CRLF; any encoding) as a grid.
import { parse } from "csv-parse/sync";
import type { Problems } from "../../model/problems.ts";
import { sniffDelimiter } from "../../load/csvTable.ts";
import type { Grid } from "../grid.ts";
import { decodeText } from "./encoding.ts";

const DELIMITER_NAME: Record<string, string> = { ",": "commas", ";": "semicolons", "\t": "tabs" };

export function readCsvGrid(bytes: Uint8Array, file: string, problems: Problems): Grid | null {
  const decoded = decodeText(bytes, file);
  const text = decoded.text.replace(/^\uFEFF/, "");
  if (text.trim() === "") {
    problems.error({ file, line: 1, column: 1 }, "The file is empty.", "Export the sheet again: it should have a header row and a row per indicator.");
    return null;
  }
  const delimiter = sniffDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, info: true, relax_column_count: true, skip_empty_lines: false, relax_quotes: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    problems.error({ file, line: err.lines ?? 1 }, `This is not a readable CSV file (${err.message.replace(/^.*?:\s*/, "")}).`, 'Check for an unclosed quote (") on this line, or save the sheet from the spreadsheet again.');
    return null;
  }
  const notes = decoded.note ? [decoded.note] : [];
  if (delimiter !== ",") notes.push(`${file} separates its cells with ${DELIMITER_NAME[delimiter] ?? delimiter}.`);
  return {
    file,
    kind: "csv",
    rows: records.map((r) => ({ row: r.info.lines, cells: r.record.map((text) => ({ text })) })),
    hiddenColumns: [],
    notes,
  };
}
