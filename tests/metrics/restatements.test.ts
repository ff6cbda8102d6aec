import { describe, expect, it } from "vitest";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { buildMonthModel } from "../../scripts/metrics/model.ts";
import { check, copyFixture, editFile } from "../helpers/fixture.ts";

describe("restated figures", () => {
  const { data } = loadValidData(copyFixture());

  it("uses the restated figure from the month that restated it", () => {
    const dec = buildMonthModel(data, "2020-12");
    const r1 = dec.indicators.find((i) => i.ref === "R1")!;
    expect(r1.previous).toBe(224);
    expect(r1.series.find((p) => p.month === "2020-11")).toMatchObject({ value: 224, restated: true });
    expect(dec.restatements).toEqual([{ ref: "R1", month: "2020-11", published: 223, restated: 224, in: "2020-12" }]);
    expect(r1.restatements).toHaveLength(1);
  });

  it("keeps an earlier month's report as it was published", () => {
    const nov = buildMonthModel(data, "2020-11");
    expect(nov.indicators.find((i) => i.ref === "R1")!.value).toBe(223);
    expect(nov.restatements).toEqual([]);
  });

  it("reads CSV month files like YAML ones", () => {
    const oct = buildMonthModel(data, "2020-10");
    expect(oct.indicators.find((i) => i.ref === "C1")!.value).toBe(1353);
    expect(oct.indicators.find((i) => i.ref === "P1")!.value).toBe(90);
  });
});

const ORIGINAL = 315; // R1 in months/2020-10.csv

describe("two month files restating the same month differently", () => {
  // 2020-11 restates October's R1 as 200, then 2020-12 restates it again as 210: accepted, by the rule
  // that files apply in month order (README, "Restatements"), so the later file wins from its own report on.
  const dir = copyFixture();
  editFile(dir, "months/2020-11.yaml", (t) => `${t}restated:\n  2020-10:\n    R1: 200\n`);
  editFile(dir, "months/2020-12.yaml", (t) => `${t}  2020-10:\n    R1: 210\n`);
  const checked = check(dir);
  const data = checked.data!;

  it("is accepted by the check, with no error or warning", () => {
    expect(checked.problems).toEqual([]);
  });

  it("shows each report the figure as known at its month: the original, then each restatement in turn", () => {
    const at = (report: string) => buildMonthModel(data, report).indicators.find((i) => i.ref === "R1")!.series.find((p) => p.month === "2020-10")!.value;
    expect(at("2020-10")).toBe(ORIGINAL);
    expect(at("2020-11")).toBe(200);
    expect(at("2020-12")).toBe(210);
  });

  it("lists each report's own restatement (from the figure it replaced), and both on the indicator", () => {
    const dec = buildMonthModel(data, "2020-12");
    expect(dec.restatements.filter((r) => r.month === "2020-10")).toEqual([{ ref: "R1", month: "2020-10", published: 200, restated: 210, in: "2020-12" }]);
    expect(dec.indicators.find((i) => i.ref === "R1")!.restatements.filter((r) => r.month === "2020-10")).toEqual([
      { ref: "R1", month: "2020-10", published: ORIGINAL, restated: 200, in: "2020-11" },
      { ref: "R1", month: "2020-10", published: 200, restated: 210, in: "2020-12" },
    ]);
    expect(buildMonthModel(data, "2020-11").restatements).toEqual([{ ref: "R1", month: "2020-10", published: ORIGINAL, restated: 200, in: "2020-11" }]);
  });
});
