// Reads a council's wide monthly dataset (a spreadsheet saved as CSV): finds
// the header row below any title rows, recognises its columns, and collects
// a row per indicator with the line it came from.
import type { Problems } from "../model/problems.ts";
import type { BenchmarkKey, Month } from "../model/types.ts";
import { readCsvTable } from "../load/csvTable.ts";
import { classifyColumn, type ColumnRole } from "./columns.ts";
import { looksLikeMonth } from "./monthHeader.ts";
import { addMonths } from "../metrics/months.ts";

export interface SheetRow {
  line: number;
  ref: string;
  /** True where the sheet gave no reference and one was made up from the line. */
  refMadeUp: boolean;
  title: string;
  section: string | null;
  owner: string;
  reporter: string;
  outcome: string;
  polarityText: string;
  unitText: string;
  /** Raw month cells, with their column (1-based). */
  months: Map<Month, { text: string; column: number }>;
  changePrevious: string;
  changeLastYear: string;
  average12: string;
  max12: string;
  benchmarks: Partial<Record<BenchmarkKey, string>>;
  targets: { year: string | null; text: string }[];
  commentary: string;
}

export interface Sheet {
  file: string;
  months: Month[];
  rows: SheetRow[];
  commentaryMonth: Month | null;
  /** From a title row such as "(Updated Nov-17, using 16-17 data)". */
  benchmarkYear: string | null;
  /** From a key such as "Increase 10% or more". */
  dotThreshold: number | null;
  benchmarkLabels: Partial<Record<BenchmarkKey, string>>;
  /** Columns the import did not use, for its notes. */
  ignoredColumns: string[];
  delimiter: string;
}

/** Strips HTML fragments (titles such as "harm at source (<i>old form</i>)") and entities. */
export function plainText(s: string): string {
  return s
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

export function readSheet(source: string, file: string, problems: Problems): Sheet | null {
  const table = readCsvTable(source, file, problems);
  if (!table) return null;
  const all = [{ cells: table.header, line: table.headerLine }, ...table.rows];

  // The header row: the first with at least two month columns and a reference or indicator column.
  let headerIndex = -1;
  let roles: ColumnRole[] = [];
  for (let i = 0; i < Math.min(all.length, 40); i++) {
    const r = all[i]!.cells.map(classifyColumn);
    const monthCount = r.filter((c) => c.role === "month").length;
    if (monthCount >= 2 && r.some((c) => c.role === "ref" || c.role === "title")) {
      headerIndex = i;
      roles = r;
      break;
    }
  }
  if (headerIndex < 0) {
    problems.error(
      { file, line: all[0]?.line ?? 1 },
      "No header row with month columns was found in the first 40 rows.",
      "The header row must name the indicator's reference or description and have a column per month headed like Jun-17, Sep 15 or 2020-12.",
    );
    return null;
  }
  const header = all[headerIndex]!;
  const headerCells = header.cells.map((c) => c.trim());

  // Month columns: readable, and each month once.
  const monthColumns = roles.map((r, i) => (r.role === "month" ? i : -1)).filter((i) => i >= 0);
  const firstMonth = monthColumns[0]!;
  const lastMonth = monthColumns[monthColumns.length - 1]!;
  let fatal = false;
  headerCells.forEach((text, i) => {
    const insideBlock = i > firstMonth && i < lastMonth;
    if (roles[i]!.role !== "month" && (insideBlock || looksLikeMonth(text))) {
      problems.error(
        { file, line: header.line, column: i + 1 },
        `The column header "${text}" (column ${i + 1}) cannot be read as a month.`,
        "Write month headers like Jun-17, Sep 15, June 2017 or 2017-06.",
      );
      fatal = true;
    }
  });
  const seenMonth = new Map<Month, number>();
  for (const i of monthColumns) {
    const m = (roles[i] as { month: Month }).month;
    const first = seenMonth.get(m);
    if (first !== undefined) {
      problems.error(
        { file, line: header.line, column: i + 1 },
        `Columns ${first + 1} ("${headerCells[first]}") and ${i + 1} ("${headerCells[i]}") are both ${m}.`,
        "Keep one column per month: delete or rename one of them.",
      );
      fatal = true;
    } else seenMonth.set(m, i);
  }
  const refCol = roles.findIndex((r) => r.role === "ref");
  const titleCol = roles.findIndex((r) => r.role === "title");
  if (fatal) return null;

  const col = (role: ColumnRole["role"]) => roles.findIndex((r) => r.role === role);
  const benchmarkCols = roles
    .map((r, i) => (r.role === "benchmark" ? { key: r.key, i } : null))
    .filter((x): x is { key: BenchmarkKey; i: number } => x !== null && x !== undefined);
  const targetCols = roles
    .map((r, i) => (r.role === "target" ? { year: r.year, i } : null))
    .filter((x): x is { year: string | null; i: number } => x !== null);
  const commentaryCol = col("commentary");
  const commentaryRole = roles[commentaryCol] as { role: "commentary"; month: Month | null } | undefined;

  // Title rows above the header: benchmark year and the direction-of-travel threshold.
  const preamble = all.slice(0, headerIndex).flatMap((r) => r.cells).join(" ");
  const yearMatch = /using\s+(\d{2}|\d{4})\s*[-/]\s*(\d{2})\s+data/i.exec(preamble) ?? /benchmark\w*[^0-9]{0,40}(\d{4})\s*[-/]\s*(\d{2})/i.exec(preamble);
  const benchmarkYear = yearMatch ? `${yearMatch[1]!.length === 2 ? 2000 + Number(yearMatch[1]) : yearMatch[1]}/${yearMatch[2]}` : null;
  const thresholdMatch = /(?:increase|decrease|up|down)\s+(\d+(?:\.\d+)?)\s*%\s+or\s+more/i.exec(preamble);

  const rows: SheetRow[] = [];
  const seenRef = new Map<string, number>();
  let currentSection: string | null = null;
  const cell = (cells: string[], i: number) => (i >= 0 ? (cells[i] ?? "").trim() : "");
  for (const row of all.slice(headerIndex + 1)) {
    const cells = row.cells;
    if (cells.every((c) => c.trim() === "")) continue;
    // Sheets printed over several pages repeat the header.
    if (cells.length >= headerCells.length && cells.every((c, i) => c.trim() === (headerCells[i] ?? ""))) continue;
    if (cells.slice(0, headerCells.length).map((c) => c.trim()).join("|") === headerCells.join("|")) continue;
    let ref = plainText(cell(cells, refCol));
    let title = plainText(cell(cells, titleCol));
    // No reference column, but titles that start with one: "1.4 % of contacts going onto referral".
    const leading = refCol < 0 ? /^(\d+(?:\.\d+)*[a-z]?|[A-Z]{1,4}\d+[a-z]?)\s+(\S.*)$/.exec(title) : null;
    if (leading) [ref, title] = [leading[1]!, leading[2]!];
    const hasMonthValues = monthColumns.some((i) => cell(cells, i) !== "");
    // A row with text but no figures heads a group of indicators (a section).
    if (!hasMonthValues && (ref || title) && cells.filter((c) => c.trim() !== "").length === 1) {
      currentSection = plainText(cells.find((c) => c.trim() !== "")!);
      continue;
    }
    if (cells.length < headerCells.length) {
      problems.error(
        { file, line: row.line, column: cells.length + 1 },
        `Row ${ref || title || row.line} has ${cells.length} cells but the header has ${headerCells.length}.`,
        "Add the missing cells (empty if there is no value), or check for a separator inside an unquoted cell.",
      );
      continue;
    }
    const theRef = ref || `ROW${row.line}`;
    const first = seenRef.get(theRef);
    if (first !== undefined) {
      problems.error(
        { file, line: row.line, column: refCol + 1 },
        `The reference "${theRef}" is used twice (first on line ${first}).`,
        "Give each indicator its own reference in the sheet.",
      );
      continue;
    }
    seenRef.set(theRef, row.line);
    const months = new Map<Month, { text: string; column: number }>();
    for (const i of monthColumns) months.set((roles[i] as { month: Month }).month, { text: cell(cells, i), column: i + 1 });
    rows.push({
      line: row.line,
      ref: theRef,
      refMadeUp: !ref,
      title: title || theRef,
      section: plainText(cell(cells, col("section"))) || currentSection,
      owner: plainText(cell(cells, col("owner"))),
      reporter: plainText(cell(cells, col("reporter"))),
      outcome: plainText(cell(cells, col("outcome"))),
      polarityText: cell(cells, col("polarity")),
      unitText: cell(cells, col("unit")),
      months,
      changePrevious: cell(cells, col("changePrevious")),
      changeLastYear: cell(cells, col("changeLastYear")),
      average12: cell(cells, col("average12")),
      max12: cell(cells, col("max12")),
      benchmarks: Object.fromEntries(benchmarkCols.map(({ key, i }) => [key, cell(cells, i)])),
      targets: targetCols.map(({ year, i }) => ({ year, text: cell(cells, i) })),
      commentary: cell(cells, commentaryCol),
    });
  }
  if (rows.length === 0 && problems.errors.length === 0) {
    problems.error({ file, line: header.line }, "The sheet has a header but no indicator rows.", "Add a row per indicator below the header.");
  }

  const months = monthColumns.map((i) => (roles[i] as { month: Month }).month).sort();
  return {
    file,
    months,
    rows,
    commentaryMonth: commentaryRole?.month ?? (commentaryCol >= 0 ? months[months.length - 1]! : null),
    benchmarkYear,
    dotThreshold: thresholdMatch ? Number(thresholdMatch[1]) : null,
    benchmarkLabels: Object.fromEntries(benchmarkCols.map(({ key, i }) => [key, headerCells[i]!])),
    ignoredColumns: headerCells.filter((h, i) => roles[i]!.role === "ignored" && h !== ""),
    delimiter: table.delimiter,
  };
}

/** Months between the first and last that have no column (a gap in the sheet). */
export function missingMonths(months: Month[]): Month[] {
  const out: Month[] = [];
  for (let m = months[0]; m && m < months[months.length - 1]!; m = addMonths(m, 1)) if (!months.includes(m)) out.push(m);
  return out;
}
