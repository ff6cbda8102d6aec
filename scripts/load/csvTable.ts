// Reads a CSV file into a header and rows that remember their line numbers.
// Accepts what spreadsheets write: a byte-order mark, CRLF line endings,
// and semicolon or tab separators.
import { parse } from "csv-parse/sync";
import type { Problems } from "../model/problems.ts";

export interface CsvRow {
  cells: string[];
  /** 1-based line of the row in the file. */
  line: number;
}

export interface CsvTable {
  header: string[];
  headerLine: number;
  rows: CsvRow[];
  delimiter: string;
}

/** Picks the separator that splits the first line into the most fields (quotes respected). */
export function sniffDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([[",", 0], [";", 0], ["\t", 0]]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

export function readCsvTable(source: string, file: string, problems: Problems): CsvTable | null {
  const text = source.replace(/^\uFEFF/, "");
  if (text.trim() === "") {
    problems.error({ file, line: 1 }, "The file is empty.", "Add the header row and the data, or delete the file.");
    return null;
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = sniffDelimiter(firstLine);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      relax_quotes: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as { lines?: number; message: string };
    problems.error(
      { file, line: err.lines ?? 1 },
      `This is not a readable CSV file (${err.message.replace(/^.*?:\s*/, "")}).`,
      "Check for an unclosed quote (\") on this line.",
    );
    return null;
  }
  const [head, ...body] = records;
  if (!head) {
    problems.error({ file, line: 1 }, "The file has no header row.", "Add a header row naming the columns.");
    return null;
  }
  // csv-parse counts the line a record ends on; records here are single-line
  // unless a quoted cell spans lines, which the end line still locates well.
  return {
    header: head.record.map((h) => h.trim()),
    headerLine: head.info.lines,
    rows: body
      .filter((r) => r.record.some((c) => c.trim() !== ""))
      .map((r) => ({ cells: r.record, line: r.info.lines })),
    delimiter,
  };
}
