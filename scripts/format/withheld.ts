// The public edition withholds small numbers: a withheld figure is null in
// the model, marked with the symbol to show in its place. These helpers give
// the views what to print for each figure of an indicator.
import type { IndicatorResult, WithheldField } from "../model/types.ts";

/** The symbol to show for `field` of `i` if the public edition withheld it, else null. */
export function withheldAs(i: Pick<IndicatorResult, "withheld">, field: WithheldField): string | null {
  return i.withheld?.fields.includes(field) ? i.withheld.symbol : null;
}

/** A figure of the indicator as the cell formatters take it: its value, or the symbol in its place. */
export function fieldFigure(i: IndicatorResult, field: "ytd" | "rolling12" | "average12" | "max12" | "previous" | "lastYear"): { value: number | null; withheld?: string; numerator?: number | null; denominator?: number | null } {
  const symbol = withheldAs(i, field);
  if (symbol) return { value: null, withheld: symbol };
  if (field === "ytd") return { value: i.ytd, numerator: i.ytdNumerator, denominator: i.ytdDenominator };
  return { value: i[field] };
}

/** The words of the public edition's key: what the symbol means. */
export function withheldKey(symbol: string, threshold: number, suppressZero: boolean, rounding: number): string {
  const range = `${suppressZero ? 0 : 1} to ${threshold}`;
  const rounded = rounding ? ` Other counts are rounded to the nearest ${rounding}.` : "";
  return `${symbol}: withheld to protect privacy (a count of ${range} children, families or carers, or a figure from which one could be worked out).${rounded}`;
}
