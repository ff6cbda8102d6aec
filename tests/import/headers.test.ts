import { describe, expect, it } from "vitest";
import { looksLikeMonth, monthFromBand, parseMonthHeader } from "../../scripts/import/monthHeader.ts";
import { classifyColumn } from "../../scripts/import/columns.ts";

describe("month headers as sheets write them", () => {
  const cases: [string, string][] = [
    ["Sep 15", "2015-09"], ["Sept 15", "2015-09"], ["Sept. 2015", "2015-09"], ["Jun-17", "2017-06"], ["June 2017", "2017-06"],
    ["Aug-21", "2021-08"], ["2020-12", "2020-12"], ["12/2020", "2020-12"], ["2017/06", "2017-06"], ["01/06/2017", "2017-06"],
    ["2017-06-01", "2017-06"], ["Jun17", "2017-06"], ["2017 Jun", "2017-06"], ["43252", "2018-06"], ["jun-17", "2017-06"],
  ];
  for (const [header, month] of cases) it(`reads "${header}" as ${month}`, () => expect(parseMonthHeader(header)).toBe(month));

  it("does not read other headers as months", () => {
    for (const h of ["Ref", "Indicator", "Target 17-18", "12 month average", "2015/16", "June", "Junk-17"]) expect(parseMonthHeader(h), h).toBeNull();
  });

  it("recognises a month header it cannot read", () => {
    expect(looksLikeMonth("Jnu-17")).toBe(true);
    expect(looksLikeMonth("Ref")).toBe(false);
  });
});

describe("column headers in the words councils use", () => {
  const cases: [string, string][] = [
    ["Ref.", "ref"], ["Reference number", "ref"], ["KPI Ref", "ref"], ["Measure ID", "ref"], ["NO.", "ref"],
    ["Indicator", "title"], ["Performance measure", "title"], ["Measure description", "title"], ["KPI", "title"], ["Description", "title"],
    ["Area", "section"], ["Service area", "section"], ["Owner", "owner"], ["Lead officer", "owner"], ["Reporter", "reporter"],
    ["Good is", "polarity"], ["DoT", "polarity"], ["Percentage ?", "unit"], ["Unit", "unit"],
    ["% change from previous month", "changePrevious"], ["Monthly change", "changePrevious"], ["% change from same month prev. yr", "changeLastYear"], ["Annual change", "changeLastYear"],
    ["12 month average", "average12"], ["Avg (12m)", "average12"], ["12-mth max value", "max12"],
    ["Stat. Neighbour", "benchmark"], ["STAT NEIGH AVE", "benchmark"], ["England", "benchmark"], ["SE region", "benchmark"],
    ["Target 17-18", "target"], ["Commentary (Jun-18):", "commentary"], ["Comments", "commentary"],
  ];
  for (const [header, role] of cases) it(`"${header}" is ${role}`, () => expect(classifyColumn(header).role).toBe(role));
});

describe("headers of printed packs", () => {
  it("reads YTD, year-end, direction-of-travel and RAG columns for what they are", () => {
    expect(classifyColumn("YTD").role).toBe("ytd");
    expect(classifyColumn("Year to date").role).toBe("ytd");
    expect(classifyColumn("2015/16")).toEqual({ role: "outturn", year: "2015/16" });
    expect(classifyColumn("2019-20")).toEqual({ role: "outturn", year: "2019/20" });
    expect(classifyColumn("2019/21").role).toBe("ignored");
    expect(classifyColumn("DOT (Month on Month)").role).toBe("ignored");
    expect(classifyColumn("RAG (in month)").role).toBe("ignored");
    expect(classifyColumn("DoT").role).toBe("polarity");
  });

  it("reads Red / Amber / Green under a tolerances band as the parts of a target", () => {
    expect(classifyColumn("Red", "Target and Tolerances")).toEqual({ role: "targetPart", part: "red" });
    expect(classifyColumn("Amber", "Target and Tolerances")).toEqual({ role: "targetPart", part: "amber" });
    expect(classifyColumn("Target Green", "Target and Tolerances")).toEqual({ role: "targetPart", part: "green" });
    expect(classifyColumn("Red").role).toBe("ignored");
  });

  it("reads month names under a year band: a calendar year, or a reporting year April to March", () => {
    expect(monthFromBand("Jan", "2020", 4)).toBe("2020-01");
    expect(monthFromBand("Jan", "2019/20", 4)).toBe("2020-01");
    expect(monthFromBand("April", "2020 / 21", 4)).toBe("2020-04");
    expect(monthFromBand("Sept", "2020-21", 4)).toBe("2020-09");
    expect(monthFromBand("Mar", "2020/21", 4)).toBe("2021-03");
    expect(monthFromBand("Jan", "Target and tolerances", 4)).toBeNull();
    expect(monthFromBand("Ref", "2020", 4)).toBeNull();
  });
});
