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

function fieldsOf(line: string, delimiter: string): number {
  let quoted = false;
  let n = 1;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) n++;
  }
  return n;
}

/**
 * Picks the separator (comma, semicolon or tab) that splits the first lines
 * into the most fields (quotes respected); the median over up to ten lines,
 * so a title row with a comma in it does not decide.
 */
export function sniffDelimiter(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "").slice(0, 10);
  let best = ",";
  let bestScore = 0;
  for (const d of [",", ";", "\t"]) {
    const counts = lines.map((l) => fieldsOf(l, d)).sort((a, b) => a - b);
    const median = counts[Math.floor(counts.length / 2)] ?? 1;
    if (median > bestScore) {
      best = d;
      bestScore = median;
    }
  }
  return best;
}

export function readCsvTable(source: string, file: string, problems: Problems): CsvTable | null {
  const text = source.replace(/^\uFEFF/, "");
  if (text.trim() === "") {
    problems.error({ file, line: 1 }, "The file is empty.", "Add the header row and the data, or delete the file.");
    return null;
  }
  const delimiter = sniffDelimiter(text);
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
