// Rolling 12 months: the sum of a flow over the 12 months ending with a month.
import type { Month } from "../model/types.ts";
import { last12 } from "./months.ts";

/**
 * The sum over the 12 months ending with `month`; null unless every one of
 * them has a value (a partial sum would understate the year).
 */
export function rolling12(month: Month, valueOf: (m: Month) => number | null): number | null {
  let sum = 0;
  for (const m of last12(month)) {
    const v = valueOf(m);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

/** A count per 10,000 children. */
export function ratePer10k(count: number, population: number): number {
  return (count / population) * 10000;
}
