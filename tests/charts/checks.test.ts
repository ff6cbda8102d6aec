// The chart checks catch what they are for: each is shown a chart that does
// the wrong thing (as the charts did before these checks) and must object.
import { describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import type { ChartData } from "../../scripts/charts/chartData.ts";
import { chartKey, vegaLiteSpec } from "../../scripts/charts/specs.ts";
import { changeProblems, contrastProblems, domainProblems, gapProblems, labelProblems, latestLabelProblems, layOut, plainChart, referenceProblems, seriesColourProblems, shareStackProblems, textProblems, warningProblems } from "./chartChecks.ts";

const months = ["Jan-20", "Feb-20", "Mar-20", "Apr-20", "May-20", "Jun-20", "Jul-20", "Aug-20", "Sep-20", "Oct-20", "Nov-20", "Dec-20"];
const values = [58.3, 58.2, 52.9, null, null, 55.8, 61.5, 60.5, 52.6, 50.7, 50.8, 57.2];
const data: ChartData = {
  type: "line",
  title: "% of contacts with a decision within 1 working day",
  categories: months,
  series: [{ ref: "1.2%", label: "% within 1 working day", unit: "percentage", decimals: 1, values }],
  references: [{ label: "Target", value: 95, kind: "target" }],
  unit: "percentage",
  decimals: 1,
};
const rows = months.map((x, i) => ({ x, y: values[i], label: "% within 1 working day" }));
const base = { $schema: "https://vega.github.io/schema/vega-lite/v6.json", width: 600, height: 240 };
const x = { field: "x", type: "ordinal", sort: months, title: null };

describe("the chart checks", () => {
  it("pass boardpack's own spec of a chart with a gap and a target above the data", async () => {
    const l = await layOut(plainChart("own", vegaLiteSpec(data, "narrow"), data));
    expect([...warningProblems(l), ...contrastProblems(l), ...domainProblems(l), ...gapProblems(l), ...textProblems(l), ...labelProblems(l), ...latestLabelProblems(l)]).toEqual([]);
  });

  it("catch a warning: align and dx given as encodings are dropped", async () => {
    const spec = { ...base, data: { values: rows }, mark: "text", encoding: { x, y: { field: "y", type: "quantitative" }, text: { field: "label" }, align: { value: "left" }, dx: { value: 4 } } } as unknown as TopLevelSpec;
    const l = await layOut(plainChart("encodings", spec, data));
    expect(warningProblems(l).join("\n")).toMatch(/align-encoding is dropped/);
  });

  it("catch a target line above the top of the axis", async () => {
    const spec = {
      ...base,
      layer: [
        { data: { values: rows }, mark: "line", encoding: { x, y: { field: "y", type: "quantitative", scale: { domain: [50, 90] } } } },
        { data: { values: [{}] }, mark: "rule", encoding: { y: { datum: 95, type: "quantitative" } } },
      ],
    } as unknown as TopLevelSpec;
    const problems = domainProblems(await layOut(plainChart("target above", spec, data)));
    expect(problems.join("\n")).toMatch(/Target 95 outside \[50, 90\]/);
    expect(problems.join("\n")).toMatch(/a line at y=-\d+\.\d outside the plot/);
  });

  it("catch a line drawn across missing months, and missing months drawn as zero", async () => {
    const filtered = { ...base, data: { values: rows }, transform: [{ filter: "isValid(datum.y)" }], mark: "line", encoding: { x, y: { field: "y", type: "quantitative" } } } as unknown as TopLevelSpec;
    expect(gapProblems(await layOut(plainChart("bridged", filtered, data))).join("\n")).toMatch(/joins Mar-20 to Jun-20 across a gap/);
    const zero = { ...base, data: { values: rows }, mark: { type: "line", point: true, invalid: "show" }, encoding: { x, y: { field: "y", type: "quantitative" } } } as unknown as TopLevelSpec;
    expect(gapProblems(await layOut(plainChart("as zero", zero, data))).join("\n")).toMatch(/at Apr-20 drawn with no figure/);
  });

  it("catch a line joined across a process change, and pass boardpack's own spec, which breaks it", async () => {
    const changed: ChartData = { ...data, series: [{ ...data.series[0]!, breaks: [10] }], changes: [{ index: 10, text: "New contact form implemented (Nov-20)" }] };
    const joined = { ...base, data: { values: rows }, mark: "line", encoding: { x, y: { field: "y", type: "quantitative" } } } as unknown as TopLevelSpec;
    expect(changeProblems(await layOut(plainChart("joined", joined, changed))).join("\n")).toMatch(/joins Oct-20 to Nov-20 across the process change at Nov-20/);
    const own = await layOut(plainChart("own", vegaLiteSpec(changed, "wide"), changed));
    expect([...changeProblems(own), ...warningProblems(own), ...labelProblems(own), ...textProblems(own)]).toEqual([]);
  });

  it("catch small, cut and overflowing text", async () => {
    const spec = {
      ...base,
      data: { values: rows },
      mark: "line",
      encoding: { x: { ...x, axis: { labelFontSize: 6 } }, y: { field: "y", type: "quantitative" }, color: { field: "label", legend: { labelLimit: 40, orient: "bottom" } } },
    } as unknown as TopLevelSpec;
    const problems = textProblems(await layOut(plainChart("text", spec, data))).join("\n");
    expect(problems).toMatch(/"Jan-20" at 6 px/);
    expect(problems).toMatch(/cut/);
  });

  it("catch a label on a point, and an unlabelled latest month", async () => {
    const spec = {
      ...base,
      width: 200,
      layer: [
        { data: { values: rows }, mark: { type: "point", size: 200 }, encoding: { x: { ...x, axis: { labelOverlap: "parity", labelAngle: 0 } }, y: { field: "y", type: "quantitative" } } },
        { data: { values: [{ x: "Jul-20", y: 61.5 }] }, mark: { type: "text", text: "New contact form implemented", fontSize: 12 }, encoding: { x, y: { field: "y", type: "quantitative" } } },
      ],
    } as unknown as TopLevelSpec;
    const l = await layOut(plainChart("label", spec, data));
    expect(labelProblems(l).join("\n")).toMatch(/"New contact form implemented" on a point at Jul-20/);
    expect(latestLabelProblems(l)).toEqual(["label: Dec-20 not labelled"]);
  });

  it("catch a light blue line (Making Data Count's #00b0f0, 2.48:1 on white)", async () => {
    const spec = { ...base, data: { values: rows }, mark: { type: "line", color: "#00b0f0" }, encoding: { x, y: { field: "y", type: "quantitative" } } } as unknown as TopLevelSpec;
    expect(contrastProblems(await layOut(plainChart("light", spec, data)))).toEqual(["light: line stroke #00b0f0 has 2.48:1 on white"]);
  });

  // Assessment outcomes (2.5 to 2.8): Aug-20's shares add to 100.4% (282 outcomes of 281 assessments); 2.8 is 0% throughout.
  const shares: ChartData = {
    type: "stacked",
    title: "Assessment outcomes",
    categories: months.slice(0, 3),
    series: [
      { ref: "2.5", label: "2.5 On-going Involvement", unit: "percentage", decimals: 1, values: [49.2, 41.3, 43.5] },
      { ref: "2.6", label: "2.6 No further action", unit: "percentage", decimals: 1, values: [18.7, 27.8, 34.7] },
      { ref: "2.7", label: "2.7 Step down to Early Help", unit: "percentage", decimals: 1, values: [32.1, 31.3, 21.8] },
      { ref: "2.8", label: "2.8 Not Recorded/Other", unit: "percentage", decimals: 1, values: [0, 0, 0.4] },
    ],
    references: [],
    unit: "percentage",
    decimals: 1,
  };

  it("catch a share stack whose axis runs past 100% or whose bar is drawn above it, and pass boardpack's own spec, which clamps", async () => {
    const rowsOf = shares.series.flatMap((s, i) => shares.categories.map((c, k) => ({ x: c, y: s.values[k], label: s.label, series: i })));
    const unclamped = {
      ...base,
      data: { values: rowsOf },
      mark: "bar",
      encoding: { x: { ...x, sort: shares.categories }, y: { field: "y", type: "quantitative", stack: "zero" }, color: { field: "label", type: "nominal" }, order: { field: "series" } },
    } as unknown as TopLevelSpec;
    const problems = shareStackProblems(await layOut(plainChart("unclamped", unclamped, shares))).join("\n");
    expect(problems).toMatch(/axis runs to 1[1-9]0%, not 100%/);
    const fixed = { ...unclamped, encoding: { ...(unclamped as { encoding: object }).encoding, y: { field: "y", type: "quantitative", stack: "zero", scale: { domain: [0, 100] } } } } as unknown as TopLevelSpec;
    expect(shareStackProblems(await layOut(plainChart("over the top", fixed, shares))).join("\n")).toMatch(/a bar at Mar-20 drawn above 100%/);
    for (const variant of ["wide", "narrow"] as const) {
      const own = await layOut(plainChart("own", vegaLiteSpec(shares, variant), shares));
      expect([...shareStackProblems(own), ...domainProblems(own), ...warningProblems(own), ...seriesColourProblems(own), ...contrastProblems(own)]).toEqual([]);
    }
  });

  it("catch a series drawn in black", async () => {
    const rowsOf = shares.series.flatMap((s, i) => shares.categories.map((c, k) => ({ x: c, y: s.values[k], label: s.label, series: i })));
    const labels = shares.series.map((s) => s.label);
    const spec = {
      ...base,
      data: { values: rowsOf },
      mark: "bar",
      encoding: { x: { ...x, sort: shares.categories }, y: { field: "y", type: "quantitative", stack: "zero" }, color: { field: "label", type: "nominal", scale: { domain: labels, range: ["#0b4f8a", "#c05600", "#009e73", "#000000"] } } },
    } as unknown as TopLevelSpec;
    expect(seriesColourProblems(await layOut(plainChart("black", spec, shares)))).toEqual(["black: series 2.8 Not Recorded/Other drawn in near-black #000000"]);
  });

  it("catch a target on the axis frame and two reference lines drawn as one, and pass boardpack's own spec, which pads the axis and keys both", async () => {
    // 8.3-like: figures 9.1% to 9.8%; target 10.0%, and SN and England both 10.0%.
    const flat: ChartData = {
      ...data,
      series: [{ ...data.series[0]!, values: [9.1, 9.3, 9.8, 9.4, 9.2, 9.5, 9.6, 9.7, 9.4, 9.3, 9.5, 9.6] }],
      references: [
        { label: "Target", value: 10, kind: "target" },
        { label: "Statistical neighbour average (2019/20)", value: 10, kind: "statNeighbour" },
        { label: "England average (2019/20)", value: 10, kind: "england" },
      ],
    };
    const frame = {
      ...base,
      layer: [
        { data: { values: flat.series[0]!.values.map((y, i) => ({ x: months[i], y })) }, mark: "line", encoding: { x, y: { field: "y", type: "quantitative", scale: { domain: [9, 10] } } } },
        { data: { values: [{}] }, mark: "rule", encoding: { y: { datum: 10, type: "quantitative" } } },
        { data: { values: [{}] }, mark: { type: "rule", strokeDash: [4, 3] }, encoding: { y: { datum: 10, type: "quantitative" } } },
      ],
    } as unknown as TopLevelSpec;
    const problems = referenceProblems(await layOut(plainChart("frame", frame, flat))).join("\n");
    expect(problems).toMatch(/Target 10 on the top of the axis \[9, 10\]/);
    expect(problems).toMatch(/two reference lines at y=0\.0: one hides the other/);
    for (const variant of ["wide", "narrow"] as const) {
      const own = await layOut(plainChart("own", vegaLiteSpec(flat, variant), flat));
      expect([...referenceProblems(own), ...domainProblems(own), ...warningProblems(own)]).toEqual([]);
    }
    const keyed = chartKey(flat).map((k) => k.label);
    expect(keyed).toContain("Target and Statistical neighbour average (2019/20) and England average (2019/20): 10%");
    expect(keyed.filter((k) => /England/.test(k))).toHaveLength(1);
  });
});
