import { describe, expect, it } from "vitest";
import { relativeChange } from "../../scripts/metrics/change.ts";
import { average12, max12 } from "../../scripts/metrics/window.ts";
import { monthRange } from "../../scripts/metrics/months.ts";
import { formatChange } from "../../scripts/format/number.ts";

describe("change from previous month and last year", () => {
  it("is a relative change as a fraction", () => {
    // Southampton M2 referrals: 270 in May-18, 215 in Jun-18: "-20%".
    expect(relativeChange(215, 270)).toBeCloseTo(-0.2037, 4);
    expect(formatChange(relativeChange(215, 270))).toBe("−20%");
    // Southampton M2 Jun-17 307 -> Jun-18 215: "-30%".
    expect(formatChange(relativeChange(215, 307))).toBe("−30%");
  });

  it("is computed from unrounded percentages, not the rounded figures shown", () => {
    // 379/663 vs 287/565 (Rotherham 1.2%, Nov->Dec): 57.16% vs 50.80%
    const dec = (379 / 663) * 100;
    const nov = (287 / 565) * 100;
    expect(relativeChange(dec, nov)).toBeCloseTo(dec / nov - 1, 12);
    expect(relativeChange(dec, nov)).not.toBeCloseTo(57.2 / 50.8 - 1, 6);
  });

  it("is undefined when the base is zero or missing", () => {
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(5, null)).toBeNull();
    expect(relativeChange(null, 5)).toBeNull();
  });
});

describe("12-month average and maximum", () => {
  // Southampton M1 contacts Jul-17..Jun-18: 12-month average 1370, max 1649.
  const contacts = [1491, 1259, 1358, 1378, 1215, 997, 1421, 1309, 1376, 1649, 1554, 1433];
  const months = monthRange("2017-07", "2018-06");
  const valueOf = (m: string) => (months.includes(m) ? contacts[months.indexOf(m)]! : null);

  it("matches the Southampton sheet's own columns", () => {
    expect(Math.round(average12("2018-06", valueOf)!)).toBe(1370);
    expect(max12("2018-06", valueOf)).toBe(1649);
  });

  it("leaves out months with no value", () => {
    const gappy = (m: string) => (m === "2018-06" ? null : valueOf(m));
    const expected = contacts.slice(0, 11).reduce((a, b) => a + b) / 11;
    expect(average12("2018-06", gappy)).toBeCloseTo(expected, 9);
    expect(average12("2018-06", () => null)).toBeNull();
  });
});
