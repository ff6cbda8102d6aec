// The figures a chart shows, taken from the month's model.
import type { BenchmarkKey, ChartSpec, IndicatorResult, MonthModel, Target, Unit } from "../model/types.ts";
import { shortMonth } from "../metrics/months.ts";
import { targetLine } from "../metrics/rag.ts";
import { roundHalfAway } from "../format/number.ts";

export interface ChartSeries {
  ref: string;
  label: string;
  unit: Unit;
  decimals: number;
  /** One value per category; null where there is no figure (drawn as a gap, never as a value). */
  values: (number | null)[];
  /** Public edition: per category, the symbol shown where the figure is withheld (drawn as a gap). */
  withheld?: (string | null)[];
  /** Line charts: categories where a process change starts a new segment (the line is not joined across it). */
  breaks?: number[];
}

export interface ReferenceLine {
  label: string;
  value: number;
  kind: "target" | BenchmarkKey;
}

export interface ChartData {
  type: ChartSpec["type"];
  title: string;
  /** x-axis categories: month labels (Jan-20), years (2019/20) or terms (Autumn term 2019/20). */
  categories: string[];
  series: ChartSeries[];
  references: ReferenceLine[];
  unit: Unit;
  decimals: number;
  /** Line charts: process changes within the categories (not at the first), each marked with its reason. */
  changes?: { index: number; text: string }[];
}

/** Target lines worth drawing: the green threshold, both ends of a band, or the value aimed around. */
function targetLines(target: Target | null): number[] {
  if (!target) return [];
  if (target.type === "band") return [...target.green];
  if (target.type === "around") return [target.value];
  const line = targetLine(target);
  return line === null ? [] : [line];
}

const sameTarget = (a: Target | null, b: Target | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Reference lines make sense against one indicator, or several sharing one
 * target (never on stacked shares): the target, and the statistical
 * neighbour and England averages.
 */
function referenceLines(indicators: IndicatorResult[], type: ChartSpec["type"], benchmarkLabels: Record<BenchmarkKey, string>): ReferenceLine[] {
  const first = indicators[0];
  if (!first || type === "stacked") return [];
  const out: ReferenceLine[] = [];
  if (indicators.every((i) => sameTarget(i.target, first.target))) {
    const lines = targetLines(first.target);
    lines.forEach((value, k) => out.push({ label: lines.length > 1 ? (k === 0 ? "Target range (low)" : "Target range (high)") : "Target", value, kind: "target" }));
  }
  if (indicators.length === 1) {
    const year = first.benchmarks?.year;
    const keys = (["statNeighbour", "england"] as const).filter((key) => first.benchmarks?.values[key] !== undefined);
    // Benchmarks at the same figure (SN and England both 10.0%) are one line and one entry of the key, naming both: drawn twice, one would hide the other.
    const groups = new Map<number, (typeof keys)[number][]>();
    for (const key of keys) {
      const at = roundHalfAway(first.benchmarks!.values[key]!, first.decimals);
      groups.set(at, [...(groups.get(at) ?? []), key]);
    }
    for (const group of groups.values()) {
      out.push({ label: `${joinWords(group.map((k) => benchmarkLabels[k]))} (${year})`, value: first.benchmarks!.values[group[0]!]!, kind: group[0]! });
    }
  }
  // A target at a benchmark's figure: one line, its key naming both.
  return mergeCoinciding(out, first.decimals);
}

/** "A", "A and B", "A, B and C". */
function joinWords(words: string[]): string {
  return words.length < 2 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** Reference lines at the same figure (at the indicator's decimals) become one, the first's style, labelled with every name. */
function mergeCoinciding(lines: ReferenceLine[], decimals: number): ReferenceLine[] {
  const out: ReferenceLine[] = [];
  for (const line of lines) {
    const same = out.find((o) => roundHalfAway(o.value, decimals) === roundHalfAway(line.value, decimals));
    if (same) same.label = `${same.label} and ${line.label}`;
    else out.push({ ...line });
  }
  return out;
}

export function chartData(chart: Omit<ChartSpec, "source">, model: MonthModel, benchmarkLabels: Record<BenchmarkKey, string>): ChartData {
  const byRef = new Map(model.indicators.map((i) => [i.ref, i]));
  const indicators = chart.indicators.map((r) => byRef.get(r)).filter((i): i is IndicatorResult => !!i);
  const first = indicators[0];
  const unit = first?.unit ?? "count";
  const decimals = Math.max(0, ...indicators.map((i) => i.decimals));
  const label = (i: IndicatorResult) => (indicators.length > 1 ? `${i.ref} ${i.shortTitle}` : i.shortTitle);
  const base = { type: chart.type, title: chart.title, unit, decimals, references: referenceLines(indicators, chart.type, benchmarkLabels) };

  if (chart.type === "annual") {
    const years = first?.annual.map((a) => a.year) ?? model.trendYears;
    return {
      ...base,
      categories: years,
      series: indicators.map((i) => {
        const byYear = new Map(i.annual.map((a) => [a.year, a]));
        return withWithheld({ ref: i.ref, label: label(i), unit: i.unit, decimals: i.decimals, values: years.map((y) => byYear.get(y)?.value ?? null) }, years.map((y) => byYear.get(y)?.withheld ?? null));
      }),
    };
  }

  if (chart.type === "termly") {
    // Every term any of the indicators reports, in order; a term without a figure is a gap.
    const terms: string[] = [];
    for (const i of indicators) for (const t of i.terms) if (!terms.includes(t.label)) terms.push(t.label);
    return {
      ...base,
      categories: terms,
      series: indicators.map((i) => {
        const byTerm = new Map(i.terms.map((t) => [t.label, t]));
        return withWithheld({ ref: i.ref, label: label(i), unit: i.unit, decimals: i.decimals, values: terms.map((t) => byTerm.get(t)?.value ?? null) }, terms.map((t) => byTerm.get(t)?.withheld ?? null));
      }),
    };
  }

  const months = model.last12;
  const series = indicators.map((i) => {
    const byMonth = new Map(i.series.map((p) => [p.month, p]));
    return withBreaks(withWithheld({ ref: i.ref, label: label(i), unit: i.unit, decimals: i.decimals, values: months.map((m) => byMonth.get(m)?.value ?? null) }, months.map((m) => byMonth.get(m)?.withheld ?? null)), i, months);
  });
  return withChanges({ ...base, categories: months.map(shortMonth), series }, chart.type === "line" ? indicators : [], months);
}

/** Indexes of `months` (not the first) where one of the indicator's process changes starts. */
function breakIndexes(ind: IndicatorResult, months: string[]): number[] {
  return ind.rebases.map((r) => months.indexOf(r.month)).filter((k) => k > 0);
}

function withBreaks(series: ChartSeries, ind: IndicatorResult, months: string[]): ChartSeries {
  const breaks = breakIndexes(ind, months);
  return breaks.length ? { ...series, breaks } : series;
}

/** The process changes the chart's months cross, each marked once with its reason and month. */
function withChanges(data: ChartData, indicators: IndicatorResult[], months: string[]): ChartData {
  const changes = new Map<number, Set<string>>();
  for (const i of indicators) for (const r of i.rebases) {
    const k = months.indexOf(r.month);
    if (k > 0) changes.set(k, (changes.get(k) ?? new Set()).add(r.reason));
  }
  if (!changes.size) return data;
  const list = [...changes].sort((a, b) => a[0] - b[0]).map(([index, reasons]) => ({ index, text: `${[...reasons].join("; ")} (${data.categories[index]})` }));
  return { ...data, changes: list };
}

/** Every month on record of one indicator, for its own page. */
export function historyData(ind: IndicatorResult, title: string, benchmarkLabels: Record<BenchmarkKey, string>): ChartData {
  const points = ind.series;
  const months = points.map((p) => p.month);
  return withChanges(
    {
      type: "line",
      title,
      categories: points.map((p) => shortMonth(p.month)),
      series: [withBreaks(withWithheld({ ref: ind.ref, label: ind.shortTitle, unit: ind.unit, decimals: ind.decimals, values: points.map((p) => p.value) }, points.map((p) => p.withheld ?? null)), ind, months)],
      references: referenceLines([ind], "line", benchmarkLabels),
      unit: ind.unit,
      decimals: ind.decimals,
    },
    [ind],
    months,
  );
}

/** Adds the public edition's withheld marks to a series, where it has any. */
function withWithheld(series: ChartSeries, withheld: (string | null)[]): ChartSeries {
  return withheld.some((w) => w) ? { ...series, withheld } : series;
}
