// A second authority described without code changes: rows of Southampton's
// June 2018 monthly dataset, with its threshold direction of travel. The
// sheet's own computed columns are the oracle.
import { beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { buildMonthModel } from "../../scripts/metrics/model.ts";
import { formatChange, formatValue } from "../../scripts/format/number.ts";
import type { IndicatorResult, MonthModel } from "../../scripts/model/types.ts";
import { FIXTURES } from "../helpers/fixture.ts";

// Ref, % change from previous month, from same month last year, DoT arrow, 12-month average, 12-month max (as printed)
const SHEET = [
  ["M1", "⇒ -8%", "⇒ 6%", "1370", "1649"],
  ["M2", "↓ -20%", "↓ -30%", "260", "309"],
  ["M3", "↓ -14%", "↓ -34%", "19.1%", "22.4%"],
  ["M2-NI", "↓ -20%", "↓ -31%", "52", "62"],
  ["M8-QL", "⇒ -3%", "↓ -25%", "69.6%", "79.0%"],
  ["M6-QL (val)", "↓ -26%", "↓ -56%", "40", "52"],
  ["M6-QL", "⇒ -8%", "↓ -37%", "15.4%", "19.0%"],
  ["EH3e%", "↑ 56%", "↑ 188%", "26.8%", "51.6%"],
  ["LAC1", "⇒ 2%", "⇒ 2%", "521", "534"],
  ["LAC14", "- n/a", "- n/a", "0", "2"],
] as const;

const ARROWS = { up: "↑", down: "↓", similar: "⇒" } as const;

let model: MonthModel;
let byRef: Map<string, IndicatorResult>;
beforeAll(() => {
  const { data } = loadValidData(path.join(FIXTURES, "southampton"));
  model = buildMonthModel(data, "2018-06");
  byRef = new Map(model.indicators.map((i) => [i.ref, i]));
});

function asSheet(change: number | null, dot: string | null): string {
  if (change === null) return "- n/a";
  const arrow = ARROWS[dot as keyof typeof ARROWS] ?? "?";
  return `${arrow} ${formatChange(change).replace("−", "-").replace("+", "")}`;
}

describe("Southampton June 2018, threshold convention", () => {
  it("uses the ±10% direction of travel", () => {
    expect(model.authority.dot).toEqual({ convention: "threshold", threshold: 0.1 });
  });

  for (const [ref, fromPrevious, fromLastYear, average, max] of SHEET) {
    it(`${ref}: changes, DoT, 12-month average and maximum match the sheet`, () => {
      const ind = byRef.get(ref)!;
      expect(asSheet(ind.changeFromPrevious, ind.dot)).toBe(fromPrevious);
      // The sheet marks the year-on-year change with the same ±10% rule.
      const yearDot = ind.changeFromLastYear === null ? null : ind.changeFromLastYear >= 0.1 ? "up" : ind.changeFromLastYear <= -0.1 ? "down" : "similar";
      expect(asSheet(ind.changeFromLastYear, yearDot)).toBe(fromLastYear);
      const decimals = average.includes(".") ? 1 : 0;
      // The sheet prints no thousands separators.
      expect(formatValue(ind.average12, ind.unit, decimals).replace(/,/g, "")).toBe(average);
      expect(formatValue(ind.max12, ind.unit, decimals).replace(/,/g, "")).toBe(max);
    });
  }

  it("judges with polarity separately from the arrow", () => {
    expect(byRef.get("EH3e%")!.dotJudgement).toBe("negative"); // over 45 days rose 56%, low is good
    expect(byRef.get("M8-QL")!.dotJudgement).toBe("similar");
    expect(byRef.get("M1")!.dotJudgement).toBeNull(); // info
  });

  it("keeps owners, reporters and outcomes, and a single-figure target", () => {
    expect(byRef.get("M1")!.owner).toBe("Jane White");
    expect(byRef.get("LAC1")!.reporter).toBe("John Watkins");
    expect(byRef.get("LAC1")!.rag).toBe("red"); // 534 against a target below 460
  });
});
