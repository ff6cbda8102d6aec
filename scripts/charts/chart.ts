// One chart of a page: its SVGs (wide for screens and print, narrow for
// phones), title, description, key, notes and figures as a table.
import type { BenchmarkKey, ChartSpec, MonthModel } from "../model/types.ts";
import { formatValue } from "../format/number.ts";
import { chartData, type ChartData } from "./chartData.ts";
import { keyHtml, type KeyItem } from "./chartKey.ts";
import { describeChart } from "./describe.ts";
import { accessibleSvg, renderSvgPair, renderWideSvg } from "./render.ts";
import { chartKey, vegaLiteSpec } from "./specs.ts";
import type { TopLevelSpec } from "vega-lite";
import type { Variant } from "./theme.ts";

export interface ChartView {
  id: string;
  type: ChartSpec["type"];
  title: string;
  description: string;
  /** The chart for screens from about 700 px wide, and for print. */
  svg: string;
  /** The same chart drawn for phones; empty where it is not (an earlier month's chart: phones scroll the wide one, siteData.ts). */
  svgNarrow: string;
  /**
   * What the SVGs are drawn from (their specs and the renderer): a page's
   * cache key takes this rather than the SVGs' text, most of a page's view
   * (pageCache.ts). Absent where nothing is drawn.
   */
  drawnFrom?: string;
  /** The key as HTML (a list that wraps), empty where the chart needs none. */
  key: KeyItem[];
  keyHtml: string;
  /** Sentences the chart needs said beside it (too few points for limits...). */
  notes: string[];
  /** The figures, for a table beside the chart. */
  table: { head: string[]; rows: string[][] };
}

export async function renderChart(
  chart: Omit<ChartSpec, "source">,
  model: MonthModel,
  benchmarkLabels: Record<BenchmarkKey, string>,
  id: string,
  phone = true,
): Promise<ChartView> {
  return renderChartData(chartData(chart, model, benchmarkLabels), id, phone);
}

/** Charts rendered and time spent, for the build's phase timings. */
export const chartStats = { count: 0, ms: 0 };

/** Runs a batch of chart renders (concurrent) and adds to chartStats the wall time during which any batch ran (batches overlap). */
let activeBatches = 0;
let batchesSince = 0;
export async function timeCharts<T>(fn: () => Promise<T>): Promise<T> {
  if (activeBatches++ === 0) batchesSince = performance.now();
  try {
    return await fn();
  } finally {
    if (--activeBatches === 0) chartStats.ms += performance.now() - batchesSince;
  }
}

/**
 * Renders both variants of a chart and makes each an accessible image; with
 * `phone` false, the wide one alone (shown to phones in a scrolling box).
 */
export async function renderVariants(
  spec: (v: Variant) => TopLevelSpec,
  id: string,
  title: string,
  description: string,
  phone = true,
): Promise<{ svg: string; svgNarrow: string; drawnFrom: string }> {
  if (!phone) {
    const { svg, key } = await renderWideSvg(spec("wide"), spec("narrow"), `${id} (${title})`);
    chartStats.count += 1;
    return { svg: accessibleSvg(svg, id, title, description, "bp-chart__svg bp-chart__svg--scroll"), svgNarrow: "", drawnFrom: key };
  }
  const { svgs: [wide, narrow], keys } = await renderSvgPair(spec("wide"), spec("narrow"), `${id} (${title})`, `${id}-narrow (${title})`);
  chartStats.count += 2;
  return {
    svg: accessibleSvg(wide, id, title, description, "bp-chart__svg bp-chart__svg--wide"),
    svgNarrow: accessibleSvg(narrow, `${id}-narrow`, title, description, "bp-chart__svg bp-chart__svg--narrow"),
    drawnFrom: keys,
  };
}

/** A chart of its data; with `phone` false, not drawn for phones (renderVariants). */
export async function renderChartData(data: ChartData, id: string, phone = true): Promise<ChartView> {
  const description = describeChart(data);
  // Public edition: a chart whose every figure is withheld would be an empty frame (or a reference line alone).
  const symbol = data.series.flatMap((s) => s.withheld ?? []).find((w) => w);
  if (symbol && data.series.every((s) => s.values.every((v) => v === null))) {
    const head = [data.type === "annual" ? "Year" : data.type === "termly" ? "Term" : "Month", ...data.series.map((s) => s.label)];
    const rows = data.categories.map((x, i) => [x, ...data.series.map((s) => s.withheld?.[i] ?? formatValue(s.values[i] ?? null, s.unit, s.decimals))]);
    return {
      id, type: data.type, title: data.title, description, svg: "", svgNarrow: "", key: [], keyHtml: "",
      notes: [`Every figure of this chart is withheld in the public edition (shown as ${symbol}), so it is not drawn.`],
      table: { head, rows },
    };
  }
  const svgs = await renderVariants((v) => vegaLiteSpec(data, v), id, data.title, description, phone);
  const key = chartKey(data);
  const head = [data.type === "annual" ? "Year" : data.type === "termly" ? "Term" : "Month", ...data.series.map((s) => s.label)];
  const rows = data.categories.map((x, i) => [x, ...data.series.map((s) => s.withheld?.[i] ?? formatValue(s.values[i] ?? null, s.unit, s.decimals))]);
  return { id, type: data.type, title: data.title, description, ...svgs, key, keyHtml: keyHtml(key), notes: [], table: { head, rows } };
}
