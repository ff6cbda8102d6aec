import { describe, expect, it } from "vitest";
import { benchmarkPosition, benchmarkPositions } from "../../scripts/metrics/benchmark.ts";

describe("benchmark position", () => {
  it("is polarity-aware", () => {
    // 2.2 assessments in 45 days, YTD-ish 88.8% vs SN 81.7% (high is good): better
    expect(benchmarkPosition(88.8, 81.7, "high")).toBe("better");
    // 4.3 CIN per 10k 443.5 vs England 323.7 (low is good): worse
    expect(benchmarkPosition(443.5, 323.7, "low")).toBe("worse");
    expect(benchmarkPosition(10, 10, "low")).toBe("similar");
  });

  it("makes no judgement for info indicators or missing benchmarks", () => {
    expect(benchmarkPosition(612.3, 534.8, "info")).toBeNull();
    expect(benchmarkPosition(612.3, undefined, "high")).toBeNull();
    expect(benchmarkPositions(50, { statNeighbour: 40, england: 60 }, "high")).toEqual({ statNeighbour: "better", england: "worse" });
  });
});
