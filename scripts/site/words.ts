// The site's plain words for what the data model holds as codes: which way
// is better, how a figure is obtained and counted, and the latest figure
// with the period it is for (a term's or a year's, when the month has none).
import type { Indicator, IndicatorResult, Month, Polarity } from "../model/types.ts";
import { formatValue } from "../format/number.ts";
import { longMonth } from "../metrics/months.ts";
import { withheldAs } from "../format/withheld.ts";
import { ragSafeDecimals } from "../format/ragFigure.ts";

/** "Good performance: ..." */
export const POLARITY_PLAIN: Record<Polarity, string> = {
  high: "A higher figure (higher is better)",
  low: "A lower figure (lower is better)",
  info: "No target direction (for information)",
  range: "A figure within the target range (neither higher nor lower is better)",
};

/** The summary's short form of the same. */
export const POLARITY_SHORT: Record<Polarity, string> = {
  high: "Higher is better",
  low: "Lower is better",
  info: "For information",
  range: "Within a range",
};

type Named = Pick<Indicator, "ref" | "title">;

/**
 * How the figure is obtained, in words, with the indicators it is worked out
 * from (`name` turns a reference into its words or a link).
 */
export function methodWords(
  ind: Pick<Indicator, "compute" | "percentageOf" | "frequency">,
  name: (ref: string) => string,
): string {
  const every = ind.frequency === "termly" ? "each term" : "each month";
  const c = ind.compute;
  if (!c) {
    const entered = `Entered ${every} by the performance team, as the source system reports it`;
    return ind.percentageOf ? `${entered}: a percentage of ${name(ind.percentageOf)} (whose counts weight it in the year to date)` : entered;
  }
  if ("ratio" in c) return `Worked out by boardpack ${every}: ${name(c.ratio.numerator)} as a percentage of ${name(c.ratio.denominator)}`;
  if ("rate" in c) return `Worked out by boardpack ${every}: ${name(c.rate)} per 10,000 children aged 0 to 17 living in the area`;
  return `Worked out by boardpack ${every}: the total of ${name(c.rolling12)} over the last 12 months`;
}

/** "1.5a (No. of referrals)" */
export function refWords(ind: Named | undefined, ref: string): string {
  return ind ? `${ref} (${ind.title})` : ref;
}

export function countedWords(ind: Pick<IndicatorResult, "kind" | "frequency">): string {
  if (ind.frequency === "termly") return "Each school term";
  return ind.kind === "flow"
    ? "Over the month: each month's figures add up over the year"
    : "At the end of the month: a position on that day, so months do not add up";
}

export interface LatestFigure {
  /** The formatted figure, or "n/a". */
  value: string;
  /** The period it is for: "December 2020", "summer term 2019/20", "2018/19". */
  period: string;
  /** True when the figure is the report month's own. */
  current: boolean;
  kind: "month" | "term" | "year";
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The indicator's latest figure as of the report month: the month's own, else
 * (for termly indicators) the latest term's, else the latest earlier month's,
 * else the latest year's outturn.
 */
export function latestFigure(ind: IndicatorResult, month: Month): LatestFigure {
  const fmt = (v: number | null, withheld?: string) => withheld ?? formatValue(v, ind.unit, ind.decimals);
  // In the public edition a withheld figure is still the latest: its symbol is shown, not an older figure.
  const own = withheldAs(ind, "value");
  // The month's own figure at the decimals its RAG rating needs (67.98%, not 68.0%, where Amber starts at 68%).
  if (ind.value !== null || own) return { value: own ?? formatValue(ind.value, ind.unit, ragSafeDecimals(ind.value, ind.target, ind.decimals)), period: longMonth(month), current: true, kind: "month" };
  const term = [...ind.terms].reverse().find((t) => t.value !== null || t.withheld);
  if (term) return { value: fmt(term.value, term.withheld), period: lowerFirst(term.label), current: false, kind: "term" };
  const earlier = [...ind.series].reverse().find((p) => p.month < month && (p.value !== null || p.withheld));
  if (earlier) return { value: fmt(earlier.value, earlier.withheld), period: longMonth(earlier.month), current: false, kind: "month" };
  const year = [...ind.annual].reverse().find((a) => a.value !== null || a.withheld);
  if (year) return { value: fmt(year.value, year.withheld), period: ind.frequency === "termly" ? `${year.year} academic year` : `${year.year} outturn`, current: false, kind: "year" };
  return { value: formatValue(null, ind.unit, ind.decimals), period: longMonth(month), current: true, kind: "month" };
}

/** "612.3 in December 2020", "98.9% (summer term 2019/20)", "45 in October 2020 (no figure for December 2020)". */
export function latestWords(ind: IndicatorResult, month: Month): string {
  const latest = latestFigure(ind, month);
  if (latest.current) return ind.value === null && !withheldAs(ind, "value") ? `No figure for ${longMonth(month)} or earlier` : `${latest.value} in ${latest.period}`;
  if (latest.kind === "month") return `${latest.value} in ${latest.period} (no figure for ${longMonth(month)})`;
  return `${latest.value} (${latest.period})`;
}
