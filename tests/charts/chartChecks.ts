// Checks of a laid-out chart (compiled and run headless, as the build does),
// each returning its problems as sentences; the chart tests run them on every
// chart of the example, and checks.test.ts shows each catches what it should.
import type { View } from "vega";
import type { TopLevelSpec } from "vega-lite";
import { runView } from "../../scripts/charts/vegaRender.ts";
import { FONT_SIZE } from "../../scripts/charts/theme.ts";
import { targetLine } from "../../scripts/metrics/rag.ts";
import type { ChartData } from "../../scripts/charts/chartData.ts";
import type { ExampleChart } from "./exampleCharts.ts";
import { overlaps, sceneItems, type SceneItem } from "./scenegraph.ts";
import { monthRange, shortMonth } from "../../scripts/metrics/months.ts";
import { textWidth } from "../../scripts/charts/textMetrics.ts";
import { contrast, toHex } from "./contrast.ts";
import { isShareStack, stackTotals } from "../../scripts/charts/specs.ts";
import { REFERENCE_MARGIN } from "../../scripts/charts/scale.ts";

export interface Laid {
  chart: ExampleChart;
  view: View;
  warnings: string[];
  items: SceneItem[];
  origin: [number, number];
  size: { width: number; height: number };
}

export async function layOut(chart: ExampleChart): Promise<Laid> {
  const { view, warnings } = await runView(chart.spec);
  const spec = chart.spec as TopLevelSpec & { width: number; height: number };
  return { chart, view, warnings, items: sceneItems(view), origin: view.origin() as [number, number], size: { width: spec.width, height: spec.height } };
}

/** A chart of figures (no SPC) under a name, for the checks' own tests. */
export const plainChart = (name: string, spec: TopLevelSpec, data: ChartData): ExampleChart => ({ name, variant: "wide", spec, data, spc: null });

/** Everything a chart draws against its y axis, and the reference lines among them. */
export function drawnValues(c: ExampleChart): { values: number[]; references: { label: string; value: number }[] } {
  if (c.spc) {
    const refs: { label: string; value: number }[] = [];
    for (const s of c.spc.analysis.segments) {
      if (s.limits) refs.push({ label: "mean", value: s.limits.mean }, { label: "upper limit", value: s.limits.upl }, { label: "lower limit", value: s.limits.lpl });
    }
    const t = targetLine(c.spc.ind.target);
    if (t !== null) refs.push({ label: "target", value: t });
    return { values: c.spc.analysis.segments.flatMap((s) => s.points.map((p) => p.value)), references: refs };
  }
  const d = c.data!;
  // A share stack's total a rounding over 100% is drawn to 100% (shareStackProblems checks it is).
  const values = d.type === "stacked" ? stackTotals(d).map((t) => (isShareStack(d) ? Math.min(t, 100) : t)) : d.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  return { values, references: d.references.map((r) => ({ label: r.label, value: r.value })) };
}

/** Categories (x values) with no figure, per series label ("" for an SPC chart's one series). */
export function missing(c: ExampleChart): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  if (c.spc) {
    const { analysis, ind } = c.spc;
    const have = new Set(analysis.segments.flatMap((s) => s.points.map((p) => p.month)));
    const gaps = ind.series.filter((p) => p.value === null && p.month > analysis.segments[0]!.start && p.month < analysis.segments.at(-1)!.end && !have.has(p.month));
    out.set("", new Set(gaps.map((p) => p.month)));
    return out;
  }
  for (const s of c.data!.series) out.set(s.label, new Set(c.data!.categories.filter((_, i) => s.values[i] === null)));
  return out;
}

const textOf = (it: SceneItem) => ([] as unknown[]).concat(it.item.text ?? "").join(" ");
/** Hidden by Vega's overlap removal (opacity 0), or empty. */
const hidden = (it: SceneItem) => it.item.opacity === 0 || textOf(it) === "";

/** The periods the chart is of, in order (every one, whether or not it has a figure). */
export function categoriesOf(l: Laid): string[] {
  if (l.chart.data) return l.chart.data.categories;
  if (l.chart.spc) {
    const { analysis } = l.chart.spc;
    return monthRange(analysis.segments[0]!.start, analysis.segments.at(-1)!.end).map(shortMonth);
  }
  return l.view.scale("x").domain() as string[];
}

export function warningProblems(l: Laid): string[] {
  return l.warnings.map((w) => `${l.chart.name}: ${w}`);
}

/** The y domain holds every value and every reference line drawn. */
export function domainProblems(l: Laid): string[] {
  const out: string[] = [];
  const [lo, hi] = l.view.scale("y").domain() as [number, number];
  const { values, references } = drawnValues(l.chart);
  for (const r of references) if (r.value < lo || r.value > hi) out.push(`${l.chart.name}: ${r.label} ${r.value} outside [${lo}, ${hi}]`);
  for (const v of values) if (v < lo || v > hi) out.push(`${l.chart.name}: value ${v} outside [${lo}, ${hi}]`);
  // And every horizontal rule (a reference line) lies inside the plot, where a tick can label it.
  const h = l.view.height();
  for (const it of l.items) {
    if (it.inAxis || it.marktype !== "rule" || it.item.y2 !== undefined) continue;
    const y = it.item.y as number | undefined;
    if (y !== undefined && (y < -0.5 || y > h + 0.5)) out.push(`${l.chart.name}: a line at y=${y.toFixed(1)} outside the plot (0 to ${h})`);
  }
  return out;
}

/** Where there is no figure, nothing is drawn: no point, bar or line vertex. */
export function gapProblems(l: Laid): string[] {
  const out: string[] = [];
  const gapsOf = missing(l.chart);
  for (const it of l.items) {
    if (it.inAxis || !["symbol", "rect", "line"].includes(it.marktype) || !("y" in it.datum)) continue;
    const y = it.datum.y;
    // A vertex of a line is drawn unless Vega marks it undefined (the path breaks there).
    const shown = it.marktype === "line" ? it.item.defined !== false : true;
    if ((y === null || y === undefined || Number.isNaN(y)) && shown) out.push(`${l.chart.name}: ${it.marktype} at ${String(it.datum.x)} drawn with no figure`);
    if (typeof it.datum.label === "string" && gapsOf.get(it.datum.label)?.has(String(it.datum.x)) && shown) {
      out.push(`${l.chart.name}: ${it.marktype} drawn at ${String(it.datum.x)}, which has no figure`);
    }
  }
  // A line of figures never bridges a gap: consecutive vertices of a path are neighbouring categories.
  // (An SPC chart's mean and limits are levels of the whole segment, drawn from its first month to its last.)
  const categories = categoriesOf(l);
  const paths = new Map<number, SceneItem[]>();
  for (const it of l.items) if (it.marktype === "line" && !it.inAxis && !("line" in it.datum)) paths.set(it.markId, [...(paths.get(it.markId) ?? []), it]);
  for (const vertices of paths.values()) {
    let previous: number | null = null;
    for (const v of vertices) {
      if (v.item.defined === false) {
        previous = null;
        continue;
      }
      const at = categories.indexOf(String(v.datum.x));
      if (previous !== null && at - previous > 1) out.push(`${l.chart.name}: a line joins ${categories[previous]} to ${categories[at]} across a gap`);
      previous = at;
    }
  }
  return out;
}

/**
 * A line is not joined across a process change (a catalogue's `rebase:`):
 * no two neighbouring vertices of a path lie either side of a change of their
 * series (an SPC chart's data line: of its segments), and the change is
 * marked with a vertical rule.
 */
export function changeProblems(l: Laid): string[] {
  const out: string[] = [];
  const categories = categoriesOf(l);
  // The category indexes where each series starts anew ("" for an SPC chart's data line).
  const breaks = new Map<string, number[]>();
  if (l.chart.data) for (const s of l.chart.data.series) if (s.breaks?.length) breaks.set(s.label, s.breaks);
  if (l.chart.spc) {
    const starts = l.chart.spc.analysis.segments.slice(1).map((s) => categories.indexOf(shortMonth(s.start)));
    if (starts.length) breaks.set("", starts);
  }
  if (!breaks.size) return out;
  const paths = new Map<number, SceneItem[]>();
  for (const it of l.items) if (it.marktype === "line" && !it.inAxis && it.item.defined !== false) paths.set(it.markId, [...(paths.get(it.markId) ?? []), it]);
  for (const vertices of paths.values()) {
    // An SPC chart's mean and limit lines are drawn per segment already (their data says which line they are).
    const key = typeof vertices[0]!.datum.label === "string" ? (vertices[0]!.datum.label as string) : "line" in vertices[0]!.datum ? null : "";
    const at = key === null ? undefined : breaks.get(key);
    if (!at) continue;
    for (let k = 1; k < vertices.length; k++) {
      const a = categories.indexOf(String(vertices[k - 1]!.datum.x));
      const b = categories.indexOf(String(vertices[k]!.datum.x));
      const crossed = at.find((c) => a < c && c <= b);
      if (crossed !== undefined) out.push(`${l.chart.name}: a line joins ${categories[a]} to ${categories[b]} across the process change at ${categories[crossed]}`);
    }
  }
  const rules = l.items.filter((it) => it.marktype === "rule" && !it.inAxis && it.item.x2 === undefined && it.item.y2 !== undefined).length;
  if (rules < new Set([...breaks.values()].flat()).size) out.push(`${l.chart.name}: a process change without its rule`);
  return out;
}

/** Text at the minimum size or more, never cut with an ellipsis, inside the SVG. */
export function textProblems(l: Laid): string[] {
  const out: string[] = [];
  const { width, height } = l.size;
  for (const it of l.items) {
    if (it.marktype !== "text" || hidden(it)) continue;
    const text = textOf(it);
    const size = it.item.fontSize as number;
    if (size < FONT_SIZE) out.push(`${l.chart.name}: "${text}" at ${String(size)} px`);
    // Vega cuts a text wider than its limit with "…" when it draws it.
    const limit = it.item.limit as number | undefined;
    const widest = Math.max(...([] as unknown[]).concat(it.item.text).map((t) => textWidth(String(t), size, it.item.fontWeight === "bold")));
    if (text.includes("…") || (limit && widest > limit)) out.push(`${l.chart.name}: "${text}" cut`);
    const x1 = it.bounds.x1 + l.origin[0];
    const x2 = it.bounds.x2 + l.origin[0];
    const y1 = it.bounds.y1 + l.origin[1];
    const y2 = it.bounds.y2 + l.origin[1];
    if (x1 < -0.5 || x2 > width + 0.5 || y1 < -0.5 || y2 > height + 0.5) {
      out.push(`${l.chart.name}: "${text}" outside the ${width}x${height} SVG (${x1.toFixed(0)},${y1.toFixed(0)})-(${x2.toFixed(0)},${y2.toFixed(0)})`);
    }
  }
  return out;
}

/** Labels added to the plot (rebase reasons, notes, n/a) clear of points, lines and each other. */
export function labelProblems(l: Laid): string[] {
  const out: string[] = [];
  const labels = l.items.filter((it) => it.marktype === "text" && !it.inAxis && !hidden(it));
  const points = l.items.filter((it) => it.marktype === "symbol" && !it.inAxis);
  const vertices = l.items.filter((it) => it.marktype === "line" && !it.inAxis && it.item.defined !== false);
  labels.forEach((a, i) => {
    const text = textOf(a);
    for (const p of points) if (overlaps(a.bounds, p.bounds)) out.push(`${l.chart.name}: "${text}" on a point at ${String(p.datum.x)}`);
    for (const v of vertices) {
      const x = (v.item.x as number) + 0;
      const y = v.item.y as number;
      if (x > a.bounds.x1 && x < a.bounds.x2 && y > a.bounds.y1 && y < a.bounds.y2) out.push(`${l.chart.name}: "${text}" on a line at ${String(v.datum.x)}`);
    }
    for (const b of labels.slice(i + 1)) if (overlaps(a.bounds, b.bounds)) out.push(`${l.chart.name}: "${text}" overlaps "${textOf(b)}"`);
  });
  return out;
}

/** The latest period (the last category) has its label on the x axis. */
export function latestLabelProblems(l: Laid): string[] {
  const categories = categoriesOf(l);
  const labels = l.items.filter((it) => it.inAxis && it.marktype === "text" && it.role === "axis-label" && !hidden(it)).map((it) => String(it.datum.value));
  return labels.includes(categories.at(-1)!) ? [] : [`${l.chart.name}: ${categories.at(-1)} not labelled`];
}

/**
 * Every colour that carries meaning (lines, points, bars, rules, axis lines,
 * text) has 3:1 or more against the white background; grid lines are
 * decoration and exempt.
 */
export function contrastProblems(l: Laid): string[] {
  const out: string[] = [];
  for (const it of l.items) {
    if (it.marktype === "group" || it.role === "axis-grid" || it.item.opacity === 0) continue;
    for (const prop of ["stroke", "fill"] as const) {
      const hex = toHex(it.item[prop] as string | undefined);
      if (!hex || hex === "#ffffff") continue;
      // A stroke of a mark with no stroke width is not drawn.
      if (prop === "stroke" && it.item.strokeWidth === 0) continue;
      const ratio = contrast(hex, "#ffffff");
      if (ratio < 3) out.push(`${l.chart.name}: ${it.marktype} ${prop} ${hex} has ${ratio.toFixed(2)}:1 on white`);
    }
  }
  return [...new Set(out)];
}

/**
 * A stack of percentage shares of one whole tops out at 100%: its axis ends
 * at 100% (not 120% because one month's rounded shares add to 100.4%), and
 * no bar is drawn above the 100% line.
 */
export function shareStackProblems(l: Laid): string[] {
  const d = l.chart.data;
  if (!d || d.type !== "stacked" || d.unit !== "percentage" || !isShareStack(d)) return [];
  const out: string[] = [];
  const y = l.view.scale("y") as ((v: number) => number) & { domain(): number[] };
  const top = y.domain()[1]!;
  if (top !== 100) out.push(`${l.chart.name}: a share stack's axis runs to ${top}%, not 100%`);
  const full = y(100);
  for (const it of l.items) {
    if (it.inAxis || it.marktype !== "rect" || !("y" in it.datum)) continue;
    const upper = Math.min(it.item.y as number, (it.item.y2 as number | undefined) ?? Infinity);
    if (upper < full - 0.5) out.push(`${l.chart.name}: a bar at ${String(it.datum.x)} drawn above 100%`);
  }
  return [...new Set(out)];
}

/**
 * Every series is drawn in its own colour, none black or near-black (a black
 * series reads as an axis line, a rule or text, and a thin one near 0 is lost
 * against the axis); contrastProblems checks each has 3:1 on white.
 */
export function seriesColourProblems(l: Laid): string[] {
  const d = l.chart.data;
  if (!d || d.series.length < 2) return [];
  const out: string[] = [];
  let colour: (v: string) => string;
  try {
    colour = l.view.scale("color") as (v: string) => string;
  } catch {
    return [];
  }
  const hexes = d.series.map((s) => toHex(colour(s.label)) ?? "");
  hexes.forEach((hex, i) => {
    if (contrast(hex, "#000000") < 1.5) out.push(`${l.chart.name}: series ${d.series[i]!.label} drawn in near-black ${hex}`);
    if (hexes.indexOf(hex) !== i) out.push(`${l.chart.name}: series ${d.series[i]!.label} drawn in the colour of ${d.series[hexes.indexOf(hex)]!.label} (${hex})`);
  });
  return out;
}

/**
 * Reference lines (targets, benchmarks, process limits) stand clear of the
 * axis frame: none within REFERENCE_MARGIN of the domain's top or bottom
 * (where it would read as the frame), but at a bound the axis never crosses
 * (0 on an axis from zero, 100% at the top of a percentage axis); and no two
 * are drawn at the same height, where one hides the other (coinciding
 * references are one line whose key names both).
 */
export function referenceProblems(l: Laid): string[] {
  const out: string[] = [];
  const [lo, hi] = l.view.scale("y").domain() as [number, number];
  const percentage = (l.chart.spc?.ind.unit ?? l.chart.data?.unit) === "percentage";
  const margin = (hi - lo) * REFERENCE_MARGIN;
  for (const r of drawnValues(l.chart).references) {
    if (r.label === "mean") continue;
    if (r.value >= hi - margin && !(percentage && hi >= 100)) out.push(`${l.chart.name}: ${r.label} ${r.value} on the top of the axis [${lo}, ${hi}]`);
    if (r.value <= lo + margin && !(lo === 0 && r.value <= 0)) out.push(`${l.chart.name}: ${r.label} ${r.value} on the bottom of the axis [${lo}, ${hi}]`);
  }
  const rules = l.items.filter((it) => !it.inAxis && it.marktype === "rule" && it.item.y2 === undefined && typeof it.item.y === "number");
  rules.forEach((a, i) => {
    for (const b of rules.slice(i + 1)) {
      if (Math.abs((a.item.y as number) - (b.item.y as number)) < 1) out.push(`${l.chart.name}: two reference lines at y=${(a.item.y as number).toFixed(1)}: one hides the other`);
    }
  });
  return out;
}
