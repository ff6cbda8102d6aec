// Vega-Lite specifications for the chart types the packs use: line (12
// months, with target and benchmark lines), bar, annual trend bars, termly
// bars, grouped bars (started vs completed...) and stacked outcome shares.
//
// Every chart is drawn without a Vega legend (its key is HTML, see
// chartKey.ts), with a y domain set from every value and line drawn, and
// with months that have no figure left as gaps.
import type { TopLevelSpec } from "vega-lite";
import { formatValue, roundHalfAway } from "../format/number.ts";
import { formatTargetValue } from "../format/target.ts";
import type { ChartData } from "./chartData.ts";
import { barSwatch, lineSwatch, ruleSwatch, textSwatch, type KeyItem } from "./chartKey.ts";
import { CHANGE_STYLE, changeLayers, placeLabels } from "./labels.ts";
import { yScale } from "./scale.ts";
import { textWidth } from "./textMetrics.ts";
import {
  AXIS_COLOUR,
  FONT_SIZE,
  REFERENCE_COLOURS,
  REFERENCE_DASHES,
  REFERENCE_STROKE_WIDTH,
  SERIES_COLOURS,
  SERIES_SHAPES,
  SIZES,
  STROKE_WIDTH,
  vegaLiteConfig,
  type Variant,
} from "./theme.ts";

export const UNIT_TITLE = { count: "Number", percentage: "Per cent", rate: "Rate per 10,000", average: "Average" } as const;
/** Marks a category with no figure on a bar chart, where an empty slot would read as zero. */
export const NO_FIGURE = "n/a";

const seriesColour = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length]!;
const seriesShape = (i: number) => SERIES_SHAPES[i % SERIES_SHAPES.length]!;

export function yEncoding(unit: ChartData["unit"], decimals: number, domain: [number, number], variant: Variant, { clamp = false }: { clamp?: boolean } = {}) {
  const percentage = unit === "percentage";
  return {
    field: "y",
    type: "quantitative" as const,
    title: UNIT_TITLE[unit],
    // clamp: a share stack's total a rounding over 100% is drawn to the 100% line, not past it.
    scale: { domain, nice: false, zero: false, ...(clamp ? { clamp: true } : {}) },
    axis: {
      tickCount: variant === "wide" ? 5 : 4,
      // A percentage's % is the locale's currency (theme.ts): a format, not a label expression, so that a chart of
      // percentages has the shape of one of counts (chartShape.ts lifts formats) and shares its compiled template.
      format: percentage ? "$,~f" : decimals > 0 ? ",.1~f" : ",~f",
    },
  };
}

/** The longest line of a category's label (long names break at their last space). */
function labelLines(category: string): string[] {
  const at = category.lastIndexOf(" ");
  return at < 0 ? [category] : [category.slice(0, at), category.slice(at + 1)];
}

/**
 * The y axis's labels as Vega writes them, to estimate their width: made once, as
 * `toLocaleString` with options makes a formatter on every call (on the ten-year
 * archive, about 0.7 s of the build's thread).
 */
const TICK_FORMATS = [new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 }), new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 })] as const;

/**
 * Where the plot will sit in the SVG, estimated as Vega lays it out (autosize
 * "fit"): the y axis's labels and title take the left margin.
 */
export function plotGeometry(variant: Variant, domain: [number, number], unit: ChartData["unit"], decimals: number): { plotWidth: number; leftMargin: number } {
  const tick = (v: number) => (unit === "percentage" ? `${Math.round(v)}%` : TICK_FORMATS[decimals > 0 ? 1 : 0].format(v));
  const leftMargin = Math.max(...domain.map((v) => textWidth(tick(v), FONT_SIZE)), textWidth(tick((domain[0] + domain[1]) / 2), FONT_SIZE)) + FONT_SIZE + 16;
  return { plotWidth: SIZES[variant].width - leftMargin - (variant === "wide" ? 10 : 6), leftMargin };
}

/**
 * x: the categories in order, every one on the axis even where no series has
 * a figure. Where the labels do not all fit, every n-th is shown, counting
 * back from the latest, so the latest period is always labelled.
 */
export function xEncoding(categories: string[], plotWidth: number) {
  const band = plotWidth / Math.max(1, categories.length);
  const widest = Math.max(0, ...categories.flatMap(labelLines).map((l) => textWidth(l, FONT_SIZE)));
  const step = Math.max(1, Math.ceil((widest + 4) / band));
  const values = categories.filter((_, i) => (categories.length - 1 - i) % step === 0);
  const multiWord = categories.some((c) => c.includes(" "));
  return {
    field: "x",
    type: "ordinal" as const,
    title: null,
    scale: { domain: categories },
    axis: {
      labelAngle: 0,
      labelOverlap: false,
      ...(step > 1 ? { values } : {}),
      // Long category names (terms, "Autumn term 2019/20") break onto two lines at their last space.
      ...(multiWord ? { labelExpr: "indexof(datum.label, ' ') < 0 ? datum.label : [slice(datum.label, 0, lastindexof(datum.label, ' ')), slice(datum.label, lastindexof(datum.label, ' ') + 1)]" } : {}),
    },
  };
}

/**
 * The reference lines, horizontal across the plot: one layer whose rows are
 * the lines, each styled by its kind through a scale. As a layer each, a
 * chart's shape (chartShape.ts) would differ with which lines it has and
 * each combination would be compiled on its own; as rows, every chart has the
 * one shape, with lines or none. With none, the layer has one row with no
 * value, which Vega-Lite leaves undrawn: an empty list is not lifted out of a
 * shape, and two empty layers' lists would be equal, which Vega-Lite compiles
 * as one dataset (so would chartShape.ts's placeholders). `y` is the chart's
 * y encoding.
 */
function referencesLayer(references: { value: number; kind: ChartData["references"][number]["kind"] }[], y: object) {
  const rows: { y: number | null; reference: ChartData["references"][number]["kind"] }[] = references.length
    ? references.map((r) => ({ y: r.value, reference: r.kind }))
    : [{ y: null, reference: "target" }];
  const kinds = [...new Set(rows.map((r) => r.reference))];
  return {
    data: { values: rows },
    mark: { type: "rule" as const, strokeWidth: REFERENCE_STROKE_WIDTH },
    encoding: {
      y,
      stroke: { field: "reference", type: "nominal" as const, scale: { domain: kinds, range: kinds.map((k) => REFERENCE_COLOURS[k]) }, legend: null },
      strokeDash: { field: "reference", type: "nominal" as const, scale: { domain: kinds, range: kinds.map((k) => [...REFERENCE_DASHES[k]]) }, legend: null },
    },
  };
}

/**
 * How far over 100% the shares of one whole may add up and still be read as
 * shares (each rounded in the source, or counted a day apart: 282 outcomes of
 * 281 assessments is 100.4%). Totals further over are not shares of one
 * whole, and the axis shows them as they are.
 */
export const SHARE_ROUNDING = 2;

/** Each category's total of a stacked chart. */
export function stackTotals(data: ChartData): number[] {
  return data.categories.map((_, i) => data.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
}

/**
 * A stack of percentage shares of one whole (outcomes of assessments): its
 * axis tops out at 100%, and a total a rounding over is clamped to it.
 */
export function isShareStack(data: ChartData): boolean {
  return data.type === "stacked" && data.unit === "percentage" && stackTotals(data).every((t) => t <= 100 + SHARE_ROUNDING);
}

/** The y domain of a chart: every value (stacked: every total) and every reference line. */
export function chartDomain(data: ChartData): [number, number] {
  const bars = data.type !== "line";
  const values = data.type === "stacked" ? stackTotals(data) : data.series.flatMap((s) => s.values);
  // Shares of one whole: no total is drawn past 100% (see isShareStack), so the axis ends there.
  const drawn = isShareStack(data) ? values.map((v) => (v === null ? null : Math.min(v, 100))) : values;
  const references = data.references.map((r) => r.value);
  return yScale([...drawn, ...references], { zero: bars || data.unit === "count", percentage: data.unit === "percentage", references }).domain;
}

interface ChartRows {
  /** A row per series and category, with or without a figure. */
  rows: { x: string; y: number | null; label: string; series: number; segment: string }[];
  /** The rows with a figure. */
  valid: ChartRows["rows"];
  /** The categories where no series has a figure (bar charts say so). */
  missing: { x: string; text: string }[];
}

/**
 * A chart's data rows, made once for both its variants: the same arrays in
 * the wide and narrow specs are the same objects, which pairing the variants
 * (variantPair.ts) passes over without comparing them row by row.
 */
const rowsByChart = new WeakMap<ChartData, ChartRows>();
function chartRows(data: ChartData): ChartRows {
  let made = rowsByChart.get(data);
  if (made) return made;
  // A line's segment: it starts anew after each process change of its series (the line is not joined across one).
  const segment = (s: ChartData["series"][number], i: number, k: number) => `${i}-${(s.breaks ?? []).filter((b) => b <= k).length}`;
  const rows = data.series.flatMap((s, i) => data.categories.map((x, k) => ({ x, y: s.values[k] ?? null, label: s.label, series: i, segment: segment(s, i, k) })));
  // A category with no figure at all says so, rather than looking like a zero.
  // A withheld figure (public edition) shows its symbol instead.
  const empty = (k: number) => data.series.every((s) => (s.values[k] ?? null) === null);
  const symbolAt = (k: number) => data.series.map((s) => s.withheld?.[k]).find((w) => w) ?? null;
  const missing = data.categories.flatMap((x, k) => (empty(k) ? [{ x, text: symbolAt(k) ?? NO_FIGURE }] : []));
  made = { rows, valid: rows.filter((r) => r.y !== null), missing };
  rowsByChart.set(data, made);
  return made;
}

export function vegaLiteSpec(data: ChartData, variant: Variant): TopLevelSpec {
  if (data.type === "spc") throw new Error("SPC charts are drawn by spcChart.ts");
  const domain = chartDomain(data);
  const labels = data.series.map((s) => s.label);
  const { rows, valid, missing } = chartRows(data);
  const geometry = plotGeometry(variant, domain, data.unit, data.decimals);
  const x = xEncoding(data.categories, geometry.plotWidth);
  const y = yEncoding(data.unit, data.decimals, domain, variant, { clamp: isShareStack(data) });
  const colour = { field: "label", type: "nominal" as const, scale: { domain: labels, range: labels.map((_, i) => seriesColour(i)) }, legend: null };
  const drawn = drawnReferences(data, domain);
  const references = [referencesLayer(drawn, y)];

  const layers: object[] = [];
  if (data.type === "line") {
    // Rows without a figure stay in the line's data: Vega-Lite breaks the path there (a gap).
    layers.push({ data: { values: rows }, mark: { type: "line", strokeWidth: STROKE_WIDTH }, encoding: { x, y, color: colour, detail: { field: "segment", type: "nominal" } } });
    // The line's rows, filtered: with rows of their own, points would share the line's data only when no month
    // lacks a figure, and a chart's shape (chartShape.ts) would differ with that alone (each new shape is compiled).
    layers.push({
      data: { values: rows },
      transform: [{ filter: "datum.y !== null" }],
      mark: { type: "point", filled: true, size: variant === "wide" ? 45 : 35, opacity: 1 },
      encoding: { x, y, color: colour, shape: { field: "label", type: "nominal", scale: { domain: labels, range: labels.map((_, i) => seriesShape(i)) }, legend: null } },
    });
    layers.push(...references);
    // Each process change: a dashed rule at its month, its reason above the plot.
    if (data.changes?.length) layers.push(...changeLayers(placeLabels(data.changes, data.categories.length, geometry.plotWidth, geometry.leftMargin), data.categories, x, () => true, CHANGE_STYLE));
  } else {
    // Side by side: the series' order is the scale's domain. Left to itself, Vega-Lite would sort the bars by that
    // list too, in an expression that spells out each series' name, and a chart whose code holds its names makes no
    // template (runtimeTemplates.ts). A sort that is not a list keeps it out; the domain still sets the order.
    const sideBySide = data.type !== "stacked" && data.series.length > 1;
    const side = sideBySide ? { xOffset: { field: "label", type: "nominal", sort: "ascending", scale: { domain: labels } } } : {};
    layers.push({
      data: { values: valid },
      mark: { type: "bar" },
      // Stacked: the first series at the bottom, as in the source packs' spreadsheets; a white edge parts the segments.
      ...(data.type === "stacked" ? { mark: { type: "bar", stroke: "#ffffff", strokeWidth: 1 } } : {}),
      encoding: {
        x,
        y: data.type === "stacked" ? { ...y, stack: "zero" } : y,
        color: colour,
        ...side,
        ...(data.type === "stacked" ? { order: { field: "series", type: "quantitative", sort: "ascending" } } : {}),
      },
    });
    layers.push(...references);
    // Every bar chart has the layer, its rows or none: with it only where a category has no figure, a chart's
    // shape (chartShape.ts) would differ with that alone.
    layers.push({
      data: { values: missing },
      mark: { type: "text", baseline: "bottom", dy: -3, color: AXIS_COLOUR },
      encoding: { x, y: { datum: domain[0], type: "quantitative" }, text: { field: "text", type: "nominal" } },
    });
  }
  const { width, height } = SIZES[variant];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width,
    height,
    config: vegaLiteConfig(variant),
    layer: layers,
  } as TopLevelSpec;
}

/** The entries of a chart's key: each series, then each reference line with its value. */
export function chartKey(data: ChartData): KeyItem[] {
  const bars = data.type !== "line";
  const items: KeyItem[] = [];
  if (data.series.length > 1 || data.references.length) {
    data.series.forEach((s, i) =>
      items.push({ label: s.label, swatch: bars ? barSwatch(seriesColour(i)) : lineSwatch(seriesColour(i), { shape: seriesShape(i) }) }),
    );
  }
  for (const r of drawnReferences(data, chartDomain(data))) {
    items.push({ label: r.key, swatch: lineSwatch(REFERENCE_COLOURS[r.kind], { dash: REFERENCE_DASHES[r.kind], width: REFERENCE_STROKE_WIDTH }) });
  }
  if (!bars && data.changes?.length) items.push({ label: "Process change: the line starts again", swatch: ruleSwatch(CHANGE_STYLE.colour, CHANGE_STYLE.dash) });
  const empty = data.categories.map((_, k) => data.series.every((s) => (s.values[k] ?? null) === null));
  const symbol = data.series.flatMap((s) => s.withheld ?? []).find((w) => w);
  if (bars && empty.some((e, k) => e && !data.series.some((s) => s.withheld?.[k]))) {
    items.push({ label: "no figure for the period", swatch: textSwatch(NO_FIGURE, AXIS_COLOUR) });
  }
  if (symbol) items.push({ label: bars ? "withheld to protect privacy" : "withheld to protect privacy (a gap in the line; see the table)", swatch: textSwatch(symbol, AXIS_COLOUR) });
  return items;
}

/** The nearest two reference lines may be on the smaller chart's plot (SIZES.narrow, less its axes) and still be told apart, in px. */
const APART_PX = 3;
const NARROW_PLOT_HEIGHT = SIZES.narrow.height - 40;

/**
 * The reference lines as drawn: lines too close to tell apart (under
 * APART_PX on the smaller chart) are one line, the first's style, whose key
 * entry names each with its value; drawn twice, one would hide the other.
 * (Lines at the same figure are already one, see chartData.ts.)
 */
export function drawnReferences(data: ChartData, domain: [number, number]): { value: number; kind: ChartData["references"][number]["kind"]; key: string }[] {
  const near = ((domain[1] - domain[0]) * APART_PX) / NARROW_PLOT_HEIGHT;
  const out: { value: number; kind: ChartData["references"][number]["kind"]; parts: { label: string; value: string; at: number }[] }[] = [];
  for (const r of data.references) {
    const part = { label: r.label, value: referenceValue(r, data.unit, data.decimals), at: roundHalfAway(r.value, data.decimals) };
    const same = out.find((o) => Math.abs(o.value - r.value) < near);
    if (same) same.parts.push(part);
    else out.push({ value: r.value, kind: r.kind, parts: [part] });
  }
  return out.map(({ parts, ...r }) => {
    // At one figure: "A and B: 10.0%"; apart by less than the eye can tell: each with its figure.
    const oneFigure = parts.every((p) => p.at === parts[0]!.at);
    const key = oneFigure ? `${parts.map((p) => p.label).join(" and ")}: ${parts[0]!.value}` : `${parts.map((p) => `${p.label}: ${p.value}`).join(" and ")} (one line: too close to draw apart)`;
    return { ...r, key };
  });
}

/** A reference line's value in words: a target as the summary's target text says it ("2.6%"), a benchmark at the indicator's decimals. */
export function referenceValue(r: ChartData["references"][number], unit: ChartData["unit"], decimals: number): string {
  return r.kind === "target" ? formatTargetValue(r.value, unit, decimals) : formatValue(r.value, unit, decimals);
}
