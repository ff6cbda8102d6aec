import { describe, expect, it } from "vitest";
import { ratePer10k, rolling12 } from "../../scripts/metrics/rolling.ts";
import { monthRange } from "../../scripts/metrics/months.ts";
import { formatValue } from "../../scripts/format/number.ts";

// Rotherham referrals Jan-Dec 2020 (domain.md worked figure).
const referrals = [342, 321, 338, 261, 195, 265, 377, 276, 333, 315, 223, 276];
const months = monthRange("2020-01", "2020-12");
const valueOf = (m: string) => {
  const i = months.indexOf(m);
  return i < 0 ? null : referrals[i]!;
};
// The 2020/21 population aged 0-17 that every printed Rotherham rate implies.
const POPULATION = 57522;

describe("rolling 12 months", () => {
  it("sums referrals Jan-Dec 2020 to 3,522, a rate of 612.3 per 10,000", () => {
    const sum = rolling12("2020-12", valueOf);
    expect(sum).toBe(3522);
    expect(formatValue(ratePer10k(sum!, POPULATION), "rate", 1)).toBe("612.3");
  });

  it("gives 368.6 per 10,000 for 2,120 S47 enquiries", () => {
    expect(formatValue(ratePer10k(2120, POPULATION), "rate", 1)).toBe("368.6");
  });

  it("implies a population of about 57,520, as domain.md says", () => {
    expect(Math.abs(3522 / 612.3 * 10000 - 57520)).toBeLessThan(10);
  });

  it("is undefined until 12 months of data exist", () => {
    expect(rolling12("2020-11", valueOf)).toBeNull();
  });

  it("is undefined when a month in the window has no value", () => {
    expect(rolling12("2020-12", (m) => (m === "2020-06" ? null : valueOf(m)))).toBeNull();
  });
});
