// The month's figure at enough decimals that its rounding does not suggest
// another RAG rating than the one given. RAG rates the unrounded figure:
// 67.98% is Red against "Amber 68% to under 70%", but at one decimal it
// reads 68.0%, which a reader would rate Amber; shown as 67.98% it agrees.
import type { Target, Unit } from "../model/types.ts";
import { ragRating } from "../metrics/rag.ts";
import { formatValue, roundHalfAway } from "./number.ts";

/** Up to this many decimals more than the indicator's own. */
const MORE = 3;

/** The decimals to show `value` at: the indicator's, or more where the rounded figure would rate differently. */
export function ragSafeDecimals(value: number | null, target: Target | null | undefined, decimals: number): number {
  if (value === null || !target) return decimals;
  const rag = ragRating(value, target);
  for (let d = decimals; d < decimals + MORE; d++) if (ragRating(roundHalfAway(value, d), target) === rag) return d;
  return decimals + MORE;
}

/** The month's figure as text, at the decimals its RAG rating needs. */
export function formatRated(value: number | null, unit: Unit, decimals: number, target: Target | null | undefined): string {
  return formatValue(value, unit, ragSafeDecimals(value, target, decimals));
}
