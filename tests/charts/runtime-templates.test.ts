// A chart drawn from its shape's template (runtimeTemplates.ts) must be the
// chart compiled on its own, byte for byte: checked on every chart of the
// example, and on a shape whose compile depends on a lifted array.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { vegaToSvg } from "../../scripts/charts/vegaRender.ts";
import { clearTemplates, templateStats } from "../../scripts/charts/runtimeTemplates.ts";
import { shapeOf } from "../../scripts/charts/chartShape.ts";
import { vegaLiteSpec } from "../../scripts/charts/specs.ts";
import type { ChartData } from "../../scripts/charts/chartData.ts";
import { REFERENCE_COLOURS, REFERENCE_DASHES } from "../../scripts/charts/theme.ts";
import { drawnByVega } from "./drawnByVega.ts";
import { exampleCharts } from "./exampleCharts.ts";

/** Forgets every template (a new thread); what the templates did from here on. */
function countFromHere(): () => { hits: number; made: number; refused: number } {
  clearTemplates();
  const before = { ...templateStats };
  return () => ({ hits: templateStats.hits - before.hits, made: templateStats.made - before.made, refused: templateStats.refused - before.refused });
}

/** Draws each chart in turn (templates on), each exactly as Vega draws it alone. */
async function expectDrawnAsAlone(...specs: TopLevelSpec[]): Promise<void> {
  for (const spec of specs) expect((await vegaToSvg(spec)).svg).toBe(await drawnByVega(spec));
}

describe("chart templates", () => {
  it("draw every chart of the example exactly as compiling it alone does, and most charts come from a template", async () => {
    const counted = countFromHere();
    const charts = exampleCharts();
    const differ: string[] = [];
    for (const c of charts) {
      const [alone, templated] = [await drawnByVega(c.spec), (await vegaToSvg(c.spec)).svg];
      if (alone !== templated) differ.push(c.name);
    }
    expect(differ).toEqual([]);
    const { hits, made, refused } = counted();
    // The example's section charts repeat each month: most charts reuse a shape.
    expect(hits).toBeGreaterThan(charts.length / 2);
    expect(made).toBeGreaterThan(0);
    // Every shape of the example makes a template: a refused shape compiles each of its charts afresh.
    expect(refused).toBe(0);
  }, 240_000);

  it("come one to a chart's structure: no shape of the example differs from another only in which of its values are equal", () => {
    // Equal values share a placeholder (chartShape.ts), so two charts drawn alike whose values happen to be equal in one
    // (a line with no month missing: its points' rows were the line's) were two shapes, each compiled on its own.
    const byStructure = new Map<string, Set<string>>();
    for (const c of exampleCharts()) {
      const { key } = shapeOf(c.spec);
      const structure = key.replace(/__boardpack_(lifted|text)_\d+__/g, "__$1__").replace(/79190\d{5}\.3125/g, "0");
      byStructure.set(structure, (byStructure.get(structure) ?? new Set()).add(key));
    }
    const split = [...byStructure.values()].filter((keys) => keys.size > 1);
    expect(split.map((keys) => [...keys])).toEqual([]);
    expect(byStructure.size).toBeGreaterThan(10);
  }, 60_000);

  it("serve a chart of percentages and one of counts alike: the % is the axis format's, and is drawn after each label", async () => {
    const chart = (unit: ChartData["unit"], values: number[]): ChartData => ({
      type: "line",
      title: "t",
      categories: ["Jan-20", "Feb-20", "Mar-20"],
      series: [{ ref: "1", label: "One", unit, decimals: 0, values }],
      references: [],
      unit,
      decimals: 0,
    });
    const percentages = vegaLiteSpec(chart("percentage", [-4, 12, 30]), "wide");
    expect(shapeOf(percentages).key).toBe(shapeOf(vegaLiteSpec(chart("count", [-4, 12, 30]), "wide")).key);
    const labels = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    const drawn = (await vegaToSvg(percentages)).svg;
    expect(drawn).toBe(await drawnByVega(percentages));
    const ticks = labels(drawn).filter((t) => /\d/.test(t!) && !t!.includes("-20"));
    expect(ticks.length).toBeGreaterThan(2);
    for (const t of ticks) expect(t).toMatch(/^\u2212?\d[\d,]*%$/);
    // Below zero, Vega's minus sign comes before the number, the % after it.
    expect(ticks.some((t) => t!.startsWith("\u2212"))).toBe(true);
    expect(labels((await vegaToSvg(vegaLiteSpec(chart("count", [-4, 12, 30]), "wide"))).svg).filter((t) => t!.endsWith("%"))).toEqual([]);
  });

  it("serve a chart with any of the reference lines or none: a target alone, or benchmarks, are rows of one layer", async () => {
    const chart = (references: ChartData["references"]): ChartData => ({
      type: "line",
      title: "t",
      categories: ["Jan-20", "Feb-20", "Mar-20"],
      series: [{ ref: "1", label: "One", unit: "count", decimals: 0, values: [10, 20, 30] }],
      references,
      unit: "count",
      decimals: 0,
    });
    const target = chart([{ label: "Target", value: 25, kind: "target" }]);
    const benchmarks = chart([
      { label: "Statistical neighbours", value: 12, kind: "statNeighbour" },
      { label: "England", value: 18, kind: "england" },
    ]);
    const none = chart([]);
    expect(shapeOf(vegaLiteSpec(target, "wide")).key).toBe(shapeOf(vegaLiteSpec(benchmarks, "wide")).key);
    expect(shapeOf(vegaLiteSpec(none, "wide")).key).toBe(shapeOf(vegaLiteSpec(target, "wide")).key);
    // Each line in its own kind's colour and dashes.
    const lines = (svg: string) => [...svg.matchAll(/<line [^>]*stroke="([^"]+)"[^>]*stroke-dasharray="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    const style = (kind: keyof typeof REFERENCE_COLOURS) => `${REFERENCE_COLOURS[kind]} ${REFERENCE_DASHES[kind].join(",")}`;
    expect(lines((await vegaToSvg(vegaLiteSpec(target, "wide"))).svg)).toEqual([style("target")]);
    expect(lines((await vegaToSvg(vegaLiteSpec(benchmarks, "wide"))).svg)).toEqual([style("statNeighbour"), style("england")]);
    // With none, the layer's one row without a value draws nothing.
    const drawnAlone = (await vegaToSvg(vegaLiteSpec(none, "wide"))).svg;
    expect(lines(drawnAlone)).toEqual([]);
    expect(drawnAlone).toBe(await drawnByVega(vegaLiteSpec(none, "wide")));
  });

  it("serve a bar chart with a category without a figure and one without: the first says so, the second has nothing to say", async () => {
    const chart = (values: (number | null)[]): ChartData => ({
      type: "bar",
      title: "t",
      categories: ["2018/19", "2019/20", "2020/21"],
      series: [{ ref: "1", label: "One", unit: "count", decimals: 0, values }],
      references: [],
      unit: "count",
      decimals: 0,
    });
    const [gap, whole] = [vegaLiteSpec(chart([10, null, 30]), "wide"), vegaLiteSpec(chart([10, 20, 30]), "wide")];
    expect(shapeOf(gap).key).toBe(shapeOf(whole).key);
    const texts = async (spec: TopLevelSpec) => [...(await vegaToSvg(spec)).svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect((await texts(gap)).filter((t) => t === "n/a")).toHaveLength(1);
    expect((await texts(whole)).filter((t) => t === "n/a")).toHaveLength(0);
    await expectDrawnAsAlone(gap, whole);
  });

  it("serve a line chart with any words for its process change: the label's lines are lifted out of the shape", async () => {
    const chart = (reason: string): ChartData => ({
      type: "line",
      title: "t",
      categories: ["Jan-20", "Feb-20", "Mar-20", "Apr-20"],
      series: [{ ref: "1", label: "One", unit: "count", decimals: 0, values: [10, 20, 30, 25], breaks: [2] }],
      references: [],
      unit: "count",
      decimals: 0,
      changes: [{ index: 2, text: reason }],
    });
    const [a, b] = [vegaLiteSpec(chart("New form (Mar-20)"), "wide"), vegaLiteSpec(chart("Team's new rota"), "wide")];
    expect(shapeOf(a).key).toBe(shapeOf(b).key);
    await expectDrawnAsAlone(a, b);
    expect((await vegaToSvg(b)).svg).toContain(">Team's new rota</text>");
  });

  it("are refused for a shape whose compile folds a lifted array into an expression, and those charts are still right", async () => {
    const counted = countFromHere();
    const spec = (labels: string[]): TopLevelSpec => ({
      width: 300,
      height: 200,
      data: { values: labels.map((label, i) => ({ x: "Jan", label, y: i + 1 })) },
      mark: "bar",
      encoding: {
        x: { field: "x", type: "nominal" },
        // An offset scale's domain becomes the sort expression of the bars: the compile reads the array.
        xOffset: { field: "label", type: "nominal", scale: { domain: labels } },
        y: { field: "y", type: "quantitative" },
        color: { field: "label", type: "nominal", scale: { domain: labels, range: ["#1d70b8", "#f47738", "#00703c"].slice(0, labels.length) } },
      },
    });
    await expectDrawnAsAlone(spec(["one", "two", "three"]), spec(["four", "five", "six"]));
    expect(counted().refused).toBe(1);
    expect(counted().hits).toBe(0);
  });

  it("put each chart's values in as they are, even one written as a placeholder is", async () => {
    const counted = countFromHere();
    const spec = (ys: number[]): TopLevelSpec => ({
      width: 300,
      height: 200,
      data: { values: ys.map((y, i) => ({ x: `M${i}`, y })) },
      mark: "point",
      encoding: { x: { field: "x", type: "nominal" }, y: { field: "y", type: "quantitative" } },
    });
    // 7,919,000,001.3125 is how the template writes its second lifted value (chartShape.ts).
    await expectDrawnAsAlone(spec([1, 2, 3]), spec([1, 7_919_000_001.3125, 3]));
    expect(counted().made).toBe(1);
    expect(counted().hits).toBe(1);
  });

  it("are kept on disk: a later build (a thread that knows none) reads them, makes none, and draws the same charts", async () => {
    const saved = process.env.BOARDPACK_CACHE_DIR;
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-templates-"));
    process.env.BOARDPACK_CACHE_DIR = cache;
    try {
      const charts = exampleCharts().filter((c) => c.variant === "wide").slice(0, 40);
      const draw = async () => {
        const before = { ...templateStats };
        const svgs: string[] = [];
        for (const c of charts) svgs.push((await vegaToSvg(c.spec)).svg);
        // Shapes that cannot be templated are kept too (as refused), so they are not tried again.
        const made = templateStats.made - before.made;
        return { svgs, made, shapes: made + templateStats.refused - before.refused, read: templateStats.read - before.read };
      };
      clearTemplates({ disk: true });
      const first = await draw();
      expect(first.made).toBeGreaterThan(0);
      expect(first.read).toBe(0);
      const kept = fs.readdirSync(path.join(cache, "chart-templates"), { recursive: true }).filter((f) => String(f).endsWith(".json"));
      expect(kept.length).toBe(first.shapes);

      clearTemplates({ disk: true });
      const second = await draw();
      expect(second.shapes).toBe(0);
      expect(second.read).toBe(first.shapes);
      expect(second.svgs).toEqual(first.svgs);

      // A file that is not a template of its shape (damaged, or another shape's) is not used: the shape is made again.
      for (const f of kept) fs.writeFileSync(path.join(cache, "chart-templates", String(f)), JSON.stringify({ key: "another shape", template: "[]" }));
      clearTemplates({ disk: true });
      const third = await draw();
      expect(third.read).toBe(0);
      expect(third.shapes).toBe(first.shapes);
      expect(third.svgs).toEqual(first.svgs);
    } finally {
      clearTemplates();
      if (saved === undefined) delete process.env.BOARDPACK_CACHE_DIR;
      else process.env.BOARDPACK_CACHE_DIR = saved;
      fs.rmSync(cache, { recursive: true, force: true });
    }
  }, 240_000);
});
