import { describe, expect, it } from "vitest";
import { looksLikeMonth, parseMonthHeader } from "../../scripts/import/monthHeader.ts";
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
