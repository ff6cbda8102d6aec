// Year to date: from the first month of the reporting year to the report month.
import type { Figure, Indicator, Month } from "../model/types.ts";

export interface YtdResult {
  value: number;
  numerator?: number;
  denominator?: number;
  /** True where a numerator was rebuilt from a percentage and its weight (not a count to show). */
  estimated?: boolean;
}

/**
 * Numerator and denominator of a percentage figure: as entered or computed,
 * or rebuilt from the count it is a percentage of (`percentageOf`), so a
 * year-to-date percentage weights each month by its size.
 */
export function percentageParts(figure: Figure, weight: number | null): { numerator: number; denominator: number; estimated: boolean } | null {
  if (figure.numerator !== undefined && figure.denominator !== undefined) {
    return { numerator: figure.numerator, denominator: figure.denominator, estimated: false };
  }
  if (weight === null) return null;
  return { numerator: (figure.value / 100) * weight, denominator: weight, estimated: true };
}

/**
 * YTD by unit and kind:
 * - snapshots, rates and averages have none (their year figure is the year-end position);
 * - flow counts are summed;
 * - flow percentages are the sum of numerators over the sum of denominators
 *   (not the mean of monthly percentages).
 * `window` is the months from the year start to the report month; null unless
 * every one of them has a data file (`covered`), so a year that starts before
 * the data does is not passed off as a year to date.
 */
export function yearToDate(
  indicator: Pick<Indicator, "unit" | "kind">,
  window: Month[],
  covered: (m: Month) => boolean,
  figureOf: (m: Month) => Figure | null,
  weightOf: (m: Month) => number | null = () => null,
): YtdResult | null {
  if (indicator.kind !== "flow") return null;
  if (indicator.unit !== "count" && indicator.unit !== "percentage") return null;
  if (!window.every(covered)) return null;
  const figures = window.map((m) => [m, figureOf(m)] as const).filter((x): x is readonly [Month, Figure] => x[1] !== null);
  if (figures.length === 0) return null;

  if (indicator.unit === "count") {
    return { value: figures.reduce((sum, [, f]) => sum + f.value, 0) };
  }
  let numerator = 0;
  let denominator = 0;
  let estimated = false;
  for (const [m, f] of figures) {
    const parts = percentageParts(f, weightOf(m));
    if (!parts) return null;
    numerator += parts.numerator;
    denominator += parts.denominator;
    estimated ||= parts.estimated;
  }
  if (denominator === 0) return null;
  return { value: (numerator / denominator) * 100, numerator, denominator, ...(estimated ? { estimated } : {}) };
}
