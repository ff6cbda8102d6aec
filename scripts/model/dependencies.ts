// Which indicators an indicator is computed from.
import type { Indicator } from "./types.ts";

export function dependencies(indicator: Pick<Indicator, "compute">): string[] {
  const c = indicator.compute;
  if (!c) return [];
  if ("ratio" in c) return [c.ratio.numerator, c.ratio.denominator];
  if ("rate" in c) return [c.rate];
  return [c.rolling12];
}

/** A short description of how the figure is obtained, for pages and the CSV. */
export function describeCompute(indicator: Pick<Indicator, "compute" | "percentageOf">): string {
  const c = indicator.compute;
  if (!c) return indicator.percentageOf ? `entered (percentage of ${indicator.percentageOf})` : "entered";
  if ("ratio" in c) return `${c.ratio.numerator} as a percentage of ${c.ratio.denominator}`;
  if ("rate" in c) return `${c.rate} per 10,000 children aged 0-17`;
  return `sum of ${c.rolling12} over the last 12 months`;
}
