// The special-cause rules: each test's series says what it checks.
import { describe, expect, it } from "vitest";
import { outsideLimits, shift, trend, twoInThree } from "../../scripts/spc/rules.ts";
import type { Limits } from "../../scripts/spc/limits.ts";

const limits = (mean: number, sigma: number): Limits => ({
  mean,
  mrBar: sigma / 0.886,
  upl: mean + 3 * sigma,
  lpl: mean - 3 * sigma,
  upperNear: mean + 2 * sigma,
  lowerNear: mean - 2 * sigma,
  baseline: 20,
  screened: false,
});
const indexes = (flags: { index: number }[]) => flags.map((f) => f.index).sort((a, b) => a - b);

describe("outside the limits", () => {
  it("flags points strictly beyond the process limits", () => {
    const flags = outsideLimits([10, 13, 13.01, 7, 6.99], limits(10, 1));
    expect(flags).toEqual([
      { index: 2, rule: "outside limits", side: "high" },
      { index: 4, rule: "outside limits", side: "low" },
    ]);
  });
});

describe("trend", () => {
  it("1,2,3,4,5,6,7 fires, and flags all seven points", () => {
    const flags = trend([1, 2, 3, 4, 5, 6, 7], 7);
    expect(indexes(flags)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(flags.every((f) => f.side === "high")).toBe(true);
  });

  it("1,2,3,3,4,5,6 does not: a tie breaks the trend", () => {
    expect(trend([1, 2, 3, 3, 4, 5, 6], 7)).toEqual([]);
  });

  it("six points do not make a trend of seven, but do of six (the option)", () => {
    expect(trend([6, 5, 4, 3, 2, 1], 7)).toEqual([]);
    expect(indexes(trend([6, 5, 4, 3, 2, 1], 6))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(trend([6, 5, 4, 3, 2, 1], 6).every((f) => f.side === "low")).toBe(true);
  });
});

describe("two in three", () => {
  it("flags only the points beyond the near-limit line, all three on one side", () => {
    // mean 10, sigma 1: near line 12, limit 13
    expect(twoInThree([10, 12.5, 11, 12.2, 9], limits(10, 1)).map((f) => [f.index, f.side])).toEqual([
      [1, "high"],
      [3, "high"],
    ]);
  });

  it("does not fire when one of the three is on the other side of the mean", () => {
    expect(twoInThree([12.5, 9.5, 12.2], limits(10, 1))).toEqual([]);
  });

  it("does not count points beyond the process limit", () => {
    expect(twoInThree([12.5, 11, 13.5], limits(10, 1))).toEqual([]);
  });
});

describe("shift", () => {
  it("eight points above the mean, then one below: all eight flagged, the ninth not", () => {
    const flags = shift([11, 12, 11, 13, 11, 12, 11, 12, 9], 10, 7);
    expect(indexes(flags)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("a point exactly on the mean breaks the run", () => {
    expect(shift([11, 12, 11, 10, 11, 12, 11, 12], 10, 7)).toEqual([]);
  });

  it("six points make a shift with the 6-point option", () => {
    expect(shift([9, 8, 9, 8, 9, 8], 10, 7)).toEqual([]);
    expect(indexes(shift([9, 8, 9, 8, 9, 8], 10, 6))).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
