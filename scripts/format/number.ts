// Formats figures for people: by unit, with thousands separators, `n/a` where undefined.
import type { Unit } from "../model/types.ts";

const cache = new Map<number, Intl.NumberFormat>();
function formatter(decimals: number): Intl.NumberFormat {
  let f = cache.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    cache.set(decimals, f);
  }
  return f;
}

export const NOT_AVAILABLE = "n/a";

/** `1,234`, `57.2%`, `612.3`; `n/a` for null. Rounds half away from zero, as spreadsheets do. */
export function formatValue(value: number | null | undefined, unit: Unit, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  const text = formatter(decimals).format(roundHalfAway(value, decimals));
  return unit === "percentage" ? `${text}%` : text;
}

/** A plain number with the indicator's precision, no unit sign. */
export function formatNumber(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  return formatter(decimals).format(roundHalfAway(value, decimals));
}

/** A relative change (a fraction) as a whole per cent with its sign: `+24%`, `-15%`. */
export function formatChange(change: number | null | undefined): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return NOT_AVAILABLE;
  const pct = roundHalfAway(change * 100, 0);
  return `${pct > 0 ? "+" : pct < 0 ? "−" : ""}${formatter(0).format(Math.abs(pct))}%`;
}

/**
 * The change of an indicator's figure on an earlier one, as readers mean it:
 * a percentage's in percentage points (0.22% to 0.65% is "+0.43 percentage
 * points", not "+195%"; in a table cell, `short`, "+0.43 points"), anything
 * else's as a per cent of the earlier figure ("+24%", from `relative`).
 */
export function formatFigureChange(
  ind: { unit: Unit; decimals: number },
  from: number | null | undefined,
  to: number | null | undefined,
  relative: number | null | undefined,
  { short = false }: { short?: boolean } = {},
): string {
  if (ind.unit !== "percentage") return formatChange(relative);
  if (from === null || from === undefined || to === null || to === undefined || !Number.isFinite(from) || !Number.isFinite(to)) return NOT_AVAILABLE;
  const points = roundHalfAway(to - from, ind.decimals);
  const sign = points > 0 ? "+" : points < 0 ? "−" : "";
  const unit = short ? "points" : Math.abs(points) === 1 ? "percentage point" : "percentage points";
  return `${sign}${formatter(ind.decimals).format(Math.abs(points))} ${unit}`;
}

/** Rounds to `decimals` places, halves away from zero, correcting binary error (1.005 -> 1.01). */
export function roundHalfAway(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(Number(scaled.toPrecision(12)));
  return (Math.sign(value) * rounded) / factor;
}
