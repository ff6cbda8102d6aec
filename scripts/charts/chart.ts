// One chart of a page: its SVG, title, description and figures as a table.
import type { BenchmarkKey, ChartSpec, MonthModel } from "../model/types.ts";
import { formatValue } from "../format/number.ts";
import { chartData, type ChartData } from "./chartData.ts";
import { describeChart } from "./describe.ts";
import { accessibleSvg, renderSvg } from "./render.ts";
import { vegaLiteSpec } from "./specs.ts";

export interface ChartView {
  id: string;
  type: ChartSpec["type"];
  title: string;
  description: string;
  svg: string;
  /** The figures, for a table beside the chart. */
  table: { head: string[]; rows: string[][] };
}

export async function renderChart(
  chart: Omit<ChartSpec, "source">,
  model: MonthModel,
  benchmarkLabels: Record<BenchmarkKey, string>,
  id: string,
): Promise<ChartView> {
  return renderChartData(chartData(chart, model, benchmarkLabels), id);
}

/** Charts rendered and time spent, for the build's phase timings. */
export const chartStats = { count: 0, ms: 0 };

/** Runs a batch of chart renders (concurrent) and adds its wall time to chartStats. */
export async function timeCharts<T>(fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    chartStats.ms += performance.now() - start;
  }
}

export async function renderChartData(data: ChartData, id: string): Promise<ChartView> {
  const chart = data;
  const description = describeChart(data);
  const svg = accessibleSvg(await renderSvg(vegaLiteSpec(data)), id, chart.title, description);
  chartStats.count++;
  const head = [data.type === "annual" ? "Year" : "Month", ...data.series.map((s) => s.label)];
  const rows = data.categories.map((x, i) => [x, ...data.series.map((s) => formatValue(s.values[i] ?? null, s.unit, s.decimals))]);
  return { id, type: chart.type, title: chart.title, description, svg, table: { head, rows } };
}
