import { describe, expect, it } from "vitest";
import { addMonths, last12, longMonth, monthsOfYear, reportingYear, shortMonth, yearStart } from "../../scripts/metrics/months.ts";
import { trendYears } from "../../scripts/metrics/annual.ts";

describe("months and reporting years", () => {
  it("does month arithmetic across years without time zones", () => {
    expect(addMonths("2020-12", 1)).toBe("2021-01");
    expect(addMonths("2020-01", -1)).toBe("2019-12");
    expect(addMonths("2020-12", -12)).toBe("2019-12");
    expect(last12("2020-12")[0]).toBe("2020-01");
  });

  it("puts April-March in one reporting year", () => {
    expect(reportingYear("2020-12", 4)).toBe("2020/21");
    expect(reportingYear("2021-03", 4)).toBe("2020/21");
    expect(reportingYear("2020-03", 4)).toBe("2019/20");
    expect(yearStart("2020-12", 4)).toBe("2020-04");
    expect(monthsOfYear("2020/21", 4)).toHaveLength(12);
    expect(monthsOfYear("2020/21", 4).at(-1)).toBe("2021-03");
  });

  it("supports other year starts (calendar or September)", () => {
    expect(reportingYear("2020-12", 1)).toBe("2020");
    expect(reportingYear("2020-08", 9)).toBe("2019/20");
  });

  it("names months as the packs do", () => {
    expect(shortMonth("2020-12")).toBe("Dec-20");
    expect(longMonth("2020-12")).toBe("December 2020");
  });

  it("gives the five years of the annual trend before the report year", () => {
    expect(trendYears("2020-12", 4)).toEqual(["2015/16", "2016/17", "2017/18", "2018/19", "2019/20"]);
  });
});
