// Position of a figure against its benchmarks, polarity-aware.
import type { BenchmarkKey, IndicatorResult, Polarity, Position } from "../model/types.ts";

/**
 * Better, similar or worse than a benchmark. Within `similarWithin` (a
 * fraction of the benchmark, 5% by default) counts as similar.
 */
export function benchmarkPosition(value: number | null, benchmark: number | undefined, polarity: Polarity, similarWithin = 0): Position | null {
  if (value === null || benchmark === undefined) return null;
  if (polarity !== "high" && polarity !== "low") return null;
  if (Math.abs(value - benchmark) <= similarWithin * Math.abs(benchmark)) return "similar";
  const higher = value > benchmark;
  return higher === (polarity === "high") ? "better" : "worse";
}

export function benchmarkPositions(
  value: number | null,
  benchmarks: Partial<Record<BenchmarkKey, number>> | undefined,
  polarity: Polarity,
  similarWithin = 0,
): Partial<Record<BenchmarkKey, Position>> | null {
  if (!benchmarks || value === null || (polarity !== "high" && polarity !== "low")) return null;
  const out: Partial<Record<BenchmarkKey, Position>> = {};
  for (const [key, bm] of Object.entries(benchmarks) as [BenchmarkKey, number][]) {
    const p = benchmarkPosition(value, bm, polarity, similarWithin);
    if (p) out[key] = p;
  }
  return Object.keys(out).length ? out : null;
}

/** In England's top quartile, or better / worse than the England average. */
export function benchmarkBand(
  value: number | null,
  benchmarks: Partial<Record<BenchmarkKey, number>> | undefined,
  polarity: Polarity,
): IndicatorResult["benchmarkBand"] {
  if (value === null || !benchmarks || (polarity !== "high" && polarity !== "low")) return null;
  const better = (a: number, b: number) => (polarity === "high" ? a >= b : a <= b);
  const { englandTopQuartile: top, england } = benchmarks;
  if (top !== undefined && better(value, top)) return "top-quartile";
  if (england === undefined) return null;
  return better(value, england) ? "better-than-average" : "worse-than-average";
}
