// Position of a figure against its benchmarks, polarity-aware.
import type { BenchmarkKey, Polarity, Position } from "../model/types.ts";

export function benchmarkPosition(value: number | null, benchmark: number | undefined, polarity: Polarity): Position | null {
  if (value === null || benchmark === undefined) return null;
  if (polarity !== "high" && polarity !== "low") return null;
  if (value === benchmark) return "similar";
  const higher = value > benchmark;
  return higher === (polarity === "high") ? "better" : "worse";
}

export function benchmarkPositions(
  value: number | null,
  benchmarks: Partial<Record<BenchmarkKey, number>> | undefined,
  polarity: Polarity,
): Partial<Record<BenchmarkKey, Position>> | null {
  if (!benchmarks || value === null || (polarity !== "high" && polarity !== "low")) return null;
  const out: Partial<Record<BenchmarkKey, Position>> = {};
  for (const [key, bm] of Object.entries(benchmarks) as [BenchmarkKey, number][]) {
    const p = benchmarkPosition(value, bm, polarity);
    if (p) out[key] = p;
  }
  return Object.keys(out).length ? out : null;
}
