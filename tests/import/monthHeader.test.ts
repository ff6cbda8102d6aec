import { describe, expect, it } from "vitest";
import { looksLikeMonth, parseMonthHeader } from "../../scripts/import/monthHeader.ts";

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
