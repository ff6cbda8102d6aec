// The verdict against benchmarks, in words that say which figure it judges:
// the report month's figure (repeated in the verdict, since the verdict sits
// beside the annual trend, where a reader would otherwise compare it with the
// last year's outturn), each benchmark with its value, and the year of the
// benchmarks where it is not the one the column heading names.
import type { BenchmarkKey, IndicatorResult, Position } from "../model/types.ts";
import { shortMonth } from "../metrics/months.ts";
import { formatValue } from "./number.ts";
import { ragSafeDecimals } from "./ragFigure.ts";
import { withheldAs } from "./withheld.ts";

type Judged = Pick<IndicatorResult, "value" | "unit" | "decimals" | "polarity" | "target" | "benchmarks" | "benchmarkPosition" | "benchmarkBand" | "withheld" | "yearBasis">;

export const BENCHMARK_ABBREVIATION: Record<BenchmarkKey, string> = {
  statNeighbour: "SN",
  bestStatNeighbour: "best SN",
  england: "England",
  englandTopQuartile: "England top quartile",
  region: "region",
};

const WORDS: Record<Position, string> = { better: "better than", worse: "worse than", similar: "similar to" };

/** The heading of a verdict column: the month whose figure is judged, and the benchmarks' year. */
export function verdictHeading(month: string, year: string): string {
  return `${shortMonth(month)} against benchmarks${year ? ` (${year})` : ""}`;
}

/** The benchmarks' year where it is not `defaultYear` (the year a heading names), else null. */
export function otherBenchmarkYear(i: Pick<IndicatorResult, "benchmarks" | "yearBasis">, defaultYear: string): string | null {
  if (!i.benchmarks?.year || i.benchmarks.year === defaultYear) return null;
  return i.yearBasis === "academic" && /^\d{4}\/\d{2}$/.test(i.benchmarks.year) ? `ac. ${i.benchmarks.year}` : i.benchmarks.year;
}

/**
 * "0.65%: better than SN (2.20%), better than England (1.90%), in England's
 * top quartile (1.20% or lower)", with "(2017 benchmarks)" where the
 * benchmarks are not of `defaultYear`; "" where there is no verdict (no
 * figure this month, no benchmarks, or no better and worse for the indicator).
 */
export function benchmarkVerdict(i: Judged, defaultYear: string): string {
  if (i.value === null || withheldAs(i, "value") || withheldAs(i, "benchmarkPosition")) return "";
  const values = i.benchmarks?.values ?? {};
  const fmt = (v: number) => formatValue(v, i.unit, i.decimals);
  const parts = (["statNeighbour", "england"] as const)
    .filter((k) => i.benchmarkPosition?.[k] && values[k] !== undefined)
    .map((k) => `${WORDS[i.benchmarkPosition![k]!]} ${BENCHMARK_ABBREVIATION[k]} (${fmt(values[k]!)})`);
  const top = values.englandTopQuartile;
  if (i.benchmarkBand === "top-quartile" && top !== undefined) parts.push(`in England's top quartile (${fmt(top)} or ${i.polarity === "low" ? "lower" : "higher"})`);
  else if (i.benchmarkBand && !i.benchmarkPosition?.england && values.england !== undefined) {
    parts.push(`${i.benchmarkBand === "worse-than-average" ? "worse" : "better"} than the England average (${fmt(values.england)})`);
  }
  if (!parts.length) return "";
  const year = otherBenchmarkYear(i, defaultYear);
  return `${formatValue(i.value, i.unit, ragSafeDecimals(i.value, i.target, i.decimals))}: ${parts.join(", ")}${year ? ` (${year} benchmarks)` : ""}`;
}

/** The key's words for the verdict column: what it judges, and the authority's margin for "similar". */
export function verdictKey(year: string, similarWithin: number): string {
  const pct = Math.round(similarWithin * 1000) / 10;
  const low = Math.round((10 - 10 * similarWithin) * 100) / 100;
  const high = Math.round((10 + 10 * similarWithin) * 100) / 100;
  return (
    `"[Month] against benchmarks${year ? ` (${year})` : ""}" judges the report month's figure (repeated in each cell), not the annual trend beside it, ` +
    `against ${year ? `the ${year} benchmarks` : "the latest benchmarks"}; a cell names its own year where its benchmarks are of another. ` +
    `SN: statistical neighbours' average. Similar: within ${pct}% of the benchmark (${low} to ${high} against 10), not ${pct} percentage points.`
  );
}
