// The tables of the month report: the performance summary (one table per
// section) and each section's in-month table, as govukTable parameters.
import type { Authority, IndicatorResult, MonthModel, TableSpec } from "../model/types.ts";
import { formatValue } from "../format/number.ts";
import { formatTarget, RAG_WORDS, targetLines } from "../format/target.ts";
import { monthRange, shortMonth } from "../metrics/months.ts";
import { figureChangeCell, dotCell, escapeHtml, figureCell, ragCell, textCell, type Cell } from "./cells.ts";
import { fieldFigure, withheldAs } from "../format/withheld.ts";
import { assuranceIcon, variationIcon } from "./icons.ts";
import { benchmarkVerdict, otherBenchmarkYear, verdictHeading } from "../format/benchmarkVerdict.ts";
import { ragSafeDecimals } from "../format/ragFigure.ts";
import { latestFigure, POLARITY_SHORT } from "./words.ts";

export interface TableView {
  caption?: string;
  /** Extra classes for the table (e.g. its layout in print). */
  classes?: string;
  head: Cell[];
  rows: Cell[][];
  /** Columns that are figures, for the print stylesheet's widths. */
  columns: number;
  /** Notes printed under the table ("[1] ..." for an indicator marked [1] in it). */
  footnotes?: string[];
}

/** Numbers the footnotes of the indicators in a table: each indicator's marker ("[1]") and the notes, in order. */
function indicatorFootnotes(indicators: IndicatorResult[]): { marker: Map<string, string>; notes: string[] } {
  const marker = new Map<string, string>();
  const notes: string[] = [];
  for (const i of indicators) {
    if (!i.footnotes?.length) continue;
    const marks = i.footnotes.map((text) => {
      notes.push(`[${notes.length + 1}] ${i.ref}: ${text}`);
      return `[${notes.length}]`;
    });
    marker.set(i.ref, marks.join(""));
  }
  return { marker, notes };
}

/** An indicator's footnote marker, as HTML after its title ("" if none). */
function markerHtml(marker: Map<string, string>, ref: string): string {
  const m = marker.get(ref);
  return m ? ` <span class="bp-footnote-ref">${escapeHtml(m)}</span>` : "";
}

const UNIT_NOTE = { count: "Count", percentage: "Percentage", rate: "Rate per 10,000", average: "Average" } as const;

export function dataNote(i: IndicatorResult): string {
  return i.dataNote ?? UNIT_NOTE[i.unit];
}

const BENCHMARK_SHORT = { statNeighbour: "SN avg", bestStatNeighbour: "Best SN", england: "England", englandTopQuartile: "Eng. top quartile", region: "Region" } as const;

/** Figure of `ind` in month `m` of the model (as a series point). */
function pointAt(ind: IndicatorResult, m: string) {
  return ind.series.find((p) => p.month === m) ?? null;
}

const headCell = (text: string, numeric = false, classes = ""): Cell => ({ text, ...(numeric ? { format: "numeric" as const } : {}), ...(classes ? { classes } : {}) });

const iconCell = (html: string): Cell => ({ html, classes: "bp-cell-centre" });

/** A column of the performance summary: its heading, its cell, and the print view it belongs to. */
interface SummaryColumn {
  head: Cell;
  cell: (i: IndicatorResult) => Cell;
  /** Print splits the summary: performance this month, then annual trend and benchmarks. Ref and title are in both. */
  view: "both" | "performance" | "trend";
  /** A trend column that holds a figure (rows with none of these are left out of the trend view). */
  figure?: boolean;
  /** Shown on the site only, or in print only. */
  only?: "site" | "print";
}

/** Marks a column's cells (and its heading) so the print stylesheet can size it. */
function column(name: string, view: SummaryColumn["view"], head: Cell, cell: (i: IndicatorResult) => Cell, figure = false): SummaryColumn {
  const tag = (c: Cell): Cell => ({ ...c, classes: `${c.classes ?? ""} bp-col-${name}`.trim() });
  return { head: tag(head), cell: (i) => tag(cell(i)), view, ...(figure ? { figure } : {}) };
}

const dash = (): Cell => ({ text: "-", format: "numeric", classes: "bp-na" });

/** The columns of the performance summary, in the authority's style. */
function summaryColumns(model: MonthModel, authority: Pick<Authority, "benchmarks" | "dot" | "report" | "display">, marks: Map<string, string>): SummaryColumn[] {
  const showRag = authority.display.rag;
  const showSpc = authority.display.spc;
  const months = monthRange(model.last12[9]!, model.month);
  const bm = authority.benchmarks;
  const style = authority.report.style;
  const judgement: SummaryColumn[] = [
    column("dot", "performance", headCell("DoT", false, "bp-cell-centre"), (i) => dotCell(i.dot, i.dotJudgement, authority.dot, withheldAs(i, "dot"))),
    ...(showSpc
      ? [
          column("icon", "performance", headCell("Variation", false, "bp-cell-centre"), (i) => iconCell(variationIcon(i.spc?.variation))),
          column("icon", "performance", headCell("Assurance", false, "bp-cell-centre"), (i) => iconCell(assuranceIcon(i.spc?.assurance))),
        ]
      : []),
  ];
  const rag: SummaryColumn[] = showRag
    ? [
        column("rag", "performance", headCell("RAG", false, "bp-cell-centre"), (i) => ragCell(i.rag, withheldAs(i, "rag"))),
        column("target", "performance", headCell("Target and tolerances"), (i) => targetCell(i)),
      ]
    : [];
  // A termly indicator has no monthly figures: its latest term's figure spans the month columns (the earlier ones merge into the last).
  const monthCells = months.map((m) =>
    column("figure", "performance", headCell(shortMonth(m), true), (i) => (i.frequency === "termly" && i.value === null && m !== model.month ? MERGE_NEXT : monthFigureCell(i, m, model.month))),
  );
  const benchmarks = bm.columns.map((k) => column("figure", "trend", headCell(style === "monthly-dataset" ? bm.labels[k] : BENCHMARK_SHORT[k], true), (i) => benchmarkCell(i, k, bm.year), true));
  const position = column("position", "trend", headCell(verdictHeading(model.month, bm.year)), (i) => textCell(benchmarkVerdict(i, bm.year)));
  const ref = column("ref", "both", headCell("Ref"), (i) => textCell(i.ref, "bp-ref"));
  const title = column("title", "both", headCell("Indicator"), (i) => (i.footnotes?.length ? { html: `${escapeHtml(i.title)}${markerHtml(marks, i.ref)}` } : textCell(i.title)));
  if (style === "monthly-dataset") {
    return [
      ref,
      title,
      { ...column("owner", "performance", headCell("Owner"), (i) => textCell(i.owner ?? "")), only: "site" },
      { ...column("owner", "performance", headCell("Reporter"), (i) => textCell(i.reporter ?? "")), only: "site" },
      // In print one column: the page needs the room for the indicator's title.
      {
        ...column("owner", "performance", headCell("Owner / reporter"), (i) => (i.owner || i.reporter ? { html: [i.owner, i.reporter].filter(Boolean).map((n) => escapeHtml(n!)).join("<br>") } : textCell(""))),
        only: "print",
      },
      ...monthCells,
      column("figure", "performance", headCell("Change on last month", true), (i) => figureChangeCell(i, i.previous, i.changeFromPrevious, withheldAs(i, "changeFromPrevious"))),
      column("figure", "performance", headCell("Change on last year", true), (i) => figureChangeCell(i, i.lastYear, i.changeFromLastYear, withheldAs(i, "changeFromLastYear"))),
      ...judgement,
      ...rag,
      column("figure", "trend", headCell("12-month average", true), (i) => figureCell(fieldFigure(i, "average12"), i.unit, i.decimals), true),
      column("figure", "trend", headCell("12-month max", true), (i) => figureCell(fieldFigure(i, "max12"), i.unit, i.decimals), true),
      ...benchmarks,
      position,
    ];
  }
  return [
    ref,
    title,
    // The site's words (words.ts), not the catalogue's codes ("Info", "High").
    column("polarity", "performance", headCell("Good performance"), (i) => textCell(POLARITY_SHORT[i.polarity])),
    column("note", "performance", headCell("Unit"), (i) => textCell(dataNote(i))),
    ...monthCells,
    column("figure", "performance", headCell(`YTD ${model.reportingYear}`, true), (i) => (i.ytd === null && !withheldAs(i, "ytd") ? dash() : figureCell(fieldFigure(i, "ytd"), i.unit, i.decimals, { parts: false }))),
    ...judgement,
    ...rag,
    ...model.trendYears.map((y, idx) => column("figure", "trend", headCell(y, true), (i) => annualCell(i, idx, y), true)),
    ...benchmarks,
    position,
  ];
}

/** A cell that joins the next one of its row (that cell spans both). */
const MERGE_NEXT: Cell = { text: "", classes: "bp-merge-next" };

/** A row with each MERGE_NEXT cell folded into the colspan of the cell after it. */
function mergeCells(row: Cell[]): Cell[] {
  const out: Cell[] = [];
  let carry = 0;
  for (const cell of row) {
    if (cell.classes?.split(" ").includes("bp-merge-next")) {
      carry += cell.colspan ?? 1;
      continue;
    }
    out.push(carry ? { ...cell, colspan: (cell.colspan ?? 1) + carry } : cell);
    carry = 0;
  }
  return out;
}

function tableOf(columns: SummaryColumn[], indicators: IndicatorResult[], classes: string, footnotes: string[] = []): TableView {
  const head = columns.map((c) => c.head);
  return { head, rows: indicators.map((i) => mergeCells(columns.map((c) => c.cell(i)))), columns: head.length, classes, ...(footnotes.length ? { footnotes } : {}) };
}

function styleClasses(authority: Pick<Authority, "report" | "display">): string {
  const { display } = authority;
  return `bp-summary-table--${authority.report.style === "monthly-dataset" ? "dataset" : "report"}${display.spc ? " bp-summary-table--spc" : ""}${display.rag ? "" : " bp-summary-table--no-rag"}`;
}

/** The performance summary's table for one section, every column in one table (the site). */
export function summaryTable(model: MonthModel, indicators: IndicatorResult[], authority: Pick<Authority, "benchmarks" | "dot" | "report" | "display">): TableView {
  const { marker, notes } = indicatorFootnotes(indicators);
  return tableOf(summaryColumns(model, authority, marker).filter((c) => c.only !== "print"), indicators, styleClasses(authority), notes);
}

/**
 * The summary for print, in two views a landscape page holds at a legible
 * size: this month's performance (figures, DoT, SPC, RAG, target), then the
 * annual trend and benchmarks of the indicators that have any (null if none).
 * One call for all sections: a column blank in every section (no targets at
 * all, no benchmarks) is left out of every section's table.
 */
export function summaryViews(
  model: MonthModel,
  sections: IndicatorResult[][],
  authority: Pick<Authority, "benchmarks" | "dot" | "report" | "display">,
): { performance: TableView; trend: TableView | null }[] {
  const classes = styleClasses(authority);
  const hasFigure = (c: Cell) => !/^(-|n\/a|)$/.test(cellText(c));
  const views = sections.map((indicators) => {
    const trendRows = indicators.filter((i) => summaryColumns(model, authority, new Map()).some((c) => c.view === "trend" && c.figure && hasFigure(c.cell(i))));
    const perf = indicatorFootnotes(indicators);
    const trend = indicatorFootnotes(trendRows);
    if (trendRows.some(hasAcademicFigures)) trend.notes.push(ACADEMIC_NOTE);
    return {
      performance: { columns: summaryColumns(model, authority, perf.marker).filter((c) => c.view !== "trend" && c.only !== "site"), rows: indicators, notes: perf.notes },
      trend: { columns: summaryColumns(model, authority, trend.marker).filter((c) => c.view !== "performance" && c.only !== "site"), rows: trendRows, notes: trend.notes },
    };
  });
  // Ref and title always; any other column where some row of some section has something.
  const used = (view: "performance" | "trend") =>
    (views[0]?.[view].columns ?? []).map((c, k) => c.view === "both" || views.some((v) => v[view].rows.some((i) => cellText(v[view].columns[k]!.cell(i)) !== "")));
  const keepPerf = used("performance");
  const keepTrend = used("trend");
  return views.map((v) => ({
    performance: tableOf(v.performance.columns.filter((_, k) => keepPerf[k]), v.performance.rows, `bp-summary-table--performance ${classes}`, v.performance.notes),
    trend: v.trend.rows.length ? tableOf(v.trend.columns.filter((_, k) => keepTrend[k]), v.trend.rows, `bp-summary-table--trend ${classes}`, v.trend.notes) : null,
  }));
}

function cellText(c: Cell): string {
  return (c.text ?? c.html ?? "").trim();
}

/** A cell with no figure: blank, "-" or "n/a" (a note such as "tbc" or a withheld symbol is not empty). */
const emptyCell = (c: Cell) => /^(-|n\/a|)$/.test(cellText(c).replace(/<[^>]*>/g, "").trim());
/** A table row (its first cell the period) with no figure in any column. */
const emptyRow = (row: Cell[]) => row.slice(1).every(emptyCell);

/** A benchmark's value, with its year under it where that is not the year the columns are for. */
export function benchmarkCell(i: IndicatorResult, key: keyof typeof BENCHMARK_SHORT, defaultYear: string): Cell {
  const v = i.benchmarks?.values[key];
  if (v === undefined) return { text: "", format: "numeric" };
  const year = otherBenchmarkYear(i, defaultYear);
  const text = formatValue(v, i.unit, i.decimals);
  return year ? { html: `${escapeHtml(text)} <span class="bp-parts">${escapeHtml(year)}</span>`, format: "numeric" } : { text, format: "numeric" };
}

/**
 * The outturn of the `idx`-th year of the annual trend, under the column of
 * reporting year `heading`: an academic indicator's figure says which academic
 * year it is for ("76.0%" over "ac. 2014/15"), so no one reads it as the
 * heading's year.
 */
export function annualCell(i: IndicatorResult, idx: number, heading: string): Cell {
  const a = i.annual[idx];
  if (!a || (a.value === null && !a.note && !a.withheld)) return dash();
  const cell = figureCell(a, i.unit, i.decimals, { parts: false });
  return i.yearBasis === "academic" || a.year !== heading ? withPeriod(cell, `${ACADEMIC_MARK} ${a.year}`) : cell;
}

/** True if the indicator's annual trend shows a figure for an academic year. */
export function hasAcademicFigures(i: IndicatorResult): boolean {
  return i.yearBasis === "academic" && i.annual.some((a) => a.value !== null || a.note || a.withheld);
}

/** What marks an academic year in a column of reporting years (the summary's note says so). */
export const ACADEMIC_MARK = "ac.";
export const ACADEMIC_NOTE = `${ACADEMIC_MARK}: the figure is for the academic year named (September to August), not for the reporting year of its column; termly indicators report by academic year.`;

/** A figure cell with the period it is for under it. */
function withPeriod(cell: Cell, period: string): Cell {
  const figure = cell.html ?? escapeHtml(cell.text ?? "");
  const { text: _text, ...rest } = cell;
  return { ...rest, html: `${figure} <span class="bp-parts">${escapeHtml(period)}</span>`, format: "numeric" };
}

/**
 * A month's figure in a summary or section table; the report month's at the
 * decimals its RAG rating needs (67.98%, not 68.0%, where Amber starts at 68%).
 */
export function monthFigureCell(i: IndicatorResult, m: string, reportMonth: string, options: { parts?: boolean } = { parts: false }): Cell {
  // A termly indicator has no monthly figure: the report month's column gives its latest term's, with the term.
  if (m === reportMonth && i.frequency === "termly" && i.value === null && !withheldAs(i, "value")) {
    const latest = latestFigure(i, reportMonth);
    if (!latest.current) return { text: `${latest.value} (${latest.period})`, format: "numeric" };
  }
  return figureCell(pointAt(i, m), i.unit, m === reportMonth ? ragSafeDecimals(i.value, i.target, i.decimals) : i.decimals, options);
}

/** The target in one line of words: `Green 95% or more; Amber 92% to under 95%; Red below 92%`. */
export function targetText(i: IndicatorResult): string {
  return formatTarget(i.target!, i.unit, i.decimals);
}

/** The target and tolerances in one cell, a line per RAG state, the month's state marked. */
export function targetCell(i: IndicatorResult): Cell {
  if (!i.target) return { text: "" };
  const lines = targetLines(i.target, i.unit, i.decimals).map(
    (l) => `<span class="bp-target__line${l.rag === i.rag ? " bp-target__line--now" : ""}">${RAG_WORDS[l.rag]} ${escapeHtml(l.text)}</span>`,
  );
  return { html: `<span class="bp-target">${lines.join("<br>")}</span>` };
}

/**
 * A section's table as the pack lays it out: a row per month (the 12 months
 * to the report month), then the YTD, the annual trend and the benchmarks; a
 * column per indicator. The months after the report month are left out: rows
 * with nothing in them only push the figures onto another page.
 */
export function sectionTable(
  model: MonthModel,
  spec: TableSpec,
  byRef: Map<string, IndicatorResult>,
  benchmarkLabels: Authority["benchmarks"]["labels"],
  /** Notes of the whole section, printed under this table (its last). */
  sectionFootnotes: string[] = [],
): TableView {
  const indicators = spec.indicators.map((r) => byRef.get(r)).filter((i): i is IndicatorResult => !!i);
  const { marker, notes } = indicatorFootnotes(indicators);
  const head = [
    headCell(""),
    ...indicators.map((i) => ({ html: `<span class="bp-ref">${escapeHtml(i.ref)}</span> ${escapeHtml(i.shortTitle)}${markerHtml(marker, i.ref)}`, format: "numeric" as const })),
  ];
  const rows: Cell[][] = [];
  const termly = indicators.length > 0 && indicators.every((i) => i.frequency === "termly");

  if (termly) {
    const labels = [...new Set(indicators.flatMap((i) => i.terms.map((t) => t.label)))];
    const termRows = labels.map((label) => [textCell(label), ...indicators.map((i) => figureCell(i.terms.find((t) => t.label === label) ?? null, i.unit, i.decimals))]);
    const first = termRows.findIndex((r) => !emptyRow(r));
    if (first >= 0) rows.push(...termRows.slice(first));
  } else {
    // The months before the first with a figure (an indicator begun part-way through the year) have no row.
    const monthRows = model.last12.map((m) => [textCell(shortMonth(m), m === model.month ? "bp-current" : ""), ...indicators.map((i) => monthFigureCell(i, m, model.month, {}))]);
    const first = monthRows.findIndex((r) => !emptyRow(r));
    model.last12.forEach((m, k) => {
      if (first < 0 || k < first) return;
      // A process change from this month (a new form, a new system): a row saying so, as the source does.
      const changes = [...new Set(indicators.flatMap((i) => i.rebases.filter((r) => r.month === m).map((r) => r.reason)))];
      if (changes.length && m !== model.last12[0]) rows.push([{ text: `${changes.join("; ")} (from ${shortMonth(m)})`, colspan: head.length, classes: "bp-rebase-row" }]);
      rows.push(monthRows[k]!);
    });
    const ytd = [
      textCell(`YTD ${model.reportingYear}`, "bp-total"),
      ...indicators.map((i) =>
        i.ytd === null && !withheldAs(i, "ytd")
          ? { text: "-", format: "numeric" as const, classes: "bp-na bp-total" }
          : { ...figureCell(fieldFigure(i, "ytd"), i.unit, i.decimals), classes: "bp-total" },
      ),
    ];
    if (!emptyRow(ytd)) rows.push(ytd);
  }
  // The first row of a group (annual trend, benchmarks) is ruled off across the table.
  const startGroup = (row: Cell[]) => row.map((c) => ({ ...c, classes: `${c.classes ?? ""} bp-group-start`.trim() }));
  const years = indicators[0]?.annual.map((a) => a.year) ?? model.trendYears;
  const academicRows = indicators[0]?.yearBasis === "academic";
  const yearRows = years.map((year, idx) => [
    textCell(academicRows ? `${year} (academic year)` : year),
    ...indicators.map((i) => {
      const a = i.annual[idx];
      if (!a || (a.value === null && !a.note && !a.withheld)) return { text: "-", format: "numeric" as const, classes: "bp-na" };
      // In a table of both kinds, a figure of the other kind of year says which year it is for.
      const cell = figureCell(a, i.unit, i.decimals);
      return a.year === year ? cell : withPeriod(cell, i.yearBasis === "academic" ? `${ACADEMIC_MARK} ${a.year}` : a.year);
    }),
  ]);
  // The years before the first with a figure (the indicator did not exist) have no row either.
  const firstYear = yearRows.findIndex((r) => !emptyRow(r));
  if (firstYear >= 0) yearRows.slice(firstYear).forEach((row, idx) => rows.push(idx === 0 ? startGroup(row) : row));
  const keys = (["statNeighbour", "bestStatNeighbour", "england", "englandTopQuartile", "region"] as const).filter((k) => indicators.some((i) => i.benchmarks?.values[k] !== undefined));
  keys.forEach((k, idx) => {
    const row = [
      textCell(benchmarkLabels[k]),
      ...indicators.map((i) => {
        const v = i.benchmarks?.values[k];
        return v === undefined ? { text: "", format: "numeric" as const } : { text: `${formatValue(v, i.unit, i.decimals)}${i.benchmarks!.year !== (i.annual.at(-1)?.year ?? model.trendYears.at(-1)) ? ` (${i.benchmarks!.year})` : ""}`, format: "numeric" as const };
      }),
    ];
    rows.push(idx === 0 ? startGroup(row) : row);
  });
  const footnotes = [...(spec.footnotes ?? []), ...sectionFootnotes, ...notes];
  return { ...(spec.title ? { caption: spec.title } : {}), head, rows: rows.map(mergeNotes), columns: head.length, ...(footnotes.length ? { footnotes } : {}) };
}

/** Neighbouring cells of a row that hold the same long note become one cell across them, as the source prints it. */
function mergeNotes(row: Cell[]): Cell[] {
  const out: Cell[] = [];
  for (const cell of row) {
    const last = out.at(-1);
    const long = (c: Cell | undefined) => !!c?.classes?.split(" ").includes("bp-note") && (c.text ?? "").length > 12;
    if (last && long(cell) && long(last) && last.text === cell.text) {
      last.colspan = (last.colspan ?? 1) + 1;
      last.classes = "bp-note bp-note--wide";
      delete last.format;
    } else out.push({ ...cell });
  }
  return out;
}
