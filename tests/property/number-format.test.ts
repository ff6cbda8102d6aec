// Figures are formatted without Intl.NumberFormat and rounded without a string
// where they can be (scripts/format/number.ts): the result must be the one
// Intl and the string rounding give, for any figure.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatChange, formatNumber, formatRounded, formatValue, roundHalfAway } from "../../scripts/format/number.ts";

const intl = (decimals: number) => new Intl.NumberFormat("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
/** Rounding half away from zero as it was written first: through a 12-digit string every time. */
const roundByString = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return (Math.sign(value) * Math.round(Number((Math.abs(value) * factor).toPrecision(12)))) / factor;
};

/** Figures of every kind: counts, rates and percentages with a few decimals, halves, tiny and huge values, negatives, -0. */
const figure = fc.oneof(
  fc.integer({ min: -5_000_000, max: 5_000_000 }),
  fc.integer({ min: -2_000_000, max: 2_000_000 }).map((n) => n / 10),
  fc.integer({ min: -2_000_000, max: 2_000_000 }).map((n) => n / 1000),
  fc.integer({ min: -99_999, max: 99_999 }).map((n) => n / 100 + 0.005),
  fc.double({ min: -1e13, max: 1e13, noNaN: true }),
  fc.double({ min: -1, max: 1, noNaN: true }),
  fc.constantFrom(0, -0, 0.5, -0.5, 1.005, 2.675, 999.95, 999_999.5, 1e12, -1e12, 123_456_789_012.5),
);

describe("figures formatted without Intl", () => {
  it("round as through the string, and read as Intl's en-GB writes them, for any figure and 0 to 4 decimals", () => {
    fc.assert(
      fc.property(figure, fc.integer({ min: 0, max: 4 }), (v, d) => {
        const rounded = roundHalfAway(v, d);
        expect(Object.is(rounded, roundByString(v, d))).toBe(true);
        expect(formatRounded(rounded, d)).toBe(intl(d).format(roundByString(v, d)));
      }),
      { numRuns: 20_000 },
    );
  });

  it("write what the tables show", () => {
    expect(formatValue(1234567, "count", 0)).toBe("1,234,567");
    expect(formatValue(57.25, "percentage", 1)).toBe("57.3%");
    expect(formatValue(-1.005, "rate", 2)).toBe("-1.01");
    expect(formatValue(-0.04, "rate", 1)).toBe("-0.0");
    expect(formatNumber(999.95, 1)).toBe("1,000.0");
    expect(formatNumber(2e12, 0)).toBe("2,000,000,000,000");
    expect(formatChange(0.2449)).toBe("+24%");
    expect(formatChange(-12.345)).toBe("−1,235%");
  });
});
