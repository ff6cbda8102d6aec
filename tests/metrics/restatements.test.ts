import { describe, expect, it } from "vitest";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { buildMonthModel } from "../../scripts/metrics/model.ts";
import { copyFixture } from "../helpers/fixture.ts";

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
