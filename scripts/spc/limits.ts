// XmR (individuals) chart limits, as NHS England's Making Data Count and the
// NHSRplotthedots package compute them.

/** 3 / d2 for n = 2 (1.128): the moving range's scale to sigma. */
export const LIMIT_FACTOR = 2.66;
/** The upper range limit of the moving ranges (D4 for n = 2): screened out as outliers. */
export const SCREEN_FACTOR = 3.267;

export interface Limits {
  mean: number;
  /** Mean moving range, after screening where that is on. */
  mrBar: number;
  upl: number;
  lpl: number;
  /** The "near-limit" lines at two sigma, for the two-in-three rule. */
  upperNear: number;
  lowerNear: number;
  /** Points the limits were computed from. */
  baseline: number;
  /** True where moving ranges were screened for outliers. */
  screened: boolean;
}

export interface LimitOptions {
  /** Drop moving ranges at or above 3.267 x their mean, then recompute (NHSRplotthedots: on; NHS Excel tools: off). */
  screenOutliers: boolean;
  /** Freeze the limits on the first N points of the segment (N >= 12), or null for all its points. */
  freezeAfter: number | null;
}

export function movingRanges(values: number[]): number[] {
  return values.slice(1).map((v, i) => Math.abs(v - values[i]!));
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Limits from a segment's values; null with fewer than two points (no moving range). */
export function xmrLimits(values: number[], options: LimitOptions): Limits | null {
  const baseline = options.freezeAfter !== null && values.length > options.freezeAfter ? values.slice(0, options.freezeAfter) : values;
  if (baseline.length < 2) return null;
  const centre = mean(baseline);
  const ranges = movingRanges(baseline);
  let mrBar = mean(ranges);
  if (options.screenOutliers && mrBar > 0) {
    const kept = ranges.filter((r) => r < SCREEN_FACTOR * mrBar);
    if (kept.length > 0) mrBar = mean(kept);
  }
  const sigma3 = LIMIT_FACTOR * mrBar;
  return {
    mean: centre,
    mrBar,
    upl: centre + sigma3,
    lpl: centre - sigma3,
    upperNear: centre + (2 / 3) * sigma3,
    lowerNear: centre - (2 / 3) * sigma3,
    baseline: baseline.length,
    screened: options.screenOutliers,
  };
}
