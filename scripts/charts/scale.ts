// The y scale of a chart, set explicitly: its domain holds every value and
// every reference line drawn (target, benchmark, process limit), rounded out
// to tick values, so no line is ever drawn above the top tick.
// vega-scale, not vega: the build's main thread makes specs and need not load all of Vega (about 0.3 s).
import { scale as vegaScale } from "vega-scale";

export interface YScale {
  domain: [number, number];
}

interface LinearScale {
  domain(d: number[]): LinearScale;
  domain(): number[];
  nice(count: number): LinearScale;
}

/**
 * @param values every number drawn against the y axis (nulls are gaps and ignored)
 * @param zero whether the axis starts at zero (counts and bars)
 * @param percentage whether the figures are percentages (the domain then stays within 0-100 where the data do)
 */
/**
 * How near an edge of the domain (as a share of its range) a reference line
 * may be before the domain is padded past it: nearer, it would be drawn on
 * the axis frame, where it reads as the frame and no tick stands clear of it.
 */
export const REFERENCE_MARGIN = 0.03;

/**
 * @param references the reference lines among `values` (target, benchmarks,
 *   process limits): the domain is padded so none sits on its top or bottom
 *   edge, except at a bound the axis never crosses (0 on an axis from zero or
 *   of percentages, and the top of a percentage axis that reaches 100%).
 */
export function yScale(
  values: (number | null | undefined)[],
  { zero, percentage, ticks = 5, references = [] }: { zero: boolean; percentage: boolean; ticks?: number; references?: (number | null | undefined)[] },
): YScale {
  const padded = [...values];
  let { domain } = niceScale(padded, { zero, percentage, ticks });
  const lines = references.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  // At most a few rounds: each pad takes the domain out to its next nice value (and may bring a line near the other edge).
  for (let round = 0; round < 4; round++) {
    const [lo, hi] = domain;
    const margin = (hi - lo) * REFERENCE_MARGIN;
    // 100% is as far as a percentage axis goes (a line near it stays near it).
    const atTop = !(percentage && hi >= 100) && lines.some((r) => r >= hi - margin);
    const atBottom = lines.some((r) => r <= lo + margin && !((zero || percentage) && r <= 0));
    if (!atTop && !atBottom) break;
    const pad = (hi - lo) * 0.05;
    padded.push(...(atTop ? [hi + pad] : []), ...(atBottom ? [lo - pad] : []));
    domain = niceScale(padded, { zero, percentage, ticks }).domain;
  }
  return { domain };
}

function niceScale(values: (number | null | undefined)[], { zero, percentage, ticks }: { zero: boolean; percentage: boolean; ticks: number }): YScale {
  const finite = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  let lo = finite.length ? Math.min(...finite) : 0;
  let hi = finite.length ? Math.max(...finite) : 1;
  if (zero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (lo === hi) {
    // One value: give it room either side (a flat line at 0 sits on the axis).
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo = zero && lo >= 0 ? 0 : lo - pad;
    hi = hi + pad;
  }
  // Vega's own linear scale: its nice() is the one the charts are drawn with.
  const scale = vegaScale("linear")() as LinearScale;
  let [nLo, nHi] = scale.domain([lo, hi]).nice(ticks).domain() as [number, number];
  // A percentage series never needs an axis below 0% or above 100% unless its values go there.
  if (percentage) {
    if (lo >= 0) nLo = Math.max(0, nLo);
    if (hi <= 100) nHi = Math.min(100, nHi);
  }
  return { domain: [nLo, nHi] };
}
