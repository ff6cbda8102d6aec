// SPC for an indicator of the model: the authority's settings with the
// indicator's overrides, and the latest segment in the model's terms.
import type { Authority, Indicator, IndicatorResult, SpcResult } from "../model/types.ts";
import { analyse, DEFAULT_SPC, type SpcAnalysis, type SpcSettings } from "./analyse.ts";

export function spcSettings(authority: Pick<Authority, "spc">, indicator: Pick<Indicator, "spc">): SpcSettings | null {
  if (indicator.spc === false) return null;
  const merged = { ...authority.spc, ...(indicator.spc ?? {}) };
  return {
    screenOutliers: merged.screenOutliers ?? DEFAULT_SPC.screenOutliers,
    freezeAfter: merged.freezeAfter === undefined || merged.freezeAfter === false ? null : merged.freezeAfter,
    trendLength: merged.trendLength ?? DEFAULT_SPC.trendLength,
    shiftLength: merged.shiftLength ?? DEFAULT_SPC.shiftLength,
    minimumPoints: merged.minimumPoints ?? DEFAULT_SPC.minimumPoints,
  };
}

export function analyseIndicator(result: Pick<IndicatorResult, "series" | "polarity" | "target" | "frequency">, indicator: Indicator, authority: Pick<Authority, "spc">): SpcAnalysis | null {
  const settings = spcSettings(authority, indicator);
  if (!settings || result.frequency !== "monthly") return null;
  return analyse(result.series, result.polarity, result.target, indicator.rebase ?? [], settings);
}

export function spcResult(analysis: SpcAnalysis | null): SpcResult | null {
  if (!analysis) return null;
  const last = analysis.segments[analysis.segments.length - 1]!;
  if (!last.limits) return null;
  const baselineMonths = last.points.slice(0, last.limits.baseline).map((p) => p.month);
  return {
    mean: last.limits.mean,
    upl: last.limits.upl,
    lpl: last.limits.lpl,
    screened: last.limits.screened,
    baseline: baselineMonths,
    trial: last.trial,
    rebase: last.reason ? { month: last.start, reason: last.reason } : null,
    points: last.points.map((p) => ({ month: p.month, value: p.value, special: p.special, rule: p.rule })),
    variation: analysis.variation,
    assurance: analysis.assurance,
    earlierSegments: analysis.segments.slice(0, -1).map((s) => ({ start: s.start, end: s.end, mean: s.limits?.mean ?? null, upl: s.limits?.upl ?? null, lpl: s.limits?.lpl ?? null })),
  };
}
