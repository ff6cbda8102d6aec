// The tables of the month report: the performance summary (one table per
// section) and each section's in-month table, as govukTable parameters.
import type { Authority, IndicatorResult, MonthModel, TableSpec } from "../model/types.ts";
import { formatChange, formatValue } from "../format/number.ts";
import { toleranceColumns } from "../format/target.ts";
import { monthRange, shortMonth } from "../metrics/months.ts";
import { dotCell, escapeHtml, figureCell, ragCell, textCell, type Cell } from "./cells.ts";
import { assuranceIcon, variationIcon } from "./icons.ts";

export interface TableView {
  caption?: string;
  /** Extra classes for the table (e.g. its layout in print). */
  classes?: string;
  head: Cell[];
  rows: Cell[][];
  /** Columns that are figures, for the print stylesheet's widths. */
  columns: number;
}

export const POLARITY_WORDS = { high: "High", low: "Low", info: "Info", range: "Within range" } as const;
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

const BAND_WORDS = { "top-quartile": "England top quartile", "better-than-average": "better than England average", "worse-than-average": "worse than England average" } as const;
const SHORT_BENCHMARK = { statNeighbour: "SN", bestStatNeighbour: "best SN", england: "England", englandTopQuartile: "top quartile", region: "region" } as const;

/** "Better than SN, worse than England (better than England average)". */
export function positionText(i: IndicatorResult): string {
  const parts = (["statNeighbour", "england"] as const)
    .filter((k) => i.benchmarkPosition?.[k])
    .map((k) => `${i.benchmarkPosition![k] === "similar" ? "similar to" : `${i.benchmarkPosition![k]} than`} ${SHORT_BENCHMARK[k]}`);
  // The band adds to "better than England" only when it is the top quartile.
  const band = i.benchmarkBand && (i.benchmarkBand === "top-quartile" || !i.benchmarkPosition?.england) ? BAND_WORDS[i.benchmarkBand] : null;
  const text = parts.join(", ");
  if (!text) return band ?? "";
  return band ? `${text.charAt(0).toUpperCase()}${text.slice(1)} (${band})` : `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

const iconCell = (html: string): Cell => ({ html, classes: "bp-cell-centre" });

/** The direction-of-travel and SPC columns both summary styles share. */
function judgementHeads(showSpc: boolean): Cell[] {
  return [headCell("DoT", false, "bp-cell-centre"), ...(showSpc ? [headCell("Variation", false, "bp-cell-centre"), headCell("Assurance", false, "bp-cell-centre")] : [])];
}
function judgementCells(i: IndicatorResult, showSpc: boolean, dot: Authority["dot"]): Cell[] {
  return [dotCell(i.dot, i.dotJudgement, dot), ...(showSpc ? [iconCell(variationIcon(i.spc?.variation)), iconCell(assuranceIcon(i.spc?.assurance))] : [])];
}

/** The performance summary's table for one section, in the authority's style. */
export function summaryTable(model: MonthModel, indicators: IndicatorResult[], authority: Pick<Authority, "benchmarks" | "dot" | "report" | "display">): TableView {
  const showRag = authority.display.rag;
  const showSpc = authority.display.spc;
  const months = monthRange(model.last12[9]!, model.month);
  const bm = authority.benchmarks;
  if (authority.report.style === "monthly-dataset") {
    const head = [
      headCell("Ref"),
      headCell("Indicator"),
      headCell("Owner"),
      headCell("Reporter"),
      ...months.map((m) => headCell(shortMonth(m), true)),
      headCell("Change on last month", true),
      headCell("Change on last year", true),
      ...judgementHeads(showSpc),
      ...(showRag ? [headCell("RAG", false, "bp-cell-centre")] : []),
      headCell("12-month average", true),
      headCell("12-month max", true),
      ...bm.columns.map((k) => headCell(bm.labels[k], true)),
      headCell("Against benchmarks"),
      headCell("Target"),
    ];
    const rows = indicators.map((i) => [
      textCell(i.ref, "bp-ref"),
      textCell(i.title),
      textCell(i.owner ?? ""),
      textCell(i.reporter ?? ""),
      ...months.map((m) => figureCell(pointAt(i, m), i.unit, i.decimals, { parts: false })),
      { text: formatChange(i.changeFromPrevious), format: "numeric" as const },
      { text: formatChange(i.changeFromLastYear), format: "numeric" as const },
      ...judgementCells(i, showSpc, authority.dot),
      ...(showRag ? [ragCell(i.rag)] : []),
      figureCell({ value: i.average12 }, i.unit, i.decimals),
      figureCell({ value: i.max12 }, i.unit, i.decimals),
      ...bm.columns.map((k) => benchmarkCell(i, k)),
      textCell(positionText(i)),
      textCell(i.target ? targetText(i) : ""),
    ]);
    return { head, rows, columns: head.length, classes: "bp-summary-table--dataset" };
  }
  const head = [
    headCell("Ref"),
    headCell("Indicator"),
    headCell("Good performance is"),
    headCell("Data note"),
    ...months.map((m) => headCell(shortMonth(m), true)),
    headCell(`YTD ${model.reportingYear}`, true),
    ...judgementHeads(showSpc),
    ...(showRag ? [headCell("RAG", false, "bp-cell-centre"), headCell("Red"), headCell("Amber"), headCell("Green (target)")] : []),
    ...model.trendYears.map((y) => headCell(y, true)),
    ...bm.columns.map((k) => headCell(BENCHMARK_SHORT[k], true)),
    headCell("Against benchmarks"),
  ];
  const rows = indicators.map((i) => {
    const tol = i.target ? toleranceColumns(i.target, i.unit, i.decimals) : null;
    return [
      textCell(i.ref, "bp-ref"),
      textCell(i.title),
      textCell(POLARITY_WORDS[i.polarity]),
      textCell(dataNote(i)),
      ...months.map((m) => figureCell(pointAt(i, m), i.unit, i.decimals, { parts: false })),
      i.ytd === null ? { text: "-", format: "numeric" as const, classes: "bp-na" } : figureCell({ value: i.ytd }, i.unit, i.decimals),
      ...judgementCells(i, showSpc, authority.dot),
      ...(showRag ? [ragCell(i.rag), textCell(tol?.red ?? ""), textCell(tol?.amber ?? ""), textCell(tol?.green ?? "")] : []),
      ...i.annual.map((a) => (a.value === null ? { text: "-", format: "numeric" as const, classes: "bp-na" } : figureCell(a, i.unit, i.decimals, { parts: false }))),
      ...bm.columns.map((k) => benchmarkCell(i, k)),
      textCell(positionText(i)),
    ];
  });
  return { head, rows, columns: head.length, classes: `bp-summary-table--report${showSpc ? " bp-summary-table--spc" : ""}${showRag ? "" : " bp-summary-table--no-rag"}` };
}

function benchmarkCell(i: IndicatorResult, key: keyof typeof BENCHMARK_SHORT): Cell {
  const v = i.benchmarks?.values[key];
  if (v === undefined) return { text: "", format: "numeric" };
  return { text: formatValue(v, i.unit, i.decimals), format: "numeric" };
}

export function targetText(i: IndicatorResult): string {
  const t = toleranceColumns(i.target!, i.unit, i.decimals);
  return `Green ${t.green}; amber ${t.amber}; red ${t.red}`;
}

/**
 * A section's table as the pack lays it out: a row per month (the 12 months
 * to the report month, then the rest of the reporting year), then the YTD,
 * the annual trend and the benchmarks; a column per indicator.
 */
export function sectionTable(model: MonthModel, spec: TableSpec, byRef: Map<string, IndicatorResult>, benchmarkLabels: Authority["benchmarks"]["labels"]): TableView {
  const indicators = spec.indicators.map((r) => byRef.get(r)).filter((i): i is IndicatorResult => !!i);
  const head = [headCell(""), ...indicators.map((i) => ({ html: `<span class="bp-ref">${escapeHtml(i.ref)}</span> ${escapeHtml(i.shortTitle)}`, format: "numeric" as const }))];
  const rows: Cell[][] = [];
  const termly = indicators.length > 0 && indicators.every((i) => i.frequency === "termly");

  if (termly) {
    const labels = [...new Set(indicators.flatMap((i) => i.terms.map((t) => t.label)))];
    for (const label of labels) {
      rows.push([textCell(label), ...indicators.map((i) => figureCell({ value: i.terms.find((t) => t.label === label)?.value ?? null }, i.unit, i.decimals))]);
    }
  } else {
    const future = model.yearMonths.filter((m) => m > model.month);
    for (const m of [...model.last12, ...future]) {
      const isFuture = m > model.month;
      rows.push([
        textCell(shortMonth(m), m === model.month ? "bp-current" : ""),
        ...indicators.map((i) => (isFuture ? { text: "", format: "numeric" as const } : figureCell(pointAt(i, m), i.unit, i.decimals))),
      ]);
    }
    rows.push([
      textCell(`YTD ${model.reportingYear}`, "bp-total"),
      ...indicators.map((i) =>
        i.ytd === null
          ? { text: "-", format: "numeric" as const, classes: "bp-na bp-total" }
          : { ...figureCell({ value: i.ytd, numerator: i.ytdNumerator, denominator: i.ytdDenominator }, i.unit, i.decimals), classes: "bp-total" },
      ),
    ]);
  }
  // The first row of a group (annual trend, benchmarks) is ruled off across the table.
  const startGroup = (row: Cell[]) => row.map((c) => ({ ...c, classes: `${c.classes ?? ""} bp-group-start`.trim() }));
  const years = indicators[0]?.annual.map((a) => a.year) ?? model.trendYears;
  years.forEach((year, idx) => {
    const row = [
      textCell(termly ? `${year} (academic year)` : year),
      ...indicators.map((i) => {
        const a = i.annual[idx];
        return a && a.value !== null ? figureCell(a, i.unit, i.decimals) : { text: "-", format: "numeric" as const, classes: "bp-na" };
      }),
    ];
    rows.push(idx === 0 ? startGroup(row) : row);
  });
  const keys = (["statNeighbour", "bestStatNeighbour", "england", "englandTopQuartile", "region"] as const).filter((k) => indicators.some((i) => i.benchmarks?.values[k] !== undefined));
  keys.forEach((k, idx) => {
    const row = [
      textCell(benchmarkLabels[k]),
      ...indicators.map((i) => {
        const v = i.benchmarks?.values[k];
        return v === undefined ? { text: "", format: "numeric" as const } : { text: `${formatValue(v, i.unit, i.decimals)}${i.benchmarks!.year !== model.trendYears.at(-1) ? ` (${i.benchmarks!.year})` : ""}`, format: "numeric" as const };
      }),
    ];
    rows.push(idx === 0 ? startGroup(row) : row);
  });
  return { ...(spec.title ? { caption: spec.title } : {}), head, rows, columns: head.length };
}
