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

/**
 * A figure already rounded to `decimals` places, as Intl.NumberFormat's en-GB
 * gives it (thousands separated by commas, a minus on any negative, -0 too),
 * at half its cost: every table cell of every month is formatted, millions on
 * a long archive. Exact for a rounded figure: the nearest double to k/10^d
 * prints as k by toFixed, as by Intl. Figures of 10^12 or more go to Intl.
 */
export function formatRounded(x: number, decimals: number): string {
  if (!(Math.abs(x) < 1e12)) return formatter(decimals).format(x);
  const fixed = Math.abs(x).toFixed(decimals);
  const point = decimals > 0 ? fixed.length - decimals - 1 : fixed.length;
  let whole = fixed.slice(0, point);
  if (whole.length > 3) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${x < 0 || Object.is(x, -0) ? "-" : ""}${whole}${fixed.slice(point)}`;
}

export const NOT_AVAILABLE = "n/a";

/** `1,234`, `57.2%`, `612.3`; `n/a` for null. Rounds half away from zero, as spreadsheets do. */
export function formatValue(value: number | null | undefined, unit: Unit, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  const text = formatRounded(roundHalfAway(value, decimals), decimals);
  return unit === "percentage" ? `${text}%` : text;
}

/** A plain number with the indicator's precision, no unit sign. */
export function formatNumber(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  return formatRounded(roundHalfAway(value, decimals), decimals);
}

/** A relative change (a fraction) as a whole per cent with its sign: `+24%`, `-15%`. */
export function formatChange(change: number | null | undefined): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return NOT_AVAILABLE;
  const pct = roundHalfAway(change * 100, 0);
  return `${pct > 0 ? "+" : pct < 0 ? "−" : ""}${formatRounded(Math.abs(pct), 0)}%`;
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
  return `${sign}${formatRounded(Math.abs(points), ind.decimals)} ${unit}`;
}

/** Rounds to `decimals` places, halves away from zero, correcting binary error (1.005 -> 1.01). */
export function roundHalfAway(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  // Whole already (a count): nothing to correct, and no string made (the same result as below).
  if (Number.isInteger(scaled) && scaled < 1e12) return (Math.sign(value) * scaled) / factor;
  const rounded = Math.round(Number(scaled.toPrecision(12)));
  return (Math.sign(value) * rounded) / factor;
}
