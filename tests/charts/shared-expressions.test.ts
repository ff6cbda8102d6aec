// Vega's expression functions made once per thread (sharedExpressions.ts):
// every chart is still the chart Vega's own generator draws, byte for byte
// (runtime-templates.test.ts checks each of the example's), including charts
// whose expressions differ or share a field under other names; and a second
// chart of a shape makes no function.
import { describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { sharedExpressionCount } from "../../scripts/charts/sharedExpressions.ts";
import { vegaToSvg } from "../../scripts/charts/vegaRender.ts";
import { clearTemplates } from "../../scripts/charts/runtimeTemplates.ts";
import { drawnByVega } from "./drawnByVega.ts";
import { exampleCharts } from "./exampleCharts.ts";

const values = [
  { x: "a", y: 1 },
  { x: "a", y: 4 },
  { x: "b", y: 2 },
  { x: "c", y: 3 },
];

/** Bars of a computed field: `factor` is in the expression, so each chart's expression is its own. */
const scaled = (factor: number): TopLevelSpec => ({
  width: 200,
  height: 100,
  data: { values },
  transform: [{ calculate: `datum.y * ${factor}`, as: "v" }],
  mark: "bar",
  encoding: { x: { field: "x", type: "nominal" }, y: { field: "v", type: "quantitative", aggregate: "sum" } },
});

/** The same field aggregated under another name (Vega names its getters, on the function it is given). */
const named = (as: string, op: "sum" | "max"): TopLevelSpec => ({
  width: 200,
  height: 100,
  data: { values },
  transform: [{ aggregate: [{ op, field: "y", as }], groupby: ["x"] }],
  mark: "bar",
  encoding: { x: { field: "x", type: "nominal", sort: { field: as, order: "descending" } }, y: { field: as, type: "quantitative" } },
});

describe("Vega's expression functions, made once per thread", () => {
  it("draw charts whose expressions differ, or share a field under other names, as Vega's own generator does", async () => {
    clearTemplates();
    const specs = [scaled(2), named("total", "sum"), scaled(3), named("highest", "max"), scaled(2), named("total", "max")];
    for (const spec of specs) expect((await vegaToSvg(spec)).svg).toBe(await drawnByVega(spec));
    const two = (await vegaToSvg(scaled(2))).svg;
    expect(two).not.toBe((await vegaToSvg(scaled(3))).svg);
  });

  it("are made for the first chart of a shape, and not again for the next", async () => {
    clearTemplates();
    const charts = exampleCharts().slice(0, 40);
    for (const c of charts) await vegaToSvg(c.spec);
    const after = sharedExpressionCount();
    expect(after).toBeGreaterThan(0);
    for (const c of charts) await vegaToSvg(c.spec);
    expect(sharedExpressionCount()).toBe(after);
  }, 120_000);
});
