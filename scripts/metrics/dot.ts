// Direction of travel, in the two conventions councils use.
import type { Dot, DotConvention, Judgement, Polarity } from "../model/types.ts";
import { relativeChange } from "./change.ts";

export interface DotResult {
  dot: Dot | null;
  judgement: Judgement | null;
}

const NONE: DotResult = { dot: null, judgement: null };
// Figures computed from unrounded parts can differ in the last binary digit.
const EPSILON = 1e-9;

/**
 * Polarity convention (Rotherham): compare with last month. For high- or
 * low-is-good indicators the arrow shows performance (improved/declined);
 * for info and range it shows the numbers (increased/decreased).
 */
export function dotByPolarity(current: number | null, previous: number | null, polarity: Polarity): DotResult {
  if (current === null || previous === null) return NONE;
  const diff = current - previous;
  if (Math.abs(diff) <= EPSILON * Math.max(1, Math.abs(previous))) return { dot: "unchanged", judgement: "similar" };
  if (polarity === "high" || polarity === "low") {
    const better = polarity === "high" ? diff > 0 : diff < 0;
    return better ? { dot: "improved", judgement: "positive" } : { dot: "declined", judgement: "negative" };
  }
  return { dot: diff > 0 ? "increased" : "decreased", judgement: null };
}

/**
 * Threshold convention (Southampton): up when the figure rose by the
 * threshold (10%) or more, down when it fell by it, similar otherwise. The
 * judgement (positive/similar/negative) carries the polarity separately.
 */
export function dotByThreshold(current: number | null, previous: number | null, polarity: Polarity, threshold: number): DotResult {
  const change = relativeChange(current, previous);
  if (change === null) return NONE;
  const dot: Dot = change >= threshold - EPSILON ? "up" : change <= -threshold + EPSILON ? "down" : "similar";
  if (dot === "similar") return { dot, judgement: polarity === "high" || polarity === "low" ? "similar" : null };
  if (polarity !== "high" && polarity !== "low") return { dot, judgement: null };
  const good = (dot === "up") === (polarity === "high");
  return { dot, judgement: good ? "positive" : "negative" };
}

export function directionOfTravel(current: number | null, previous: number | null, polarity: Polarity, convention: DotConvention): DotResult {
  return convention.convention === "polarity"
    ? dotByPolarity(current, previous, polarity)
    : dotByThreshold(current, previous, polarity, convention.threshold);
}
