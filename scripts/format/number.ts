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

/** Rounds to `decimals` places, halves away from zero, correcting binary error (1.005 -> 1.01). */
export function roundHalfAway(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(Number(scaled.toPrecision(12)));
  return (Math.sign(value) * rounded) / factor;
}
