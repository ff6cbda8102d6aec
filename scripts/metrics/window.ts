// Figures over the 12 months ending with the report month.
import type { Month } from "../model/types.ts";
import { last12 } from "./months.ts";

type ValueOf = (m: Month) => number | null;

function present(month: Month, valueOf: ValueOf): number[] {
  return last12(month)
    .map(valueOf)
    .filter((v): v is number => v !== null);
}

/** Mean over the 12 months ending with `month`, months with no value left out. */
export function average12(month: Month, valueOf: ValueOf): number | null {
  const values = present(month, valueOf);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** Maximum over the 12 months ending with `month`, months with no value left out. */
export function max12(month: Month, valueOf: ValueOf): number | null {
  const values = present(month, valueOf);
  return values.length ? Math.max(...values) : null;
}
