// Segments, point labels and the Making Data Count icons.
import { describe, expect, it } from "vitest";
import { analyse, analyseSegment, assuranceIcon, DEFAULT_SPC } from "../../scripts/spc/analyse.ts";
import { monthRange } from "../../scripts/metrics/months.ts";

const months = (n: number) => monthRange("2019-01", `20${19 + Math.floor((n - 1) / 12)}-${String(((n - 1) % 12) + 1).padStart(2, "0")}`);
const series = (values: number[]) => months(values.length).map((month, i) => ({ month, value: values[i]! }));

describe("point labels", () => {
  it("1,2,3,4,5,6,7 with wide limits: all seven flagged as a trend, not only the seventh", () => {
    // Earlier swings (15, 0, 15) make the limits wide (UPL 20.6), so only the trend fires.
    const seg = analyseSegment(series([15, 0, 15, 1, 2, 3, 4, 5, 6, 7]), "high", DEFAULT_SPC, null);
    expect(seg.limits!.upl).toBeGreaterThan(7);
    expect(seg.points.map((p) => p.rule)).toEqual([null, null, null, ...Array(7).fill("trend")]);
    expect(seg.points.slice(3).every((p) => p.special === "improvement")).toBe(true);
  });

  it("1..7 on its own goes beyond its own upper limit at 7: outside limits outranks the trend", () => {
    const seg = analyseSegment(series([1, 2, 3, 4, 5, 6, 7]), "high", DEFAULT_SPC, null);
    expect(seg.points.map((p) => p.rule)).toEqual([...Array(6).fill("trend"), "outside limits"]);
  });

  it("colours by polarity: improvement, concern, or neutral", () => {
    const up = [1, 2, 3, 4, 5, 6, 7];
    expect(analyseSegment(series(up), "low", DEFAULT_SPC, null).points[6]!.special).toBe("concern");
    expect(analyseSegment(series(up), "info", DEFAULT_SPC, null).points[6]!.special).toBe("neutral");
  });

  it("labels a point with the rule of highest precedence", () => {
    // a high outlier that also sits in a shift: labelled outside limits
    const values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 30];
    const seg = analyseSegment(series(values), "high", { ...DEFAULT_SPC, screenOutliers: true }, null);
    expect(seg.points.at(-1)).toMatchObject({ rule: "outside limits", special: "improvement", side: "high" });
  });

  it("marks limits from fewer than 13 points as trial limits", () => {
    expect(analyseSegment(series([10, 12, 11, 14, 9, 11]), "high", DEFAULT_SPC, null).trial).toBe(true);
    expect(analyseSegment(series(Array.from({ length: 13 }, (_, i) => 10 + (i % 3))), "high", DEFAULT_SPC, null).trial).toBe(false);
  });
});

describe("segments", () => {
  it("start again at a rebase point, each with its own limits and the reason", () => {
    const values = [100, 104, 98, 102, 101, 99, 103, 100, 40, 44, 38, 42];
    const a = analyse(series(values), "info", null, [{ month: "2019-09", reason: "New contact form implemented" }])!;
    expect(a.segments.map((s) => [s.start, s.end, s.reason])).toEqual([
      ["2019-01", "2019-08", null],
      ["2019-09", "2019-12", "New contact form implemented"],
    ]);
    expect(a.segments[0]!.limits!.mean).toBeCloseTo(100.875, 6);
    // Four points since the rebase: too few for limits (at least six), so none, no flags and no trial limits.
    expect(a.segments[1]!.limits).toBeNull();
    expect(a.segments[1]!.trial).toBe(false);
    expect(a.segments[1]!.points.every((p) => p.special === null)).toBe(true);
    expect(a.minimumPoints).toBe(6);
  });

  it("give a segment limits once it has the minimum number of points", () => {
    const values = [100, 104, 98, 102, 101, 99, 103, 100, 40, 44, 38, 42, 41, 43];
    const a = analyse(series(values), "info", null, [{ month: "2019-09", reason: "New contact form implemented" }])!;
    expect(a.segments[1]!.points).toHaveLength(6);
    expect(a.segments[1]!.limits!.mean).toBeCloseTo(41.333333, 5);
    expect(a.segments[1]!.trial).toBe(true);
    const strict = analyse(series(values), "info", null, [{ month: "2019-09", reason: "x" }], { ...DEFAULT_SPC, minimumPoints: 7 })!;
    expect(strict.segments[1]!.limits).toBeNull();
  });

  it("needs enough points", () => {
    expect(analyse(series([1, 2, 3]), "high", null)).toBeNull();
  });
});

describe("icons", () => {
  it("variation comes from the last point", () => {
    expect(analyse(series([1, 2, 3, 4, 5, 6, 7]), "high", null)!.variation).toBe("improvement-high");
    expect(analyse(series([7, 6, 5, 4, 3, 2, 1]), "high", null)!.variation).toBe("concern-low");
    expect(analyse(series([7, 6, 5, 4, 3, 2, 1]), "info", null)!.variation).toBe("neutral-low");
    expect(analyse(series([10, 12, 11, 14, 9, 11, 12]), "high", null)!.variation).toBe("common-cause");
  });

  it("assurance: target beyond a limit passes or fails consistently; between them, hit and miss", () => {
    const l = { mean: 11.2, mrBar: 2.75, upl: 18.515, lpl: 3.885, upperNear: 16, lowerNear: 6, baseline: 5, screened: false };
    expect(assuranceIcon(l, { type: "at-least", green: 20, amber: 18 }, "high")).toBe("consistently-fail");
    expect(assuranceIcon(l, { type: "at-least", green: 3, amber: 2 }, "high")).toBe("consistently-pass");
    expect(assuranceIcon(l, { type: "below", green: 20, amber: 22 }, "low")).toBe("consistently-pass");
    expect(assuranceIcon(l, { type: "below", green: 3, amber: 4 }, "low")).toBe("consistently-fail");
    expect(assuranceIcon(l, { type: "at-least", green: 12, amber: 10 }, "high")).toBe("inconsistent");
    expect(assuranceIcon(l, null, "high")).toBeNull();
    expect(assuranceIcon(l, { type: "band", green: [10, 12], amber: 1 }, "range")).toBeNull();
  });
});
