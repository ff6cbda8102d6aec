// Bars side by side (a section chart of several indicators): the series stand
// in the order given, whatever their names, and every such chart of one shape
// comes from one template, however its series are named.
import { describe, expect, it } from "vitest";
import type { ChartData } from "../../scripts/charts/chartData.ts";
import { vegaLiteSpec } from "../../scripts/charts/specs.ts";
import { runView, vegaToSvg } from "../../scripts/charts/vegaRender.ts";
import { clearTemplates, templateStats } from "../../scripts/charts/runtimeTemplates.ts";
import { drawnByVega } from "./drawnByVega.ts";
import { sceneItems } from "./scenegraph.ts";

const months = ["Oct-20", "Nov-20", "Dec-20"];
const chart = (labels: string[]): ChartData => ({
  type: "bar",
  title: "Assessments",
  categories: months,
  series: labels.map((label, i) => ({ ref: `2.${i + 1}`, label, unit: "count", decimals: 0, values: months.map((_, k) => 100 + 10 * i + k) })),
  references: [],
  unit: "count",
  decimals: 0,
});

describe("bars side by side", () => {
  it("stand in the series' order, not their names' alphabetical order", async () => {
    const labels = ["Zeta: started", "Alpha: completed", "Mu: open"];
    const { view } = await runView(vegaLiteSpec(chart(labels), "wide"));
    const bars = sceneItems(view).filter((s) => s.marktype === "rect" && s.datum.label !== undefined);
    expect(bars).toHaveLength(labels.length * months.length);
    for (const month of months) {
      const lefts = labels.map((label) => bars.find((b) => b.datum.x === month && b.datum.label === label)!.bounds.x1);
      expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
      expect(new Set(lefts).size).toBe(labels.length);
    }
    view.finalize();
  });

  it("of one shape share a template, whatever the series are called, and draw as Vega alone does", async () => {
    clearTemplates();
    const before = { ...templateStats };
    const charts = [["Referrals", "Re-referrals"], ["Started", "Completed"], ["Zeta", "Alpha"]].map((l) => vegaLiteSpec(chart(l), "narrow"));
    for (const spec of charts) expect((await vegaToSvg(spec)).svg).toBe(await drawnByVega(spec));
    expect(templateStats.refused - before.refused).toBe(0);
    expect(templateStats.made - before.made).toBe(1);
    expect(templateStats.hits - before.hits).toBe(2);
  });
});
