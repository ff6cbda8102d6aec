// An SPC (XmR) chart in the style of NHS England's Making Data Count: the
// series, each segment's mean and process limits (trial limits marked),
// special-cause points told apart by colour and shape (improvement, concern,
// neither), the target and the rebase points with their reasons.
//
// Labels of rebase points sit above the plot, wrapped to the room they have,
// so they never cross a line or a point. A segment with too few points for
// limits is drawn without them, and the chart says so.
import type { TopLevelSpec } from "vega-lite";
import type { IndicatorResult } from "../model/types.ts";
import { targetLine } from "../metrics/rag.ts";
import type { SpcAnalysis, SpcSegment } from "../spc/analyse.ts";
import { TRIAL_BELOW } from "../spc/analyse.ts";
import { formatValue } from "../format/number.ts";
import { formatTargetValue } from "../format/target.ts";
import { longMonth, monthRange, shortMonth } from "../metrics/months.ts";
import type { Month } from "../model/types.ts";
import { keyHtml, lineSwatch, pointSwatch, ruleSwatch, type KeyItem } from "./chartKey.ts";
import { yScale } from "./scale.ts";
import { plotGeometry, xEncoding, yEncoding } from "./specs.ts";
import { CHANGE_STYLE, changeLayers, placeLabels } from "./labels.ts";
import { FONT_SIZE, REFERENCE_COLOURS, SPC_COLOURS, SPC_SHAPES, REFERENCE_DASHES, REFERENCE_STROKE_WIDTH, SIZES, TEXT_COLOUR, vegaLiteConfig, type Variant } from "./theme.ts";
import type { ChartView } from "./chart.ts";
import { renderVariants } from "./chart.ts";

const SPECIAL_WORDS = { improvement: "Special cause: improvement", concern: "Special cause: concern", neutral: "Special cause: neither improvement nor concern", common: "Common cause" } as const;
const POINT_KINDS = ["improvement", "concern", "neutral", "common"] as const;

const LINE_STYLE = {
  Mean: { colour: TEXT_COLOUR, dash: [] as number[], width: 1.5 },
  "Process limits": { colour: "#505a5f", dash: [6, 3], width: 1.5 },
  "Trial process limits": { colour: "#505a5f", dash: [1.5, 3], width: 1.5 },
};
type LineKind = keyof typeof LINE_STYLE;
const REBASE_STYLE = CHANGE_STYLE;
const DATA_LINE = "#6f777b";

/** The sentence a chart shows for a segment drawn without limits. */
export function tooFewText(segment: SpcSegment, minimum: number): string {
  return `Too few points for limits (${segment.points.length}; ${minimum} needed)`;
}

/** Every month from the first point to the last: months without a figure stay on the axis as gaps. */
function spcMonths(analysis: SpcAnalysis): Month[] {
  const first = analysis.segments[0]!.points[0]!.month;
  const last = analysis.segments.at(-1)!.end;
  return monthRange(first, last);
}

/** Everything drawn against the y axis, for its domain. */
function spcValues(analysis: SpcAnalysis, target: number | null): number[] {
  const out: number[] = [];
  for (const s of analysis.segments) {
    out.push(...s.points.map((p) => p.value));
    if (s.limits) out.push(s.limits.mean, s.limits.upl, s.limits.lpl);
  }
  if (target !== null) out.push(target);
  return out;
}

interface SpcRows {
  categories: string[];
  series: { x: string; y: number | null; segment: number }[];
  points: { x: string; y: number; kind: string }[];
  lines: { x: string; y: number; line: LineKind; segment: string }[];
}

/**
 * An analysis's data rows, made once for both variants of its chart: the same
 * arrays in the wide and narrow specs are the same objects, which pairing the
 * variants (variantPair.ts) passes over without comparing them row by row.
 */
const rowsByAnalysis = new WeakMap<SpcAnalysis, SpcRows>();
function spcRows(analysis: SpcAnalysis): SpcRows {
  const made = rowsByAnalysis.get(analysis);
  if (made) return made;
  const months = spcMonths(analysis);
  const categories = months.map(shortMonth);
  const byMonth = new Map(analysis.segments.flatMap((s) => s.points.map((p) => [p.month, p] as const)));
  // The series with a row for every month: a month with no figure breaks the line (a gap), and so does a process change (a segment each).
  const segmentOf = (m: Month) => analysis.segments.filter((seg) => seg.start <= m).length;
  const series = months.map((m) => ({ x: shortMonth(m), y: byMonth.get(m)?.value ?? null, segment: segmentOf(m) }));
  const points = analysis.segments.flatMap((s) => s.points.map((p) => ({ x: shortMonth(p.month), y: p.value, kind: p.special ?? "common" })));
  const lines: { x: string; y: number; line: LineKind; segment: string }[] = [];
  analysis.segments.forEach((s, i) => {
    if (!s.limits) return;
    const limitKind: LineKind = s.trial ? "Trial process limits" : "Process limits";
    // A level line needs only its ends: a vertex every month drew the same line from sixty times the data (ten years).
    for (const m of [...new Set([s.start, s.end])]) {
      const x = shortMonth(m);
      lines.push({ x, y: s.limits.mean, line: "Mean", segment: `${i}-mean` });
      lines.push({ x, y: s.limits.upl, line: limitKind, segment: `${i}-upl` });
      lines.push({ x, y: s.limits.lpl, line: limitKind, segment: `${i}-lpl` });
    }
  });
  const rows = { categories, series, points, lines };
  rowsByAnalysis.set(analysis, rows);
  return rows;
}

export function spcSpec(ind: IndicatorResult, analysis: SpcAnalysis, variant: Variant): TopLevelSpec {
  const { categories, series, points, lines } = spcRows(analysis);
  const target = targetLine(ind.target);
  // The target and the process limits are lines across the plot: none on the axis frame.
  const references = [target, ...analysis.segments.flatMap((s) => (s.limits ? [s.limits.upl, s.limits.lpl] : []))];
  const domain = yScale(spcValues(analysis, target), { zero: false, percentage: ind.unit === "percentage", references }).domain;
  const { plotWidth, leftMargin } = plotGeometry(variant, domain, ind.unit, ind.decimals);
  const x = xEncoding(categories, plotWidth);
  const y = yEncoding(ind.unit, ind.decimals, domain, variant);
  const lineKinds = (Object.keys(LINE_STYLE) as LineKind[]).filter((k) => lines.some((l) => l.line === k));
  const pointKinds = POINT_KINDS.filter((k) => points.some((p) => p.kind === k));

  // Labels above the plot: the reason of each rebase, and a note on each segment too short for limits.
  const texts = analysis.segments
    .map((s) => {
      const parts = [s.reason ? `${s.reason} (${shortMonth(s.start)})` : null, s.limits ? null : tooFewText(s, analysis.minimumPoints)].filter(Boolean);
      return parts.length ? { index: categories.indexOf(shortMonth(s.start)), text: parts.join("\n") } : null;
    })
    .filter((t): t is { index: number; text: string } => t !== null);
  const labels = placeLabels(texts, categories.length, plotWidth, leftMargin);

  const layers: object[] = [
    {
      data: { values: lines },
      mark: { type: "line" },
      encoding: {
        x,
        y,
        detail: { field: "segment", type: "nominal" },
        color: { field: "line", type: "nominal", scale: { domain: lineKinds, range: lineKinds.map((k) => LINE_STYLE[k].colour) }, legend: null },
        strokeDash: { field: "line", type: "nominal", scale: { domain: lineKinds, range: lineKinds.map((k) => LINE_STYLE[k].dash) }, legend: null },
        strokeWidth: { value: 1.5 },
      },
    },
    // The target's rule, or a row with no value that Vega-Lite leaves undrawn: a layer only where there is a target
    // would make the charts of indicators with one and those without two shapes (chartShape.ts), each compiled on its
    // own; an empty row list would be equal to another layer's (the limits' when there are none yet), which Vega-Lite
    // compiles as one dataset. (Not the line charts' layer of reference lines, specs.ts: its dash scale would be shared
    // with the limits' dashes.)
    {
      data: { values: [{ y: target }] },
      mark: { type: "rule", color: REFERENCE_COLOURS.target, strokeDash: [...REFERENCE_DASHES.target], strokeWidth: REFERENCE_STROKE_WIDTH },
      encoding: { y },
    },
    { data: { values: series }, mark: { type: "line", color: DATA_LINE, strokeWidth: 1.5 }, encoding: { x, y, detail: { field: "segment", type: "nominal" } } },
    {
      data: { values: points },
      mark: { type: "point", filled: true, stroke: TEXT_COLOUR, strokeWidth: 0.75, opacity: 1 },
      encoding: {
        x,
        y,
        size: { condition: { test: "datum.kind !== 'common'", value: variant === "wide" ? 120 : 90 }, value: variant === "wide" ? 40 : 32 },
        fill: { field: "kind", type: "nominal", scale: { domain: pointKinds, range: pointKinds.map((k) => SPC_COLOURS[k]) }, legend: null },
        shape: { field: "kind", type: "nominal", scale: { domain: pointKinds, range: pointKinds.map((k) => SPC_SHAPES[k]) }, legend: null },
      },
    },
  ];
  const rebased = new Set(analysis.segments.filter((seg) => seg.reason).map((seg) => shortMonth(seg.start)));
  layers.push(...changeLayers(labels, categories, x, (at) => rebased.has(at), REBASE_STYLE));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: SIZES[variant].width,
    height: SIZES[variant].height,
    config: vegaLiteConfig(variant),
    layer: layers,
  } as TopLevelSpec;
}

export function spcKey(ind: IndicatorResult, analysis: SpcAnalysis): KeyItem[] {
  const items: KeyItem[] = [{ label: ind.shortTitle, swatch: lineSwatch(DATA_LINE, { width: 1.5, shape: "circle" }) }];
  const kinds = new Set(analysis.segments.flatMap((s) => s.points.map((p) => p.special ?? "common")));
  for (const k of POINT_KINDS) if (kinds.has(k)) items.push({ label: SPECIAL_WORDS[k], swatch: pointSwatch(SPC_COLOURS[k], SPC_SHAPES[k], { stroke: TEXT_COLOUR, size: k === "common" ? 3.5 : 5.5 }) });
  const withLimits = analysis.segments.filter((s) => s.limits);
  if (withLimits.length) items.push({ label: "Mean", swatch: lineSwatch(LINE_STYLE.Mean.colour, { width: 1.5 }) });
  if (withLimits.some((s) => !s.trial)) items.push({ label: "Process limits", swatch: lineSwatch(LINE_STYLE["Process limits"].colour, { dash: LINE_STYLE["Process limits"].dash, width: 1.5 }) });
  if (withLimits.some((s) => s.trial)) {
    items.push({ label: `Trial process limits (from fewer than ${TRIAL_BELOW} points)`, swatch: lineSwatch(LINE_STYLE["Trial process limits"].colour, { dash: LINE_STYLE["Trial process limits"].dash, width: 1.5 }) });
  }
  const target = targetLine(ind.target);
  if (target !== null) items.push({ label: `Target: ${formatTargetValue(target, ind.unit, ind.decimals)}`, swatch: lineSwatch(REFERENCE_COLOURS.target, { dash: REFERENCE_DASHES.target, width: REFERENCE_STROKE_WIDTH }) });
  if (analysis.segments.some((s) => s.reason)) items.push({ label: "Process change: the limits restart", swatch: ruleSwatch(REBASE_STYLE.colour, REBASE_STYLE.dash) });
  return items;
}

/** What a reader must know that the lines do not show: segments drawn without limits. */
export function spcNotes(analysis: SpcAnalysis): string[] {
  return analysis.segments
    .filter((s) => !s.limits)
    .map(
      (s) =>
        `${shortMonth(s.start)} to ${shortMonth(s.end)}${s.reason ? ` (since ${s.reason.charAt(0).toLowerCase()}${s.reason.slice(1)})` : ""}: ${s.points.length} point${s.points.length === 1 ? "" : "s"}, too few for process limits (at least ${analysis.minimumPoints} are needed), so none are drawn and no special causes are judged.`,
    );
}

export function describeSpc(ind: IndicatorResult, analysis: SpcAnalysis): string {
  const fmt = (v: number) => formatValue(v, ind.unit, ind.decimals);
  const first = analysis.segments[0]!.points[0]!.month;
  const last = analysis.segments.at(-1)!;
  const parts = [`Statistical process control chart of ${ind.shortTitle}, ${shortMonth(first)} to ${shortMonth(last.end)}.`];
  if (analysis.segments.length > 1) {
    parts.push(`The limits restart at ${analysis.segments.slice(1).map((s) => `${longMonth(s.start)} (${s.reason})`).join(" and ")}.`);
  }
  const missing = spcMonths(analysis).filter((m) => !analysis.segments.some((s) => s.points.some((p) => p.month === m)));
  if (missing.length) parts.push(`No figure for ${missing.map(shortMonth).join(", ")}.`);
  if (last.limits) parts.push(`Latest segment: mean ${fmt(last.limits.mean)}, process limits ${fmt(last.limits.lpl)} to ${fmt(last.limits.upl)}${last.trial ? " (trial limits, fewer than 13 points)" : ""}.`);
  else parts.push(`Latest segment: ${last.points.length} point${last.points.length === 1 ? "" : "s"}, too few for process limits (at least ${analysis.minimumPoints}).`);
  const special = analysis.segments.flatMap((s) => s.points).filter((p) => p.special);
  parts.push(special.length ? `Special cause points: ${special.map((p) => `${shortMonth(p.month)} ${p.special} (${p.rule})`).join("; ")}.` : "No special cause points.");
  return parts.join(" ");
}

export async function renderSpcChart(ind: IndicatorResult, analysis: SpcAnalysis, id: string, title: string, phone = true): Promise<ChartView> {
  const description = describeSpc(ind, analysis);
  const svgs = await renderVariants((v) => spcSpec(ind, analysis, v), id, title, description, phone);
  const fmt = (v: number | null | undefined) => (v === null || v === undefined ? "" : formatValue(v, ind.unit, ind.decimals));
  const rows = analysis.segments.flatMap((s) =>
    s.points.map((p) => [
      shortMonth(p.month),
      fmt(p.value),
      fmt(s.limits?.mean),
      fmt(s.limits?.lpl),
      fmt(s.limits?.upl),
      !s.limits ? "no limits (too few points)" : p.special ? `${p.special} (${p.rule})` : "common cause",
    ]),
  );
  const key = spcKey(ind, analysis);
  return { id, type: "spc", title, description, ...svgs, key, keyHtml: keyHtml(key), notes: spcNotes(analysis), table: { head: ["Month", ind.shortTitle, "Mean", "Lower limit", "Upper limit", "Variation"], rows } };
}
