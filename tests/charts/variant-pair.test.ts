// A chart's wide and narrow variants drawn by one view (variantPair.ts), and
// that view drawn again for the next chart of its shape (viewReuse.ts), must
// give each variant as drawn alone, byte for byte: checked on every chart of
// the example in the order the build draws them (line, bar, grouped, stacked,
// SPC, histories). Variants that differ where a view cannot follow are drawn
// alone, and so is a pair that warned, each with its own warnings; a template
// a view cannot be reused from gives a view to each chart.
import { describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { pairVariants } from "../../scripts/charts/variantPair.ts";
import { vegaKeptViewToSvg, vegaPairToSvg, viewStats } from "../../scripts/charts/vegaRender.ts";
import { reusableRuntime } from "../../scripts/charts/viewReuse.ts";
import { vegaLiteSpec } from "../../scripts/charts/specs.ts";
import { chartWarnings, renderSvgPair, renderedCharts } from "../../scripts/charts/render.ts";
import type { ChartData } from "../../scripts/charts/chartData.ts";
import { drawnByVega } from "./drawnByVega.ts";
import { exampleCharts } from "./exampleCharts.ts";

describe("a chart's variants drawn by one view", () => {
  it("are each the variant drawn alone, byte for byte, for every chart of the example", async () => {
    const charts = exampleCharts();
    const differ: string[] = [];
    let pairs = 0;
    const before = { ...viewStats };
    for (let i = 0; i < charts.length; i += 2) {
      const [wide, narrow] = [charts[i]!, charts[i + 1]!];
      expect([wide.variant, narrow.variant]).toEqual(["wide", "narrow"]);
      const paired = pairVariants(wide.spec, narrow.spec);
      if (!paired) continue;
      pairs++;
      const drawn = await vegaPairToSvg(paired);
      expect(drawn).not.toBeNull();
      if (drawn!.wide !== (await drawnByVega(wide.spec))) differ.push(wide.name);
      if (drawn!.narrow !== (await drawnByVega(narrow.spec))) differ.push(narrow.name);
    }
    expect(differ).toEqual([]);
    // Every chart of the example pairs: its variants differ only in size and what follows from it.
    expect(pairs).toBe(charts.length / 2);
    // Most were drawn by the view of an earlier chart of their shape (the first of a shape makes its template).
    expect(viewStats.reused - before.reused).toBeGreaterThan(pairs * 0.8);
  }, 240_000);

  it("give the wide variant alone, byte for byte, where the pair's spec is drawn with no narrow chart (an earlier month's), by views that draw pairs too", async () => {
    const charts = exampleCharts();
    const differ: string[] = [];
    const before = { ...viewStats };
    let wideOnly = 0;
    for (let i = 0; i < charts.length; i += 2) {
      const [wide, narrow] = [charts[i]!, charts[i + 1]!];
      const paired = pairVariants(wide.spec, narrow.spec)!;
      // Two of three drawn wide only, the third as a pair: a shape's kept view goes from one to the other.
      if ((i / 2) % 3 === 2) {
        const drawn = await vegaPairToSvg(paired);
        if (drawn!.wide !== (await drawnByVega(wide.spec))) differ.push(wide.name);
        if (drawn!.narrow !== (await drawnByVega(narrow.spec))) differ.push(narrow.name);
        continue;
      }
      wideOnly++;
      const drawn = await vegaKeptViewToSvg(paired.spec);
      expect(drawn.warnings, wide.name).toEqual([]);
      if (drawn.svg !== (await drawnByVega(wide.spec))) differ.push(`${wide.name} (wide only)`);
    }
    expect(differ).toEqual([]);
    expect(wideOnly).toBeGreaterThan(500);
    expect(viewStats.reused - before.reused).toBeGreaterThan((charts.length / 2) * 0.8);
  }, 240_000);

  it("are drawn by a new view for each chart where a template holds a lifted value a view cannot be given again", () => {
    const template = (value: string, format?: object) =>
      JSON.stringify({
        operators: [
          { id: 1, type: "collect", value: { $ingest: ["__boardpack_lifted_0__"], ...(format ? { $format: format } : {}) }, params: {}, data: { source_0: ["input", "output"] } },
          { id: 2, type: "scale", params: { type: "linear", domain: ["__boardpack_lifted_1__"], range: [0, 100] } },
          { id: 3, type: "operator", value, params: {} },
          // An empty dataset is the same for every chart of the shape: nothing to set.
          { id: 4, type: "collect", value: { $ingest: [] }, params: {}, data: { source_1: ["input", "output"] } },
        ],
      });
    const reusable = reusableRuntime(template("plain"))!;
    expect(reusable.data).toEqual([{ name: "source_0", k: 0 }]);
    // The scale's domain is read from a slot operator, set again for each chart.
    expect(reusable.slots.map((s) => s.k)).toEqual([1]);
    expect(JSON.parse(reusable.fill(["[]", "[0,5]"])).operators[0]).toMatchObject({ type: "operator", value: [0, 5] });
    // A lifted text inside a longer text, and data parsed by a format: no reuse.
    expect(reusableRuntime(template("per __boardpack_text_2__ children"))).toBeNull();
    expect(reusableRuntime(template("plain", { type: "json", parse: { y: "number" } }))).toBeNull();
    // A lifted value read inside a subflow (its operators read their own parameters): no reuse.
    const subflow = JSON.parse(template("plain")) as { operators: object[] };
    subflow.operators.push({ id: 5, type: "facet", params: { subflow: { $subflow: { operators: [{ id: 6, type: "operator", update: { code: "7919000003.3125 + 1" } }] } } } });
    expect(reusableRuntime(JSON.stringify(subflow))).toBeNull();
  });

  it("differ in the view's size and padding and in params, which hold the wide chart's values", () => {
    const [wide, narrow] = exampleCharts().filter((c) => c.name.startsWith("indicator") && c.name.includes("history"));
    const paired = pairVariants(wide!.spec, narrow!.spec)!;
    const spec = paired.spec as unknown as { width: number; height: number; config: { padding: object }; params: { name: string; value: unknown }[] };
    expect([spec.width, spec.height]).toEqual([640, 290]);
    expect(spec.config.padding).toEqual((wide!.spec as unknown as { config: { padding: object } }).config.padding);
    expect([paired.narrow.width, paired.narrow.height]).toEqual([310, 260]);
    // Tick count 5 against 4, point size 45 against 35 (and the x labels, where the narrow chart shows fewer).
    const values = Object.fromEntries(spec.params.map((p) => [p.name, [p.value, paired.narrow.signals[p.name]]]));
    expect(Object.values(values)).toEqual(expect.arrayContaining([[5, 4], [45, 35]]));
  });

  it("are drawn alone where they differ in anything else: labels wrapped to other lines", async () => {
    const data: ChartData = {
      type: "line",
      title: "Referrals",
      categories: ["Jan-20", "Feb-20", "Mar-20", "Apr-20", "May-20", "Jun-20"],
      series: [{ ref: "2.1", label: "Referrals", values: [10, 12, 11, 14, 13, 15], unit: "count", decimals: 0 }],
      references: [],
      unit: "count",
      decimals: 0,
      // Long enough to wrap on the narrow chart and not on the wide one.
      changes: [{ index: 2, text: "New front door for contacts and referrals" }],
    };
    const [wide, narrow] = [vegaLiteSpec(data, "wide"), vegaLiteSpec(data, "narrow")];
    expect(pairVariants(wide, narrow)).toBeNull();
    const before = renderedCharts.length;
    const { svgs } = await renderSvgPair(wide, narrow, "labels (wide)", "labels (narrow)", false);
    expect(svgs).toEqual([await drawnByVega(wide), await drawnByVega(narrow)]);
    expect(renderedCharts.slice(before).sort()).toEqual(["labels (narrow)", "labels (wide)"]);
  }, 60_000);

  it("are drawn alone if the pair warns, each reporting its own warnings", async () => {
    const spec = (width: number, tickCount: number): TopLevelSpec => ({
      width,
      height: 200,
      config: { padding: { left: 2, right: width > 400 ? 8 : 4, top: 6, bottom: 2 } },
      data: { values: [{ x: "a", y: 1 }, { x: "b", y: 3 }] },
      // A dash pattern for a quantity: Vega-Lite warns that it can mislead.
      layer: [{ mark: "line", encoding: { x: { field: "x", type: "nominal" }, y: { field: "y", type: "quantitative", axis: { tickCount } }, strokeDash: { field: "y", type: "quantitative" } } }],
    });
    const [wide, narrow] = [spec(640, 5), spec(310, 4)];
    expect(pairVariants(wide, narrow)).not.toBeNull();
    const before = chartWarnings.length;
    const { svgs } = await renderSvgPair(wide, narrow, "warns (wide)", "warns (narrow)", false);
    expect(svgs).toEqual([await drawnByVega(wide), await drawnByVega(narrow)]);
    const warned = chartWarnings.slice(before);
    expect(warned.filter((w) => w.startsWith("warns (wide): ") && /strokeDash/.test(w)).length).toBeGreaterThan(0);
    expect(warned.filter((w) => w.startsWith("warns (narrow): ") && /strokeDash/.test(w)).length).toBeGreaterThan(0);
    // Only the variants' own warnings: none about the params the pair added.
    expect(warned.filter((w) => /bp_variant/.test(w))).toEqual([]);
  }, 60_000);
});
