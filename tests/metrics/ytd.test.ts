import { describe, expect, it } from "vitest";
import { yearToDate } from "../../scripts/metrics/ytd.ts";
import { monthRange } from "../../scripts/metrics/months.ts";
import type { Figure } from "../../scripts/model/types.ts";

// Rotherham, contacts (harm & not sure) and decisions within 1 working day, Apr-Dec 2020.
const contacts = [918, 1067, 1190, 1465, 1148, 1534, 1353, 565, 663];
const decided = [590, 630, 664, 901, 695, 807, 686, 287, 379];
const window = monthRange("2020-04", "2020-12");
const covered = () => true;

describe("year to date", () => {
  it("sums a flow count: contacts Apr-Dec 2020 are 9,903", () => {
    const ytd = yearToDate({ unit: "count", kind: "flow" }, window, covered, (m) => ({ value: contacts[window.indexOf(m)]! }));
    expect(ytd?.value).toBe(9903);
  });

  it("divides summed numerators by summed denominators: 5,639 of 9,903 is 56.9%", () => {
    const figureOf = (m: string): Figure => {
      const i = window.indexOf(m);
      return { value: (decided[i]! / contacts[i]!) * 100, numerator: decided[i]!, denominator: contacts[i]! };
    };
    const ytd = yearToDate({ unit: "percentage", kind: "flow" }, window, covered, figureOf);
    expect(ytd?.numerator).toBe(5639);
    expect(ytd?.denominator).toBe(9903);
    expect(ytd?.value.toFixed(1)).toBe("56.9");
  });

  it("weights entered percentages by the count they are a percentage of", () => {
    // % of completed assessments in 45 working days (2.2) weighted by completions (2.4): YTD 93.1%.
    const pct = [93.7, 95.3, 93.7, 95.3, 98.6, 88.5, 96.9, 87.1, 88.8];
    const completed = [287, 296, 237, 253, 281, 262, 326, 340, 240];
    const ytd = yearToDate(
      { unit: "percentage", kind: "flow" },
      window,
      covered,
      (m) => ({ value: pct[window.indexOf(m)]! }),
      (m) => completed[window.indexOf(m)]!,
    );
    expect(ytd?.value.toFixed(1)).toBe("93.1");
  });

  it("is not the mean of the monthly percentages", () => {
    // 6.5 % ceased to be looked after due to permanence, weighted by 6.4 (ceased): YTD 33.3%,
    // where the mean of the nine monthly percentages is 31.5%.
    const pct = [36.4, 8.3, 18.2, 0.0, 16.7, 50.0, 36.8, 50.0, 66.7];
    const ceased = [11, 12, 11, 11, 12, 22, 19, 10, 12];
    const ytd = yearToDate(
      { unit: "percentage", kind: "flow" },
      window,
      covered,
      (m) => ({ value: pct[window.indexOf(m)]! }),
      (m) => ceased[window.indexOf(m)]!,
    );
    expect(ytd?.value.toFixed(1)).toBe("33.3");
    expect((pct.reduce((a, b) => a + b) / pct.length).toFixed(1)).toBe("31.5");
  });

  it("has no YTD for snapshots, rates and averages", () => {
    const figureOf = () => ({ value: 600 });
    expect(yearToDate({ unit: "count", kind: "snapshot" }, window, covered, figureOf)).toBeNull();
    expect(yearToDate({ unit: "rate", kind: "flow" }, window, covered, figureOf)).toBeNull();
    expect(yearToDate({ unit: "average", kind: "flow" }, window, covered, figureOf)).toBeNull();
  });

  it("is undefined when the data does not cover the whole year so far", () => {
    const ytd = yearToDate({ unit: "count", kind: "flow" }, window, (m) => m >= "2020-06", () => ({ value: 1 }));
    expect(ytd).toBeNull();
  });

  it("skips months marked no value, and is undefined when all are", () => {
    const some = yearToDate({ unit: "count", kind: "flow" }, window, covered, (m) => (m === "2020-12" ? { value: 5 } : null));
    expect(some?.value).toBe(5);
    expect(yearToDate({ unit: "count", kind: "flow" }, window, covered, () => null)).toBeNull();
  });

  it("is undefined for a percentage with neither parts nor a weight", () => {
    expect(yearToDate({ unit: "percentage", kind: "flow" }, window, covered, () => ({ value: 50 }))).toBeNull();
  });
});
