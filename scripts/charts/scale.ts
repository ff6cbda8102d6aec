// The y scale of a chart, set explicitly: its domain holds every value and
// every reference line drawn (target, benchmark, process limit), rounded out
// to tick values, so no line is ever drawn above the top tick.
import * as vega from "vega";

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
export function yScale(values: (number | null | undefined)[], { zero, percentage, ticks = 5 }: { zero: boolean; percentage: boolean; ticks?: number }): YScale {
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
  const scale = (vega.scale("linear") as () => LinearScale)();
  let [nLo, nHi] = scale.domain([lo, hi]).nice(ticks).domain() as [number, number];
  // A percentage series never needs an axis below 0% or above 100% unless its values go there.
  if (percentage) {
    if (lo >= 0) nLo = Math.max(0, nLo);
    if (hi <= 100) nHi = Math.min(100, nHi);
  }
  return { domain: [nLo, nHi] };
}
