// Reconciles the sheet's own computed columns (% change from last month and
// from the same month last year, 12-month average and maximum) with the
// engine's figures, and explains each disagreement beyond rounding where it
// can: this is how a team comes to trust the move off Excel.
import type { IndicatorResult, MonthModel } from "../model/types.ts";
import { relativeChange } from "../metrics/change.ts";
import { addMonths, last12, shortMonth } from "../metrics/months.ts";
import { isNoValueMarker } from "../load/cellValue.ts";
import { sheetNumber } from "./infer.ts";
import type { Sheet, SheetRow } from "./interpret.ts";

export interface Disagreement {
  ref: string;
  /** The sheet's row, as the user sees it (`sheet.xlsx:Dataset!A23`, `file.csv:23`). */
  where: string;
  measure: string;
  sheet: string;
  engine: string;
  explanation: string;
}

const decimalsOf = (text: string) => (text.replace(/%$/, "").split(".")[1] ?? "").length;

/** The figures as the sheet shows them (rounded), month by month. */
function shownValues(row: SheetRow): Map<string, number | null> {
  return new Map([...row.months.entries()].map(([m, c]) => [m, isNoValueMarker(c.text) ? null : sheetNumber(c.text)]));
}

function fmt(v: number | null, decimals: number, pct = false): string {
  return v === null ? "n/a" : `${v.toFixed(decimals)}${pct ? "%" : ""}`;
}

/** `refOf` gives the data directory's reference for a sheet row (an update may match rows by title). */
export function reconcile(sheet: Sheet, model: MonthModel, refOf: (row: SheetRow) => string = (r) => r.ref): Disagreement[] {
  const out: Disagreement[] = [];
  const byRef = new Map(model.indicators.map((i) => [i.ref, i]));
  for (const row of sheet.rows) {
    const ind = byRef.get(refOf(row));
    if (!ind) continue;
    const shown = shownValues(row);
    const add = (measure: string, sheetText: string, engine: string, explanation: string) =>
      out.push({ ref: ind.ref, where: row.where, measure, sheet: sheetText, engine, explanation });

    for (const [measure, text, change, base] of [
      ["% change from previous month", row.changePrevious, ind.changeFromPrevious, addMonths(model.month, -1)],
      ["% change from same month last year", row.changeLastYear, ind.changeFromLastYear, addMonths(model.month, -12)],
    ] as const) {
      if (!text.trim()) continue;
      const printed = /-?\d+(?:\.\d+)?/.exec(text.replace(/,/g, ""))?.[0];
      const sheetValue = printed === undefined ? null : Number(printed);
      if (sheetValue === null && change === null) continue;
      const engine = change === null ? null : change * 100;
      const d = printed ? decimalsOf(printed) : 0;
      if (sheetValue !== null && engine !== null && Math.abs(sheetValue - engine) <= 0.5 * 10 ** -d + 1e-9) continue;
      add(measure, text.trim(), fmt(engine, d, true), explainChange(ind, row, sheet, shown, base, sheetValue, d));
    }

    for (const [measure, text, value, fn] of [
      ["12-month average", row.average12, ind.average12, (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length],
      ["12-month maximum", row.max12, ind.max12, (xs: number[]) => Math.max(...xs)],
    ] as const) {
      const sheetValue = sheetNumber(text);
      if (sheetValue === null || isNoValueMarker(text)) continue;
      const d = decimalsOf(text.trim());
      if (value !== null && Math.abs(sheetValue - value) <= 0.5 * 10 ** -d + 1e-9) continue;
      add(measure, text.trim(), fmt(value, d, text.trim().endsWith("%")), explainWindow(ind, shown, model.month, sheetValue, d, fn));
    }
  }
  return out;
}

function explainChange(
  ind: IndicatorResult,
  row: SheetRow,
  sheet: Sheet,
  shown: Map<string, number | null>,
  base: string,
  sheetValue: number | null,
  d: number,
): string {
  if (sheetValue === null) return "the sheet shows no change where the engine has one: the sheet leaves it blank when a figure is missing";
  if (!row.months.has(base)) return `the sheet has no ${shortMonth(base)} column, so the engine cannot work this out; the sheet used figures from before its first column`;
  const half = 0.5 * 10 ** -d + 1e-9;
  const close = (x: number | null) => x !== null && Math.abs(sheetValue - x) <= half;
  const month = ind.series.at(-1)?.month ?? "";
  const current = shown.get(month) ?? null;
  const previous = shown.get(base) ?? null;
  const fromShown = relativeChange(current, previous);
  if (close(fromShown === null ? null : fromShown * 100)) return "rounding convention: the sheet works from the rounded figures it shows, the engine from unrounded ones";
  if (current !== null && previous !== null && previous !== 0) {
    // The figures shown are rounded; any change between these bounds fits them.
    const places = Math.max(decimalsOf(row.months.get(month)?.text ?? ""), decimalsOf(row.months.get(base)?.text ?? ""));
    const u = 0.5 * 10 ** -places;
    const bounds = [(current - u) / (previous + u) - 1, (current + u) / (previous - u) - 1].map((x) => x * 100);
    if (sheetValue + half >= Math.min(...bounds) && sheetValue - half <= Math.max(...bounds)) {
      return `rounding convention: the sheet works from unrounded figures and shows them to ${places} decimal place${places === 1 ? "" : "s"}, which allow any change from ${Math.min(...bounds).toFixed(1)}% to ${Math.max(...bounds).toFixed(1)}%`;
    }
  }
  if (ind.unit === "percentage" && current !== null && previous !== null && close(current - previous)) return "the sheet gives the change in percentage points, not the relative change";
  if (close(fromShown === null ? null : -fromShown * 100)) return "error in the source sheet: the sign of the change is reversed";
  if (current !== null) {
    // A formula pointing at the wrong row: another row's figure gives the sheet's change.
    for (const other of sheet.rows) {
      if (other === row) continue;
      for (const m of [base, month]) {
        const b = shownValues(other).get(m) ?? null;
        const c = relativeChange(current, b);
        if (c !== null && close(c * 100)) {
          return `error in the source sheet: its change is ${row.ref}'s figure against ${other.ref}'s ${shortMonth(m)} figure (${b}), so the formula refers to the wrong row`;
        }
      }
    }
  }
  return "not explained: check the sheet's formula for this row";
}

function explainWindow(ind: IndicatorResult, shown: Map<string, number | null>, month: string, sheetValue: number, d: number, fn: (xs: number[]) => number): string {
  const close = (x: number | null) => x !== null && Math.abs(sheetValue - x) <= 0.5 * 10 ** -d + 1e-9;
  const values = (months: string[]) => months.map((m) => shown.get(m) ?? null).filter((v): v is number => v !== null);
  const win = last12(month);
  const thirteen = [addMonths(month, -12), ...win];
  const previous12 = last12(addMonths(month, -1));
  if (values(win).length && close(fn(values(win)))) return "rounding convention: the sheet works from the rounded figures it shows";
  if (values(thirteen).length && close(fn(values(thirteen)))) return "error in the source sheet: its 12-month figure covers 13 months (from the same month last year)";
  if (values(previous12).length && close(fn(values(previous12)))) return `error in the source sheet: its 12-month figure stops at ${shortMonth(addMonths(month, -1))}, a month before the latest`;
  const withZeros = win.map((m) => shown.get(m) ?? 0);
  if (close(fn(withZeros))) return "the sheet counts months with no figure as zero; the engine leaves them out";
  return "not explained: check the sheet's formula for this row";
}

/** The table printed by `npm run import`. */
export function formatReconciliation(rows: Disagreement[]): string {
  if (rows.length === 0) return "The sheet's own computed columns all agree with the engine (to the sheet's rounding).\n";
  const head = ["Ref", "Row", "Measure", "Sheet", "Engine", "Explanation"];
  const table = rows.map((r) => [r.ref, r.where.replace(/^.*?:(?=[^:]*$)|^.*!/, ""), r.measure, r.sheet, r.engine, r.explanation]);
  const widths = head.map((h, i) => Math.min(60, Math.max(h.length, ...table.map((r) => r[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join("  ");
  return [`${rows.length} of the sheet's computed figures disagree with the engine beyond rounding:`, "", line(head), line(widths.map((w) => "-".repeat(w))), ...table.map(line), ""].join("\n");
}
