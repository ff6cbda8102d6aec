// Every chart of the published pack is in the example: for each chart the
// source prints, a chart of the example's catalogue shows its indicators,
// and it is drawn (with figures) on its section page.
import { describe, expect, it } from "vitest";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { buildMonthModel } from "../../scripts/metrics/model.ts";
import { chartData } from "../../scripts/charts/chartData.ts";
import { SOURCE_CHARTS } from "../oracles/rotherham-2020-12-charts.ts";

describe("the source pack's charts", () => {
  const { data } = loadValidData("data");
  const charts = data.sections.flatMap((s) => s.charts.map((c) => ({ section: s.id, ...c })));

  it.each(SOURCE_CHARTS)("$title is charted", ({ refs }) => {
    const chart = charts.find((c) => refs.every((r) => c.indicators.includes(r)));
    expect(chart, `no chart shows ${refs.join(", ")}`).toBeDefined();
  });

  it("the termly PEP and reduced-timetable charts show the terms, with the summer term of 6.18 as a gap", () => {
    const model = buildMonthModel(data, "2020-12");
    const pep = chartData(charts.find((c) => c.indicators.includes("6.13"))!, model, data.authority.benchmarks.labels);
    expect(pep.type).toBe("termly");
    expect(pep.categories).toEqual(["Autumn term 2019/20", "Spring term 2019/20", "Summer term 2019/20"]);
    expect(pep.series.map((s) => s.values)).toEqual([
      [94.3, 97.7, 98.9],
      [83.6, 86.3, 96.5],
    ]);
    expect(pep.references).toEqual([{ label: "Target", value: 95, kind: "target" }]);
    const timetable = chartData(charts.find((c) => c.indicators.includes("6.18"))!, model, data.authority.benchmarks.labels);
    expect(timetable.series[0]!.values).toEqual([5.9, 7.2, null]);
  });
});
