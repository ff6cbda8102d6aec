// The figures a chart shows, taken from the month's model.
import type { BenchmarkKey, ChartSpec, IndicatorResult, MonthModel, Target, Unit } from "../model/types.ts";
import { shortMonth } from "../metrics/months.ts";
import { targetLine } from "../metrics/rag.ts";

export interface ChartSeries {
  ref: string;
  label: string;
  unit: Unit;
  decimals: number;
  values: (number | null)[];
}

export interface ReferenceLine {
  label: string;
  value: number;
  kind: "target" | BenchmarkKey;
}

export interface ChartData {
  type: ChartSpec["type"];
  title: string;
  /** x-axis categories: month labels (Jan-20) or years (2019/20). */
  categories: string[];
  series: ChartSeries[];
  references: ReferenceLine[];
  unit: Unit;
  decimals: number;
}

/** Target lines worth drawing: the green threshold, both ends of a band, or the value aimed around. */
function targetLines(target: Target | null): number[] {
  if (!target) return [];
  if (target.type === "band") return [...target.green];
  if (target.type === "around") return [target.value];
  return [targetLine(target)!];
}

export function chartData(chart: Omit<ChartSpec, "source">, model: MonthModel, benchmarkLabels: Record<BenchmarkKey, string>): ChartData {
  const byRef = new Map(model.indicators.map((i) => [i.ref, i]));
  const indicators = chart.indicators.map((r) => byRef.get(r)).filter((i): i is IndicatorResult => !!i);
  const first = indicators[0];
  const unit = first?.unit ?? "count";
  const decimals = Math.max(0, ...indicators.map((i) => i.decimals));
  const label = (i: IndicatorResult) => (indicators.length > 1 ? `${i.ref} ${i.shortTitle}` : i.shortTitle);

  if (chart.type === "annual") {
    const years = first?.annual.map((a) => a.year) ?? model.trendYears;
    return {
      type: chart.type,
      title: chart.title,
      categories: years,
      series: indicators.map((i) => ({ ref: i.ref, label: label(i), unit: i.unit, decimals: i.decimals, values: i.annual.map((a) => a.value) })),
      references: [],
      unit,
      decimals,
    };
  }

  const months = model.last12;
  const series = indicators.map((i) => {
    const byMonth = new Map(i.series.map((p) => [p.month, p.value]));
    return { ref: i.ref, label: label(i), unit: i.unit, decimals: i.decimals, values: months.map((m) => byMonth.get(m) ?? null) };
  });

  // Reference lines make sense against one indicator (or several sharing a target).
  const references: ReferenceLine[] = [];
  if (indicators.length === 1 && first && chart.type !== "stacked") {
    for (const value of targetLines(first.target)) references.push({ label: "Target", value, kind: "target" });
    for (const key of ["statNeighbour", "england"] as const) {
      const v = first.benchmarks?.values[key];
      if (v !== undefined) references.push({ label: `${benchmarkLabels[key]} (${first.benchmarks!.year})`, value: v, kind: key });
    }
  }
  return { type: chart.type, title: chart.title, categories: months.map(shortMonth), series, references, unit, decimals };
}

/** Every month on record of one indicator, for its own page. */
export function historyData(ind: IndicatorResult, title: string, benchmarkLabels: Record<BenchmarkKey, string>): ChartData {
  const points = ind.series;
  const references: ReferenceLine[] = targetLines(ind.target).map((value) => ({ label: "Target", value, kind: "target" as const }));
  for (const key of ["statNeighbour", "england"] as const) {
    const v = ind.benchmarks?.values[key];
    if (v !== undefined) references.push({ label: `${benchmarkLabels[key]} (${ind.benchmarks!.year})`, value: v, kind: key });
  }
  return {
    type: "line",
    title,
    categories: points.map((p) => shortMonth(p.month)),
    series: [{ ref: ind.ref, label: ind.shortTitle, unit: ind.unit, decimals: ind.decimals, values: points.map((p) => p.value) }],
    references,
    unit: ind.unit,
    decimals: ind.decimals,
  };
}
