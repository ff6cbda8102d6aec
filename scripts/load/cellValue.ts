// Reads one figure as people write it in sheets and data files:
// `1,234`, `57.2%`, `57.2`, `379 of 663`, and the markers real sheets use for
// "no value" (`-`, `n/a`, `tbc`, blank...).
import type { Figure, Unit } from "../model/types.ts";

export type CellResult =
  /** No figure; `note` is what the sheet says instead where it is words ("tbc", "New measure from Aug 16"). */
  | { kind: "none"; note?: string }
  | { kind: "figure"; figure: Figure }
  | { kind: "invalid"; reason: string; fix: string };

const NO_VALUE = new Set(["", "-", "--", "–", "—", "n/a", "na", "n.a.", "tbc", "tba", "null", "~", "..", "not available", "not applicable"]);

/** Markers that only say "no figure" (a dash, n/a): shown as the report's own "n/a", not as written. */
const PLAIN = new Set(["", "-", "--", "–", "—", "n/a", "na", "n.a.", "null", "~", "..", "not available", "not applicable"]);

/** The words a sheet prints in place of a figure ("tbc"), or null for a plain "no figure" mark. */
export function noteOfMarker(text: string): string | null {
  const t = text.trim();
  return PLAIN.has(t.toLowerCase()) ? null : t;
}

/** True for the markers that mean "no value this month" rather than an error. */
export function isNoValueMarker(text: string): boolean {
  const t = text.trim().toLowerCase();
  return NO_VALUE.has(t) || /^(new|old) measure\b/.test(t) || /^no (data|value)\b/.test(t);
}

const NUMBER = /^[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

/** Parses a number written with optional thousands separators; null if it is not one. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/^−/, "-");
  if (t === "" || t === "-" || t === "+" || t === ".") return null;
  if (!NUMBER.test(t)) return null;
  const n = Number(t.replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
}

/**
 * Parses `text` as a figure of `unit`. Percentages are held as per cent
 * (57.2 means 57.2%); a bare number for a percentage indicator is taken as
 * per cent too.
 */
export function parseCell(text: string, unit: Unit): CellResult {
  const t = text.trim();
  if (isNoValueMarker(t)) {
    const note = noteOfMarker(t);
    return note ? { kind: "none", note } : { kind: "none" };
  }

  const ratio = /^(.+?)\s*(?:\bof\b|\/)\s*(.+)$/i.exec(t);
  if (ratio) {
    const numerator = parseNumber(ratio[1]!);
    const denominator = parseNumber(ratio[2]!);
    if (numerator === null || denominator === null) {
      return { kind: "invalid", reason: `"${t}" is not of the form "numerator of denominator"`, fix: 'Write it as two whole numbers, e.g. "379 of 663".' };
    }
    if (unit !== "percentage") {
      return { kind: "invalid", reason: `"${t}" is a numerator and denominator, but this indicator's unit is ${unit}`, fix: "Enter the single figure, or change the indicator's unit to percentage." };
    }
    if (denominator === 0) {
      return numerator === 0 ? { kind: "none" } : { kind: "invalid", reason: `"${t}" has a denominator of 0`, fix: "Check the figures: nothing can be a share of zero." };
    }
    return { kind: "figure", figure: { value: (numerator / denominator) * 100, numerator, denominator } };
  }

  if (t.endsWith("%")) {
    const n = parseNumber(t.slice(0, -1));
    if (n === null) return { kind: "invalid", reason: `"${t}" is not a number`, fix: "Write a percentage such as 57.2%." };
    if (unit !== "percentage") {
      return { kind: "invalid", reason: `"${t}" is a percentage, but this indicator's unit is ${unit}`, fix: "Enter the figure without %, or change the indicator's unit to percentage." };
    }
    return { kind: "figure", figure: { value: n } };
  }

  const n = parseNumber(t);
  if (n === null) {
    return { kind: "invalid", reason: `"${t}" is not a number`, fix: 'Enter a number (e.g. 1,234 or 57.2%), "n of d", or "-" for no value.' };
  }
  return { kind: "figure", figure: { value: n } };
}
