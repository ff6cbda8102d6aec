// The month's figures as CSV, one row per indicator, for staff to open in
// Excel: UTF-8 with a byte-order mark (without it Excel on Windows reads the
// file as ANSI and garbles "±" and "£"), Windows line ends, figures rounded to
// the indicator's decimals as the report prints them, every percentage on one
// scale (per cent numbers: 57.2, and changes as -14.7, with the unit in its
// own column), and no column that is empty in every row. The JSON beside it
// keeps full precision for other tools.
import { stringify } from "csv-stringify/sync";
import type { BenchmarkKey, IndicatorResult, MonthModel, Unit, WithheldField } from "../model/types.ts";
import { dotText } from "../format/dot.ts";
import { roundHalfAway } from "../format/number.ts";
import { formatTarget } from "../format/target.ts";
import { POLARITY_SHORT } from "../site/words.ts";
import { withheldAs } from "../format/withheld.ts";
import { benchmarkVerdict, verdictHeading } from "../format/benchmarkVerdict.ts";

const UNIT_WORDS: Record<Unit, string> = { count: "count", percentage: "%", rate: "per 10,000 children", average: "average" };
const RAG_WORDS = { red: "Red", amber: "Amber", green: "Green" } as const;
const BENCHMARKS: BenchmarkKey[] = ["statNeighbour", "bestStatNeighbour", "england", "englandTopQuartile", "region"];

type Value = string | null | undefined;

/** A plain number at `decimals` places, no separators, so Excel reads it as a number. */
function fixed(value: number | null | undefined, decimals: number): Value {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const text = roundHalfAway(value, decimals).toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** A relative change (a fraction) in per cent, to one place: -0.147 -> "-14.7". */
const changePct = (change: number | null) => fixed(change === null ? null : change * 100, 1);

/** The numerator or denominator of a percentage: whole, or to one place where it is not. */
const part = (v: number | null) => (v === null ? null : fixed(v, Number.isInteger(v) ? 0 : 1));

/**
 * Text a spreadsheet would run as a formula when the download is opened
 * (`=HYPERLINK(...)`, `+`, `-`, `@`, or a leading tab or carriage return:
 * a title, a benchmark label) starts with an apostrophe instead, which Excel
 * and LibreOffice read as "this is text" (OWASP's advice on CSV injection).
 * Figures (-14.7) are left as numbers.
 */
function inertInSpreadsheets(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}

interface Column {
  header: string;
  value: (i: IndicatorResult) => Value;
}

export function modelToCsv(model: MonthModel): string {
  const sectionTitle = new Map(model.sections.map((s) => [s.id, s.title]));
  const labels = model.authority.benchmarks.labels;
  const threshold = model.authority.dot.convention === "threshold" ? model.authority.dot.threshold : undefined;
  const figure = (pick: (i: IndicatorResult) => number | null | undefined, field?: WithheldField) => (i: IndicatorResult) => (field && withheldAs(i, field)) || fixed(pick(i), i.decimals);
  const symbolFor = (field: WithheldField, value: (i: IndicatorResult) => Value) => (i: IndicatorResult) => withheldAs(i, field) ?? value(i);
  // A termly indicator's figure is its latest term's, with the term as its period.
  const latestTerm = (i: IndicatorResult) => (i.frequency === "termly" ? ([...i.terms].reverse().find((t) => t.value !== null || t.withheld) ?? null) : null);
  const points = (i: IndicatorResult) => i.unit === "percentage" && i.value !== null && i.previous !== null;
  const columns: Column[] = [
    { header: "Ref", value: (i) => i.ref },
    { header: "Section", value: (i) => sectionTitle.get(i.section) ?? i.section },
    { header: "Indicator", value: (i) => i.title },
    { header: "Period", value: (i) => latestTerm(i)?.label ?? model.month },
    { header: "Unit", value: (i) => UNIT_WORDS[i.unit] },
    { header: "Good performance", value: (i) => POLARITY_SHORT[i.polarity] },
    { header: "Figure", value: (i) => { const t = latestTerm(i); return t ? (t.withheld ?? fixed(t.value, i.decimals)) : figure((x) => x.value, "value")(i); } },
    { header: "Numerator", value: (i) => (i.unit === "percentage" ? part(i.numerator) : null) },
    { header: "Denominator", value: (i) => (i.unit === "percentage" ? part(i.denominator) : null) },
    { header: "Previous month", value: figure((i) => i.previous, "previous") },
    { header: "Change on previous month (% of previous)", value: symbolFor("changeFromPrevious", (i) => changePct(i.changeFromPrevious)) },
    // A percentage's move in points (50.8% to 57.2% is 6.4 points), which readers often mean by "change".
    { header: "Change on previous month (percentage points)", value: symbolFor("changeFromPrevious", (i) => (points(i) ? fixed(i.value! - i.previous!, i.decimals) : null)) },
    { header: "Same month last year", value: figure((i) => i.lastYear, "lastYear") },
    { header: "Change on last year (% of last year)", value: symbolFor("changeFromLastYear", (i) => changePct(i.changeFromLastYear)) },
    { header: "12-month average", value: figure((i) => i.average12, "average12") },
    { header: "12-month maximum", value: figure((i) => i.max12, "max12") },
    { header: `Year to date ${model.reportingYear}`, value: figure((i) => i.ytd, "ytd") },
    { header: "Rolling 12 months", value: figure((i) => i.rolling12, "rolling12") },
    { header: "Direction of travel", value: symbolFor("dot", (i) => (i.dot ? dotText(i.dot, i.dotJudgement, threshold) : null)) },
    { header: "RAG", value: symbolFor("rag", (i) => (i.rag ? RAG_WORDS[i.rag] : null)) },
    { header: "Target", value: (i) => (i.target ? formatTarget(i.target, i.unit, i.decimals) : null) },
    ...BENCHMARKS.map((k) => ({ header: labels[k], value: figure((i) => i.benchmarks?.values[k]) })),
    { header: "Benchmark year", value: (i) => (i.benchmarks && Object.keys(i.benchmarks.values).length ? i.benchmarks.year : null) },
    // The verdict names the figure it judges (the month's) and the benchmarks' year where it is not the heading's.
    { header: verdictHeading(model.month, model.authority.benchmarks.year), value: (i) => benchmarkVerdict(i, model.authority.benchmarks.year) || null },
    ...(model.publicEdition
      ? [{ header: "Public edition", value: (i: IndicatorResult) => (i.withheld ? `${i.withheld.symbol}: withheld to protect privacy (a small number, or a figure that would give one away)` : null) }]
      : []),
  ];
  const cells = model.indicators.map((i) => columns.map((c) => c.value(i) ?? ""));
  const kept = columns.map((_, n) => cells.some((row) => row[n] !== "")).flatMap((keep, n) => (keep ? [n] : []));
  return stringify([kept.map((n) => columns[n]!.header), ...cells.map((row) => kept.map((n) => row[n]!))], {
    bom: true,
    record_delimiter: "windows",
    cast: { string: inertInSpreadsheets },
  });
}
