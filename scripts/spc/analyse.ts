// Statistical process control of one indicator's series: segments split at
// rebase points, XmR limits per segment, the special-cause point labels, and
// the Making Data Count variation and assurance icons.
import type { Month, Polarity, Target } from "../model/types.ts";
import { xmrLimits, type Limits } from "./limits.ts";
import { targetLine } from "../metrics/rag.ts";
import { allFlags, RULE_ORDER, type Flag, type RuleName, type Side } from "./rules.ts";

export type Special = "improvement" | "concern" | "neutral";
export type VariationIcon = "common-cause" | "improvement-high" | "improvement-low" | "concern-high" | "concern-low" | "neutral-high" | "neutral-low";
export type AssuranceIcon = "consistently-pass" | "consistently-fail" | "inconsistent";

export interface SpcSettings {
  /** Screen moving ranges for outliers before the limits (NHSRplotthedots: yes; NHS Excel tools: no). */
  screenOutliers: boolean;
  /** Freeze each segment's limits on its first N points (N >= 12), or null to use all its points. */
  freezeAfter: number | null;
  trendLength: number;
  shiftLength: number;
  /** Fewest points for an SPC analysis at all, and for a segment's limits. */
  minimumPoints: number;
}

export const DEFAULT_SPC: SpcSettings = { screenOutliers: true, freezeAfter: null, trendLength: 7, shiftLength: 7, minimumPoints: 6 };

/** Limits from fewer points than this are trial limits. */
export const TRIAL_BELOW = 13;

export interface SpcPoint {
  month: Month;
  value: number;
  special: Special | null;
  rule: RuleName | null;
  side: Side | null;
}

export interface SpcSegment {
  start: Month;
  end: Month;
  /** Why this segment starts (a rebase point), for the first segment null. */
  reason: string | null;
  limits: Limits | null;
  trial: boolean;
  points: SpcPoint[];
}

export interface SpcAnalysis {
  segments: SpcSegment[];
  /** Fewest points a segment needs for limits (a shorter one is shown without them). */
  minimumPoints: number;
  variation: VariationIcon;
  assurance: AssuranceIcon | null;
}

function classify(side: Side, polarity: Polarity): Special {
  if (polarity === "high") return side === "high" ? "improvement" : "concern";
  if (polarity === "low") return side === "low" ? "improvement" : "concern";
  return "neutral";
}

const SPECIAL_ORDER: Special[] = ["improvement", "concern", "neutral"];

/** One label per point: improvement wins over concern over neutral; then the rules' precedence. */
const NO_FLAGS: Flag[] = [];
const NO_LABEL: Pick<SpcPoint, "special" | "rule" | "side"> = Object.freeze({ special: null, rule: null, side: null });

function labelPoint(flags: Flag[], polarity: Polarity): Pick<SpcPoint, "special" | "rule" | "side"> {
  if (flags.length === 0) return NO_LABEL;
  const ranked = flags
    .map((f) => ({ ...f, special: classify(f.side, polarity) }))
    .sort((a, b) => SPECIAL_ORDER.indexOf(a.special) - SPECIAL_ORDER.indexOf(b.special) || RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule));
  const best = ranked[0]!;
  return { special: best.special, rule: best.rule, side: best.side };
}

export function analyseSegment(points: { month: Month; value: number }[], polarity: Polarity, settings: SpcSettings, reason: string | null): SpcSegment {
  const values = points.map((p) => p.value);
  // Limits from a handful of points (two months after a rebase) say nothing about the process:
  // such a segment is shown without limits, and the chart says why (Making Data Count).
  const limits = values.length >= settings.minimumPoints ? xmrLimits(values, { screenOutliers: settings.screenOutliers, freezeAfter: settings.freezeAfter }) : null;
  const flags = limits ? allFlags(values, limits, settings) : [];
  // Each point's flags, gathered once (filtering the whole list per point grew with the square of a long history).
  const flagsAt = new Map<number, typeof flags>();
  for (const f of flags) flagsAt.set(f.index, [...(flagsAt.get(f.index) ?? []), f]);
  return {
    start: points[0]!.month,
    end: points[points.length - 1]!.month,
    reason,
    limits,
    trial: limits !== null && limits.baseline < TRIAL_BELOW,
    // Built field by field: spreading each point (and its label) was a fifth of a ten-year archive's compute.
    points: points.map((p, i) => {
      const label = labelPoint(flagsAt.get(i) ?? NO_FLAGS, polarity);
      return { month: p.month, value: p.value, special: label.special, rule: label.rule, side: label.side };
    }),
  };
}

export function assuranceIcon(limits: Limits | null, target: Target | null | undefined, polarity: Polarity): AssuranceIcon | null {
  const t = targetLine(target);
  if (!limits || t === null || (polarity !== "high" && polarity !== "low")) return null;
  if (t > limits.upl) return polarity === "high" ? "consistently-fail" : "consistently-pass";
  if (t < limits.lpl) return polarity === "high" ? "consistently-pass" : "consistently-fail";
  return "inconsistent";
}

export function analyse(
  series: { month: Month; value: number | null }[],
  polarity: Polarity,
  target: Target | null | undefined,
  rebase: { month: Month; reason: string }[] = [],
  settings: SpcSettings = DEFAULT_SPC,
): SpcAnalysis | null {
  const points = series.filter((p): p is { month: Month; value: number } => p.value !== null);
  if (points.length < settings.minimumPoints) return null;
  const starts = [...rebase].sort((a, b) => a.month.localeCompare(b.month));
  const segments: SpcSegment[] = [];
  let current: { month: Month; value: number }[] = [];
  let reason: string | null = null;
  let next = 0;
  for (const p of points) {
    while (next < starts.length && p.month >= starts[next]!.month) {
      if (current.length) segments.push(analyseSegment(current, polarity, settings, reason));
      current = [];
      reason = starts[next]!.reason;
      next++;
    }
    current.push(p);
  }
  if (current.length) segments.push(analyseSegment(current, polarity, settings, reason));
  const last = segments[segments.length - 1]!;
  const lastPoint = last.points[last.points.length - 1]!;
  const variation: VariationIcon = lastPoint.special ? (`${lastPoint.special}-${lastPoint.side}` as VariationIcon) : "common-cause";
  return { segments, minimumPoints: settings.minimumPoints, variation, assurance: assuranceIcon(last.limits, target, polarity) };
}
