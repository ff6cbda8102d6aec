// The oracles of spc.md: XmR limits, screened and unscreened, to 3 dp.
import { describe, expect, it } from "vitest";
import { xmrLimits } from "../../scripts/spc/limits.ts";

const r3 = (x: number) => Number(x.toFixed(3));

describe("XmR limits", () => {
  const series = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];

  it("screened (NHSRplotthedots): mean 1.944, MR-bar 1.000, limits 4.604 / -0.716", () => {
    const l = xmrLimits(series, { screenOutliers: true, freezeAfter: null })!;
    expect([r3(l.mean), r3(l.mrBar), r3(l.upl), r3(l.lpl)]).toEqual([1.944, 1.0, 4.604, -0.716]);
    expect(l.screened).toBe(true);
  });

  it("unscreened (NHS Excel tools): MR-bar 1.882, limits 6.952 / -3.063", () => {
    const l = xmrLimits(series, { screenOutliers: false, freezeAfter: null })!;
    expect([r3(l.mean), r3(l.mrBar), r3(l.upl), r3(l.lpl)]).toEqual([1.944, 1.882, 6.952, -3.063]);
  });

  it("10, 12, 11, 14, 9: mean 11.2, MR-bar 2.75, limits 18.515 / 3.885 (both modes)", () => {
    for (const screenOutliers of [true, false]) {
      const l = xmrLimits([10, 12, 11, 14, 9], { screenOutliers, freezeAfter: null })!;
      expect([r3(l.mean), r3(l.mrBar), r3(l.upl), r3(l.lpl)]).toEqual([11.2, 2.75, 18.515, 3.885]);
    }
  });

  it("puts the near-limit lines at two thirds of the way to the limits", () => {
    const l = xmrLimits([10, 12, 11, 14, 9], { screenOutliers: false, freezeAfter: null })!;
    expect(r3(l.upperNear)).toBe(r3(11.2 + (2 / 3) * 2.66 * 2.75));
    expect(r3(l.lowerNear)).toBe(r3(11.2 - (2 / 3) * 2.66 * 2.75));
  });

  it("freezes the baseline on the first N points", () => {
    const values = [10, 12, 11, 14, 9, 10, 12, 11, 14, 9, 10, 12, 50, 60, 70];
    const frozen = xmrLimits(values, { screenOutliers: false, freezeAfter: 12 })!;
    expect(frozen.baseline).toBe(12);
    expect(r3(frozen.mean)).toBe(r3(values.slice(0, 12).reduce((a, b) => a + b) / 12));
    expect(xmrLimits(values, { screenOutliers: false, freezeAfter: null })!.baseline).toBe(15);
  });

  it("needs two points", () => {
    expect(xmrLimits([5], { screenOutliers: true, freezeAfter: null })).toBeNull();
  });
});
