// An SPC (XmR) chart in the style of NHS England's Making Data Count: the
// series, each segment's mean and process limits (trial limits marked),
// special-cause points coloured improvement / concern / neutral, the target
// and the rebase points with their reasons.
import type { TopLevelSpec } from "vega-lite";
import type { IndicatorResult } from "../model/types.ts";
import { targetLine } from "../metrics/rag.ts";
import type { SpcAnalysis } from "../spc/analyse.ts";
import { formatValue } from "../format/number.ts";
import { longMonth, shortMonth } from "../metrics/months.ts";
import { FONT, HEIGHT, WIDTH, vegaLiteConfig } from "./theme.ts";
import { accessibleSvg, renderSvg } from "./render.ts";
import type { ChartView } from "./chart.ts";
import { chartStats } from "./chart.ts";

export const SPC_COLOURS = { improvement: "#00b0f0", concern: "#e46c0a", neutral: "#490092", common: "#a6a6a6" } as const;
const SPECIAL_WORDS = { improvement: "Special cause: improvement", concern: "Special cause: concern", neutral: "Special cause: neither", common: "Common cause" } as const;

export function spcSpec(ind: IndicatorResult, analysis: SpcAnalysis): TopLevelSpec {
  const categories = analysis.segments.flatMap((s) => s.points.map((p) => shortMonth(p.month)));
  const points = analysis.segments.flatMap((s) =>
    s.points.map((p) => ({ x: shortMonth(p.month), y: p.value, kind: SPECIAL_WORDS[p.special ?? "common"] })),
  );
  const lines: { x: string; y: number; line: string; segment: number }[] = [];
  analysis.segments.forEach((s, i) => {
    if (!s.limits) return;
    const limitLabel = s.trial ? "Trial process limits" : "Process limits";
    for (const p of s.points) {
      const x = shortMonth(p.month);
      lines.push({ x, y: s.limits.mean, line: "Mean", segment: i });
      lines.push({ x, y: s.limits.upl, line: limitLabel, segment: i * 10 + 1 });
      lines.push({ x, y: s.limits.lpl, line: limitLabel, segment: i * 10 + 2 });
    }
  });
  const target = targetLine(ind.target);
  if (target !== null) for (const x of categories) lines.push({ x, y: target, line: "Target", segment: -1 });
  // A rebase label sits right of its line in the left half of the chart, left of it in the right half.
  const rebases = analysis.segments
    .filter((s) => s.reason)
    .map((s) => {
      const right = categories.indexOf(shortMonth(s.start)) > categories.length / 2;
      return { x: shortMonth(s.start), reason: s.reason!, align: right ? "right" : "left", dx: right ? -4 : 4 };
    });
  const lineKinds = ["Mean", "Process limits", "Trial process limits", "Target"].filter((k) => lines.some((l) => l.line === k));
  const pointKinds = (["improvement", "concern", "neutral", "common"] as const).filter((k) => points.some((p) => p.kind === SPECIAL_WORDS[k]));
  const x = { field: "x", type: "ordinal" as const, sort: categories, title: null, axis: { labelAngle: 0 } };
  const y = {
    field: "y",
    type: "quantitative" as const,
    title: { count: "Number", percentage: "Per cent", rate: "Rate per 10,000", average: "Average" }[ind.unit],
    scale: { zero: false, nice: true },
    axis: ind.unit === "percentage" ? { labelExpr: "datum.label + '%'" } : {},
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: WIDTH,
    height: HEIGHT,
    config: { ...vegaLiteConfig, legend: { ...vegaLiteConfig.legend, columns: 2, labelFontSize: 11 } },
    layer: [
      {
        data: { values: lines },
        mark: { type: "line", strokeWidth: 1.5 },
        encoding: {
          x,
          y,
          detail: { field: "segment", type: "nominal" },
          color: {
            field: "line",
            type: "nominal",
            title: null,
            scale: { domain: lineKinds, range: lineKinds.map((k) => ({ Mean: "#0b0c0c", "Process limits": "#505a5f", "Trial process limits": "#8a8f93", Target: "#d4351c" })[k]!) },
            legend: { symbolType: "stroke" },
          },
          strokeDash: {
            field: "line",
            type: "nominal",
            scale: { domain: lineKinds, range: lineKinds.map((k) => ({ Mean: [1, 0], "Process limits": [6, 3], "Trial process limits": [2, 3], Target: [8, 3, 2, 3] })[k]!) },
            legend: null,
          },
        },
      },
      {
        data: { values: points },
        mark: { type: "line", color: "#a6a6a6", strokeWidth: 1.5 },
        encoding: { x, y },
      },
      {
        data: { values: points },
        mark: { type: "point", filled: true, stroke: "#0b0c0c", strokeWidth: 0.6 },
        encoding: {
          x,
          y,
          size: { condition: { test: `datum.kind !== '${SPECIAL_WORDS.common}'`, value: 130 }, value: 45 },
          fill: { field: "kind", type: "nominal", title: null, scale: { domain: pointKinds.map((k) => SPECIAL_WORDS[k]), range: pointKinds.map((k) => SPC_COLOURS[k]) } },
          shape: {
            field: "kind",
            type: "nominal",
            title: null,
            scale: { domain: pointKinds.map((k) => SPECIAL_WORDS[k]), range: pointKinds.map((k) => ({ improvement: "triangle-up", concern: "triangle-down", neutral: "diamond", common: "circle" })[k]) },
          },
        },
      },
      ...(rebases.length
        ? [
            { data: { values: rebases }, mark: { type: "rule" as const, color: "#0b0c0c", strokeWidth: 1, strokeDash: [2, 2] }, encoding: { x: { ...x, bandPosition: 0 } } },
            {
              data: { values: rebases },
              mark: { type: "text" as const, baseline: "top" as const, dy: 2, fontSize: 11, font: FONT, color: "#0b0c0c" },
              encoding: { x: { ...x, bandPosition: 0 }, y: { value: 0 }, text: { field: "reason" }, align: { field: "align", type: "nominal" as const, scale: null }, dx: { field: "dx", type: "quantitative" as const, scale: null } },
            },
          ]
        : []),
    ],
  } as TopLevelSpec;
}

export function describeSpc(ind: IndicatorResult, analysis: SpcAnalysis): string {
  const fmt = (v: number) => formatValue(v, ind.unit, ind.decimals);
  const first = analysis.segments[0]!.points[0]!.month;
  const last = analysis.segments.at(-1)!;
  const parts = [`Statistical process control chart of ${ind.shortTitle}, ${shortMonth(first)} to ${shortMonth(last.end)}.`];
  if (analysis.segments.length > 1) {
    parts.push(
      `The limits restart at ${analysis.segments.slice(1).map((s) => `${longMonth(s.start)} (${s.reason})`).join(" and ")}.`,
    );
  }
  if (last.limits) parts.push(`Latest segment: mean ${fmt(last.limits.mean)}, process limits ${fmt(last.limits.lpl)} to ${fmt(last.limits.upl)}${last.trial ? " (trial limits, fewer than 13 points)" : ""}.`);
  const special = analysis.segments.flatMap((s) => s.points).filter((p) => p.special);
  parts.push(special.length ? `Special cause points: ${special.map((p) => `${shortMonth(p.month)} ${p.special} (${p.rule})`).join("; ")}.` : "No special cause points.");
  return parts.join(" ");
}

export async function renderSpcChart(ind: IndicatorResult, analysis: SpcAnalysis, id: string, title: string): Promise<ChartView> {
  const description = describeSpc(ind, analysis);
  const svg = accessibleSvg(await renderSvg(spcSpec(ind, analysis)), id, title, description);
  chartStats.count++;
  const fmt = (v: number | null | undefined) => (v === null || v === undefined ? "" : formatValue(v, ind.unit, ind.decimals));
  const rows = analysis.segments.flatMap((s) =>
    s.points.map((p) => [shortMonth(p.month), fmt(p.value), fmt(s.limits?.mean), fmt(s.limits?.lpl), fmt(s.limits?.upl), p.special ? `${p.special} (${p.rule})` : "common cause"]),
  );
  return { id, type: "spc", title, description, svg, table: { head: ["Month", ind.shortTitle, "Mean", "Lower limit", "Upper limit", "Variation"], rows } };
}
