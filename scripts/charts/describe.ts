// A text description of a chart, for screen-reader users and as its alt text:
// what it shows, the latest figure, the highest and lowest.
import { formatValue } from "../format/number.ts";
import type { ChartData } from "./chartData.ts";
import { referenceValue } from "./specs.ts";

const KIND = { line: "Line chart", bar: "Bar chart", annual: "Bar chart of annual outturns", termly: "Bar chart of termly figures", grouped: "Grouped bar chart", stacked: "Stacked bar chart", spc: "Statistical process control chart" } as const;

export function describeChart(data: ChartData): string {
  const first = data.categories[0];
  const last = data.categories[data.categories.length - 1];
  const parts = [`${KIND[data.type]}: ${data.title}, ${first} to ${last}.`];
  for (const s of data.series) {
    const points = s.values.map((v, i) => ({ v, x: data.categories[i]! })).filter((p): p is { v: number; x: string } => p.v !== null);
    if (points.length === 0) {
      parts.push(`${s.label}: no figures.`);
      continue;
    }
    const fmt = (v: number) => formatValue(v, s.unit, s.decimals);
    const latest = points[points.length - 1]!;
    const high = points.reduce((a, b) => (b.v > a.v ? b : a));
    const low = points.reduce((a, b) => (b.v < a.v ? b : a));
    const withheld = data.categories.filter((_, i) => s.withheld?.[i]);
    const shown = withheld.length ? " of the figures shown" : "";
    parts.push(`${s.label}: ${fmt(latest.v)} in ${latest.x}; highest${shown} ${fmt(high.v)} (${high.x}), lowest${shown} ${fmt(low.v)} (${low.x}).`);
    if (withheld.length) parts.push(`Withheld to protect privacy, shown as ${s.withheld!.find((w) => w)}: ${withheld.join(", ")}.`);
    // Periods without a figure between the first and the latest: the chart leaves them as gaps.
    const first = s.values.findIndex((v) => v !== null);
    const gaps = data.categories.filter((_, i) => i > first && i < data.categories.indexOf(latest.x) && s.values[i] === null && !s.withheld?.[i]);
    if (gaps.length) parts.push(`No figure for ${gaps.join(", ")}.`);
  }
  if (data.changes?.length) parts.push(`The line starts again at each process change: ${data.changes.map((c) => c.text).join("; ")}.`);
  if (data.references.length) {
    parts.push(`Reference lines: ${data.references.map((r) => `${r.label} ${referenceValue(r, data.unit, data.decimals)}`).join("; ")}.`);
  }
  return parts.join(" ");
}
