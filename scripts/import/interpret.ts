// Reads a grid of cells as a council's wide monthly dataset: finds the
// header rows (one row, or two with a band above such as a year over the
// months or "Target and tolerances" over Red / Amber / Green), follows the
// header where it repeats on every printed page (its columns may shift
// between pages), reads areas from a column, from heading rows or from the
// reference cell, and collects a row per indicator. Everything keeps the
// address of the cell it came from.
import type { Problems } from "../model/problems.ts";
import type { BenchmarkKey, Location, Month } from "../model/types.ts";
import { classifyColumn, type ColumnRole } from "./columns.ts";
import { looksLikeMonth, monthFromBand, parseMonthHeader } from "./monthHeader.ts";
import { addressText, cellAt, textOf, type Cell, type Grid, type GridRow } from "./grid.ts";
import { addMonths, shortMonth } from "../metrics/months.ts";
import { isNoValueMarker } from "../load/cellValue.ts";

export interface SheetCell {
  text: string;
  /** The workbook's value in the units shown (percentages as per cent). */
  number?: number;
  /** Decimal places the workbook shows. */
  decimals?: number;
  percent?: boolean;
  /** Excel's error value (#REF!...). */
  error?: string;
  /** Why the cell cannot be read (a PDF export ran two columns together...). */
  damaged?: string;
  at: Location;
  address: string;
}

export interface SheetRow {
  /** The row as the user sees it (line or workbook row). */
  row: number;
  /** The row's address, e.g. `sheet.xlsx:Dataset!A23` or `file.csv:23`. */
  where: string;
  at: Location;
  ref: string;
  /** The reference as the sheet writes it ("" if none). */
  sheetRef: string;
  /** True where the sheet gives no reference, or gives one another row uses. */
  refMadeUp: boolean;
  /** Why the reference is not the sheet's own, for the notes. */
  refGuess: string | null;
  title: string;
  /** The area (section) as the sheet labels it, for this row (carried down from above). */
  area: string | null;
  owner: string;
  reporter: string;
  outcome: string;
  polarityText: string;
  unitText: string;
  months: Map<Month, SheetCell>;
  changePrevious: string;
  changeLastYear: string;
  average12: string;
  max12: string;
  ytd: string;
  benchmarks: Partial<Record<BenchmarkKey, string>>;
  targets: { year: string | null; text: string }[];
  targetParts: Partial<Record<"red" | "amber" | "green", string>>;
  outturns: Map<string, string>;
  commentary: string;
}

export interface Sheet {
  file: string;
  kind: Grid["kind"];
  sheetName: string | null;
  months: Month[];
  rows: SheetRow[];
  commentaryMonth: Month | null;
  benchmarkYear: string | null;
  dotThreshold: number | null;
  benchmarkLabels: Partial<Record<BenchmarkKey, string>>;
  ignoredColumns: string[];
  /** Title rows above the first header, as text. */
  preamble: string[];
  /** What the reading did that the user should know. */
  notes: string[];
}

export interface InterpretOptions {
  yearStartMonth?: number;
}

/** Strips HTML fragments (titles such as "harm at source (<i>old form</i>)") and entities. */
export function plainText(s: string): string {
  return s
    .replace(/<\/?(?:i|b|u|em|strong|br|p|span|div|sup|sub|font|a|small|big|strike|s)(?:\s[^<>]*)?\/?>/gi, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

interface Layout {
  /** Index in grid.rows of the header row that holds the months; the band row is the one above when used. */
  index: number;
  firstIndex: number;
  roles: ColumnRole[];
  labels: string[];
  monthCols: number[];
  width: number;
}

const LABEL_ROLES = new Set(["ref", "title", "section", "polarity", "unit", "owner", "reporter", "outcome"]);

function carryRight(row: GridRow | undefined, width: number): string[] {
  const out: string[] = [];
  let last = "";
  for (let c = 0; c < width; c++) {
    const cell = row?.cells[c];
    const t = cell ? cell.text.trim() : "";
    if (t !== "") last = t;
    out.push(last);
  }
  return out;
}

function blank(row: GridRow | undefined): boolean {
  return !row || row.cells.every((c) => c.text.trim() === "");
}

/** The column layout if `rows[i]` is a header row (with the row above as its band or second header row). */
function headerAt(rows: GridRow[], i: number, yearStartMonth: number): Layout | null {
  const row = rows[i]!;
  // Cheap test first: a header holds month-like text (a workbook's numbers are figures, its dates have a month).
  const monthLike = row.cells.filter((c) => c.month || (c.number === undefined && c.text !== "" && (/^[A-Za-z]{3,9}\.?$/.test(c.text.trim()) || parseMonthHeader(c.text)))).length;
  if (monthLike === 0) return null;
  const above = i > 0 && !blank(rows[i - 1]) ? rows[i - 1] : undefined;
  const width = Math.max(row.cells.length, above?.cells.length ?? 0);
  const band = carryRight(above, width);
  const aboveRoles = above ? above.cells.map((c) => classifyColumn(c.text.trim())) : [];
  const aboveIsHeader = aboveRoles.filter((r) => LABEL_ROLES.has(r.role)).length >= 2;
  const roles: ColumnRole[] = [];
  const labels: string[] = [];
  let usedAbove = false;
  for (let c = 0; c < width; c++) {
    const cell: Cell | undefined = row.cells[c];
    const t = cell && !cell.mergedCopy ? cell.text.trim() : "";
    if (cell?.month) {
      roles.push({ role: "month", month: cell.month });
      labels.push(t);
      continue;
    }
    if (t !== "") {
      let role = classifyColumn(t, band[c] ?? "");
      if (role.role === "ignored" && !role.what) {
        const m = monthFromBand(t, band[c] ?? "", yearStartMonth);
        if (m) {
          role = { role: "month", month: m };
          usedAbove = true;
        }
      }
      if (role.role === "targetPart" || role.role === "outturn") usedAbove = true;
      roles.push(role);
      labels.push(band[c] && (role.role === "targetPart" || role.role === "outturn") ? `${t} (${band[c]})` : t);
      continue;
    }
    const upper = above?.cells[c];
    const ut = upper && !upper.mergedCopy ? upper.text.trim() : "";
    if (aboveIsHeader && ut !== "") {
      roles.push(aboveRoles[c]!);
      labels.push(ut);
      usedAbove = true;
    } else {
      roles.push({ role: "ignored" });
      labels.push("");
    }
  }
  // An unlabelled column left of the reference holds the area labels (a printed pack's first column).
  const firstLabel = roles.findIndex((r) => r.role === "ref" || r.role === "title");
  if (firstLabel > 0 && !roles.some((r) => r.role === "section") && roles.slice(0, firstLabel).every((r, c) => r.role === "ignored" && labels[c] === "")) {
    roles[firstLabel - 1] = { role: "section" };
  }
  const monthCols = roles.map((r, c) => (r.role === "month" ? c : -1)).filter((c) => c >= 0);
  const hasLabel = roles.some((r) => r.role === "ref" || r.role === "title");
  if (monthCols.length === 0 || !hasLabel) return null;
  if (monthCols.length === 1 && !roles.some((r) => r.role === "title")) return null;
  return { index: i, firstIndex: usedAbove && above ? i - 1 : i, roles, labels, monthCols, width: row.cells.length };
}

const REF_AT_START = /^(\d+(?:\.\d+)+[a-zA-Z]?|[A-Z]{1,5}\d+[a-zA-Z]?(?:-[A-Z]{1,4})?)\s+(\S.*)$/;
/** A figure, possibly with a % or thousands separators. */
const FIGURE = /-?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?%?/;
const TWO_FIGURES = new RegExp(`^(${FIGURE.source})(?:\\s+|(?<=%))(${FIGURE.source})$`);

/** Text that names a month ("Jan-20", "March 2021"), as a row label in tables with months down the side. */
function monthish(s: string): boolean {
  return s !== "" && (parseMonthHeader(s) !== null || /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-'’/]*\d{2,4}$/i.test(s));
}

/**
 * A reference as a person meant it: without the quotes around it (`'C'`,
 * `"1.2"`, curly ones pasted from a document) or a leading `&` (an Excel
 * header code, `&B` for bold, pasted with it).
 */
function cleanRef(s: string): string {
  return s.replace(/^(?:&(?=[A-Za-z0-9'"‘’“”`]))?['"‘’“”`\s]*/, "").replace(/['"‘’“”`\s]+$/, "");
}

function plausibleRef(s: string): boolean {
  if (s === "" || s.length > 24) return false;
  if (monthish(s)) return false;
  if (/\d/.test(s)) return s.split(/\s+/).length <= 3;
  return /^[A-Za-z][A-Za-z'’&-]{0,6}$/.test(s);
}

/** "CHILD PROTECTION" -> "Child protection"; acronyms (CIN, LAC) kept. */
export function sectionTitle(label: string): string {
  const t = label.replace(/\s+/g, " ").trim();
  if (/[a-z]/.test(t) || !/[A-Z]{4}/.test(t)) return t;
  const small = new Set(["AND", "OF", "THE", "IN", "ON", "TO", "FOR", "WITH", "BY", "AT", "OR", "A", "AN"]);
  const words = t.split(" ").map((w) => {
    const letters = w.replace(/[^A-Z]/g, "");
    if (small.has(letters)) return w.toLowerCase();
    if (letters.length <= 3 && letters.length > 0 && !/^\(/.test(w)) return w;
    return w.toLowerCase();
  });
  const s = words.join(" ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Case and spacing do not make a different area: "CiN", "CIN " and "cin" are one. */
export function areaKey(label: string): string {
  return label.replace(/\s+/g, " ").trim().toLowerCase();
}

export function interpretGrid(grid: Grid, problems: Problems, options: InterpretOptions = {}): Sheet | null {
  const yearStartMonth = options.yearStartMonth ?? 4;
  const rows = grid.rows;
  const notes = [...grid.notes];

  // Header rows (the first, and the same header repeated on later pages).
  const layouts: Layout[] = [];
  for (let i = 0; i < rows.length; i++) {
    const layout = headerAt(rows, i, yearStartMonth);
    if (layout) layouts.push(layout);
  }
  if (layouts.length === 0) {
    const first = rows.find((r) => !blank(r));
    problems.error(
      cellAt(grid, first?.row ?? 1, 0),
      "No header row with month columns was found.",
      "The sheet needs a header row naming the indicator's reference or title and a column per month headed like Jun-17, Sep 15, 2020-12 or a date (or month names under a year).",
    );
    return null;
  }

  // Each header's month columns: readable, and each month once.
  let fatal = false;
  for (const layout of layouts) {
    const header = rows[layout.index]!;
    const first = layout.monthCols[0]!;
    const last = layout.monthCols[layout.monthCols.length - 1]!;
    const seen = new Map<Month, number>();
    layout.roles.forEach((r, c) => {
      const text = textOf(header, c);
      if (r.role === "month") {
        const prev = seen.get(r.month);
        if (prev !== undefined) {
          problems.error(cellAt(grid, header.row, c), `The columns "${layout.labels[prev]}" and "${text}" are both ${shortMonth(r.month)}.`, "Keep one column per month: delete or rename one of them.");
          fatal = true;
        } else seen.set(r.month, c);
      } else if (c > first && c < last && r.role !== "ignored") {
        // a named column between months is allowed (a YTD between years...), a month-like one is not
        if (looksLikeMonth(text)) {
          problems.error(cellAt(grid, header.row, c), `The column header "${text}" cannot be read as a month.`, "Write month headers like Jun-17, Sep 15, June 2017 or 2017-06.");
          fatal = true;
        }
      } else if (r.role === "ignored" && text !== "" && (looksLikeMonth(text) || (c > first && c < last))) {
        problems.error(cellAt(grid, header.row, c), `The column header "${text}" cannot be read as a month.`, "Write month headers like Jun-17, Sep 15, June 2017 or 2017-06.");
        fatal = true;
      }
    });
  }
  if (fatal) return null;

  const firstLayout = layouts[0]!;
  const preambleRows = rows.slice(0, firstLayout.firstIndex).filter((r) => !blank(r));
  const preamble = preambleRows.map((r) => r.cells.map((c) => c.text.trim()).filter(Boolean).join(" "));
  const preambleText = preamble.join(" ");
  const yearMatch = /using\s+(\d{2}|\d{4})\s*[-/]\s*(\d{2})\s+data/i.exec(preambleText) ?? /benchmark\w*[^0-9]{0,40}(\d{4})\s*[-/]\s*(\d{2})/i.exec(preambleText);
  const benchmarkYear = yearMatch ? `${yearMatch[1]!.length === 2 ? 2000 + Number(yearMatch[1]) : yearMatch[1]}/${yearMatch[2]}` : null;
  const thresholdMatch = /(?:increase|decrease|up|down)\s+(\d+(?:\.\d+)?)\s*%\s+or\s+more/i.exec(preambleText);

  // Rows, page by page.
  const out: SheetRow[] = [];
  const headingRowIndexes = new Set(layouts.flatMap((l) => (l.firstIndex < l.index ? [l.firstIndex, l.index] : [l.index])));
  let currentArea: string | null = null;
  let skipping = false;
  const skipped: number[] = [];
  const damagedNotes: string[] = [];
  let splitJoined = 0;
  const cleanedRefs: string[] = [];
  const tick = rows.length > 300 ? Math.ceil(rows.length / 10) : 0;
  for (let li = 0; li < layouts.length; li++) {
    const layout = layouts[li]!;
    const end = li + 1 < layouts.length ? layouts[li + 1]!.firstIndex : rows.length;
    skipping = false;
    const col = (role: ColumnRole["role"]) => layout.roles.findIndex((r) => r.role === role);
    const refCol = col("ref");
    const titleCol = col("title");
    const sectionCol = col("section");
    const dataCols = layout.roles.map((r, c) => (["ref", "title", "section", "ignored"].includes(r.role) ? -1 : c)).filter((c) => c >= 0);
    // The header's width: up to its last labelled cell (exports pad some header rows with empty cells).
    const lastFilled = (r: GridRow) => r.cells.reduce((m, c, k) => (c.text.trim() !== "" ? k + 1 : m), 0);
    const headerWidth = Math.max(lastFilled(rows[layout.index]!), lastFilled(rows[layout.firstIndex]!));
    for (let i = layout.index + 1; i < end; i++) {
      if (tick && i % tick === 0 && process.stderr.isTTY) process.stderr.write(`\rReading ${grid.file}: row ${rows[i]!.row} of ${rows.length}`);
      if (headingRowIndexes.has(i)) continue;
      const gridRow = rows[i]!;
      if (blank(gridRow)) continue;
      if (skipping) {
        skipped.push(gridRow.row);
        continue;
      }
      let cells = gridRow.cells;
      // Text exported from a PDF sometimes runs two cells together ("50.8%57.2%"), shifting the rest left.
      const damaged = new Map<number, string>();
      if (grid.kind === "text" && cells.length < headerWidth) {
        const idx = cells.findIndex((c, k) => layout.roles[k]?.role === "month" && TWO_FIGURES.test(c.text.trim()) && !/^\d{1,3}\s\d{3}$/.test(c.text.trim()));
        if (idx >= 0) {
          const text = cells[idx]!.text.trim();
          cells = [...cells.slice(0, idx), { text }, { text }, ...cells.slice(idx + 1)];
          const why = `two columns run together ("${text}")`;
          damaged.set(idx, why);
          damaged.set(idx + 1, why);
        }
      }
      // ...or splits one: an arrow in a cell of its own ("↓", "-20%"), shifting the rest right.
      if (grid.kind === "text" && cells.length > headerWidth) {
        const joined = [...cells];
        for (let k = 0; k < joined.length - 1 && joined.length > headerWidth; k++) {
          if (/^[↑↓→⇒▲▼↗↘⬆⬇]$/.test(joined[k]!.text.trim()) && joined[k + 1]!.text.trim() !== "" && k > (layout.monthCols.at(-1) ?? 0)) {
            joined.splice(k, 2, { text: `${joined[k]!.text.trim()} ${joined[k + 1]!.text.trim()}` });
            splitJoined++;
          }
        }
        cells = joined;
      }
      const text = (c: number) => (c >= 0 && cells[c] && !cells[c]!.mergedCopy ? cells[c]!.text.trim() : "");
      const filled = cells.map((c, k) => (c.mergedCopy ? "" : c.text.trim()) !== "" ? k : -1).filter((k) => k >= 0);

      // A heading row: one cell of text (an area such as "Front door").
      if (filled.length === 1) {
        const only = text(filled[0]!);
        if (only.length <= 80 && !/^-?[\d,.]+%?$/.test(only)) {
          const isRef = filled[0] === refCol && plausibleRef(only) && /\d/.test(only);
          if (!isRef) {
            currentArea = plainText(only);
            continue;
          }
        } else if (only.length > 80) {
          skipping = true;
          skipped.push(gridRow.row);
          continue;
        }
      }

      let ref = plainText(text(refCol));
      const cleaned = cleanRef(ref);
      if (cleaned !== ref && cleaned !== "" && plausibleRef(cleaned)) {
        cleanedRefs.push(`\`${ref}\` (${addressText(grid, gridRow.row, refCol)}) as ${cleaned}`);
        ref = cleaned;
      }
      let title = plainText(text(titleCol));
      let area: string | null = sectionCol >= 0 ? plainText(text(sectionCol)) || null : null;
      const leading = REF_AT_START.exec(title);
      if (leading && (ref === "" || ref === leading[1] || refCol < 0 || !plausibleRef(ref) || sectionCol < 0)) {
        if (ref !== "" && ref !== leading[1] && sectionCol < 0) area = ref; // "ASSESSMENTS (NEW ONLY)" then "2.1 Number of assessments started"
        else if (ref !== "" && ref !== leading[1]) area = area ?? ref;
        ref = leading[1]!;
        title = leading[2]!;
      } else if (ref !== "" && !plausibleRef(ref) && title !== "") {
        // An area label in the reference column, and a row without a reference.
        if (sectionCol < 0) area = ref;
        ref = "";
      }
      const hasData = dataCols.some((c) => text(c) !== "");
      const isIndicator = (ref !== "" || title !== "") && !monthish(ref) && !monthish(title) && (hasData || (ref !== "" && title !== ""));
      if (!isIndicator) {
        skipping = true;
        skipped.push(gridRow.row);
        continue;
      }
      if (area) currentArea = area;
      // A CSV row cut short (a separator lost inside an unquoted cell): its figures would land in the wrong months.
      if (grid.kind === "csv" && cells.length < headerWidth && layout.monthCols.some((c) => c >= cells.length)) {
        const lost = layout.monthCols.filter((c) => c >= cells.length).map((c) => shortMonth((layout.roles[c] as { month: Month }).month));
        problems.error(
          cellAt(grid, gridRow.row, cells.length),
          `The row ${ref || title} has ${cells.length} cells but the header has ${headerWidth}, so it has no cell for ${lost.length > 1 ? `${lost[0]} to ${lost[lost.length - 1]}` : lost[0]}.`,
          "Add the missing cells (empty where there is no figure), or look for a separator inside an unquoted cell.",
        );
        continue;
      }

      const sheetCell = (c: number): SheetCell => {
        const cell: Cell = cells[c] ?? { text: "" };
        const origCol = damaged.size && c > Math.min(...damaged.keys()) ? c - 1 : c;
        const at = cellAt(grid, gridRow.row, origCol);
        const sc: SheetCell = { text: cell.mergedCopy ? "" : cell.text.trim(), at, address: addressText(grid, gridRow.row, origCol) };
        if (cell.number !== undefined && !cell.mergedCopy) sc.number = cell.number;
        if (cell.decimals !== undefined) sc.decimals = cell.decimals;
        if (cell.percent) sc.percent = true;
        if (cell.error) sc.error = cell.error;
        if (damaged.has(c)) sc.damaged = damaged.get(c)!;
        return sc;
      };
      const months = new Map<Month, SheetCell>();
      for (const c of layout.monthCols) months.set((layout.roles[c] as { month: Month }).month, sheetCell(c));
      const benchmarks: Partial<Record<BenchmarkKey, string>> = {};
      const targets: { year: string | null; text: string }[] = [];
      const targetParts: SheetRow["targetParts"] = {};
      const outturns = new Map<string, string>();
      let commentary = "";
      layout.roles.forEach((r, c) => {
        if (r.role === "benchmark") benchmarks[r.key] = text(c);
        else if (r.role === "target") targets.push({ year: r.year, text: text(c) });
        else if (r.role === "targetPart") targetParts[r.part] = text(c);
        else if (r.role === "outturn") outturns.set(r.year, text(c));
        else if (r.role === "commentary" && text(c) && !commentary) commentary = text(c);
      });
      const first = (role: ColumnRole["role"]) => text(col(role));
      const at = cellAt(grid, gridRow.row, refCol >= 0 ? refCol : Math.max(titleCol, 0));
      out.push({
        row: gridRow.row,
        where: addressText(grid, gridRow.row, grid.kind === "workbook" ? (refCol >= 0 ? refCol : Math.max(titleCol, 0)) : undefined),
        at,
        ref,
        sheetRef: ref,
        refMadeUp: false,
        refGuess: null,
        title,
        area: area ?? currentArea,
        owner: plainText(first("owner")),
        reporter: plainText(first("reporter")),
        outcome: plainText(first("outcome")),
        polarityText: first("polarity"),
        unitText: first("unit"),
        months,
        changePrevious: first("changePrevious"),
        changeLastYear: first("changeLastYear"),
        average12: first("average12"),
        max12: first("max12"),
        ytd: first("ytd"),
        benchmarks,
        targets,
        targetParts,
        outturns,
        commentary,
      });
      for (const [k, why] of damaged) if (layout.roles[k]?.role === "month" && k === Math.min(...damaged.keys())) damagedNotes.push(`${addressText(grid, gridRow.row, k)}: ${why}`);
    }
  }
  if (tick && process.stderr.isTTY) process.stderr.write("\r\x1b[K");
  if (out.length === 0) {
    problems.error(cellAt(grid, rows[firstLayout.index]!.row, 0), "The sheet has a header but no indicator rows below it.", "Add a row per indicator below the header.");
    return null;
  }
  if (skipped.length) {
    const after = skipped.filter((r) => r > out[out.length - 1]!.row);
    const within = skipped.filter((r) => r < out[out.length - 1]!.row);
    if (within.length) notes.push(`Rows between the table's pages were not read as indicators (titles, keys and notes): ${spans(within)}.`);
    if (after.length) notes.push(`The table ends at row ${out[out.length - 1]!.row}; the ${after.length} non-blank rows below it (${spans(after)}) were not read.`);
  }

  // References: each row gets its own, stated where the import made one up.
  const used = new Set(out.map((r) => r.ref).filter(Boolean));
  const firstRow = new Map<string, number>();
  let previous: string | null = null;
  const suffixes = new Map<string, number>();
  for (const r of out) {
    if (r.ref === "") {
      const base = previous ?? `R${r.row}`;
      let candidate = "";
      for (let k = suffixes.get(base) ?? 1; k < 27 * 27; k++) {
        suffixes.set(base, k + 1);
        const suffix = k < 26 ? String.fromCharCode(97 + k) : `${String.fromCharCode(97 + Math.floor(k / 26))}${String.fromCharCode(97 + (k % 26))}`;
        candidate = /\d$/.test(base) ? `${base}${suffix}` : `${base}-${suffix}`;
        if (!used.has(candidate)) break;
      }
      r.ref = candidate;
      r.refMadeUp = true;
      r.refGuess = previous ? `the sheet gives no reference (${r.where}); "${candidate}" was made from the reference of the row above (${previous})` : `the sheet gives no reference (${r.where}); "${candidate}" was made from its row`;
    } else if (firstRow.has(r.ref)) {
      let n = 2;
      while (used.has(`${r.ref}-${n}`)) n++;
      const candidate = `${r.ref}-${n}`;
      r.refGuess = `the reference "${r.ref}" is also used on row ${firstRow.get(r.ref)}; this row (${r.where}) was given "${candidate}"`;
      r.ref = candidate;
      r.refMadeUp = true;
    }
    used.add(r.ref);
    if (!firstRow.has(r.sheetRef) && r.sheetRef) firstRow.set(r.sheetRef, r.row);
    if (r.sheetRef) previous = r.ref;
  }
  if (cleanedRefs.length) notes.push(`References written with quotes or a stray character were read without them: ${cleanedRefs.join(", ")}.`);
  if (splitJoined) notes.push(`${splitJoined} arrows that the export put in cells of their own were joined to the figure after them.`);
  if (damagedNotes.length) notes.push(`Cells damaged in the export were read as no value: ${damagedNotes.join("; ")}.`);

  // The sheet's months: trailing columns with no figures yet are not months of data.
  let months = [...new Set(layouts.flatMap((l) => l.monthCols.map((c) => (l.roles[c] as { month: Month }).month)))].sort();
  const hasFigure = (m: Month) => out.some((r) => {
    const c = r.months.get(m);
    return c !== undefined && c.text !== "" && !isNoValueMarker(c.text);
  });
  const titleMonth = preamble.map((p) => /(?:as at|month end|for|report(?:ing)? month)[^A-Za-z0-9]*(?:month end:?\s*)?([A-Za-z]{3,9}\.?\s+\d{4})/i.exec(p)?.[1]).map((t) => (t ? parseMonthHeader(t) : null)).find((m) => m);
  let lastMonth = months.length - 1;
  while (lastMonth > 0 && !hasFigure(months[lastMonth]!)) lastMonth--;
  if (titleMonth && months.includes(titleMonth) && months.indexOf(titleMonth) >= lastMonth) lastMonth = months.indexOf(titleMonth);
  if (lastMonth < months.length - 1) {
    const dropped = months.slice(lastMonth + 1);
    notes.push(`The columns for ${shortMonth(dropped[0]!)}${dropped.length > 1 ? ` to ${shortMonth(dropped[dropped.length - 1]!)}` : ""} have no figures yet, so the sheet's latest month is ${shortMonth(months[lastMonth]!)}.`);
    months = months.slice(0, lastMonth + 1);
    for (const r of out) for (const m of dropped) r.months.delete(m);
  }

  const commentaryRole = firstLayout.roles.find((r) => r.role === "commentary") as { role: "commentary"; month: Month | null } | undefined;
  const benchmarkLabels: Partial<Record<BenchmarkKey, string>> = {};
  firstLayout.roles.forEach((r, c) => {
    if (r.role === "benchmark" && !benchmarkLabels[r.key]) benchmarkLabels[r.key] = firstLayout.labels[c]!;
  });
  const ignoredColumns = [...new Set(layouts.flatMap((l) => l.labels.filter((h, c) => l.roles[c]!.role === "ignored" && h !== "")))];
  return {
    file: grid.file,
    kind: grid.kind,
    sheetName: grid.sheet ?? null,
    months,
    rows: out,
    commentaryMonth: commentaryRole ? (commentaryRole.month ?? months[months.length - 1]!) : null,
    benchmarkYear,
    dotThreshold: thresholdMatch ? Number(thresholdMatch[1]) : null,
    benchmarkLabels,
    ignoredColumns,
    preamble,
    notes,
  };
}

/** How well a grid reads as a dataset (for choosing a workbook's sheet): indicator rows x month columns. */
export function datasetScore(grid: Grid): number {
  const problems = { error() {}, warning() {} } as unknown as Problems;
  const sheet = interpretGrid(grid, problems);
  return sheet ? sheet.rows.length * sheet.months.length : 0;
}

function spans(rows: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    out.push(j > i ? `${rows[i]}-${rows[j]}` : String(rows[i]));
    i = j + 1;
  }
  return out.length > 6 ? `${out.slice(0, 6).join(", ")}...` : out.join(", ");
}

/** Months between the first and last that have no column (a gap in the sheet). */
export function missingMonths(months: Month[]): Month[] {
  const out: Month[] = [];
  for (let m = months[0]; m && m < months[months.length - 1]!; m = addMonths(m, 1)) if (!months.includes(m)) out.push(m);
  return out;
}
