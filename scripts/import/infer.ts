// Works out what the sheet does not say outright: each indicator's unit,
// polarity and kind, from its cells and title. Every guess carries the
// reason, so the import can say where a guess was made.
import type { Kind, Polarity, Unit } from "../model/types.ts";
import { isNoValueMarker, parseNumber } from "../load/cellValue.ts";
import type { SheetRow } from "./interpret.ts";

export interface Inferred<T> {
  value: T;
  /** Why; `null` where the sheet says so outright. */
  guess: string | null;
}

/** A number as sheets write it, with a decimal comma allowed where thousands grouping cannot apply ("57,2"). */
export function sheetNumber(text: string): number | null {
  const t = text
    .trim()
    .replace(/^[↑↓→⇒▲▼↗↘⬆⬇]\s*/, "") // an arrow in front of the figure: "↑ 26"
    .replace(/\s*(days?|weeks?|wks?|hours?|hrs?|months?)$/i, "") // a unit after it: "12.5 days"
    .replace(/%$/, "")
    .trim()
    .replace(/^(-?\d{1,3})((?:[ \u00a0]\d{3})+)(\.\d+)?$/, (_m, a: string, b: string, c?: string) => `${a}${b.replace(/[ \u00a0]/g, "")}${c ?? ""}`); // "1 234"
  const n = parseNumber(t);
  if (n !== null) return n;
  if (/^-?\d+,\d{1,2}$/.test(t)) return Number(t.replace(",", "."));
  return null;
}

export function monthTexts(row: SheetRow): string[] {
  return [...row.months.values()].map((c) => c.text).filter((t) => t !== "" && !isNoValueMarker(t));
}

export function inferUnit(row: SheetRow): Inferred<Unit> {
  const flag = row.unitText.trim().toLowerCase();
  const title = row.title.toLowerCase();
  const texts = monthTexts(row);
  if (flag === "p" || flag === "%" || /percent/.test(flag)) return { value: "percentage", guess: null };
  if (/rate/.test(flag)) return { value: "rate", guess: null };
  if (/average|mean|days/.test(flag)) return { value: "average", guess: null };
  if (/count|number|^no\.?$|^n$/.test(flag)) {
    // A "count" column flag still holds averages sometimes; fall through if figures are not whole.
    if (texts.every((t) => Number.isInteger(sheetNumber(t) ?? 0))) return { value: "count", guess: null };
  }
  if (texts.some((t) => t.trim().endsWith("%"))) return { value: "percentage", guess: "its figures end with %" };
  if (/rate per|per 10,?000|per 10k|per 100,?000|rate of .* per/.test(title)) return { value: "rate", guess: "its title says it is a rate per 10,000" };
  if (/^(percentage|%|proportion)\b|\bpercentage of\b|^% /.test(title)) return { value: "percentage", guess: "its title says it is a percentage" };
  if (/\baverage\b|\bmean\b|\bdays\b|\bweeks\b|\bcaseload/.test(title)) return { value: "average", guess: "its title names an average or a duration" };
  if (texts.some((t) => !Number.isInteger(sheetNumber(t) ?? 0))) return { value: "average", guess: "its figures are not whole numbers" };
  return { value: "count", guess: "its figures are whole numbers" };
}

export function inferPolarity(row: SheetRow): Inferred<Polarity> {
  const t = row.polarityText.trim().toLowerCase();
  if (t === "") return { value: "info", guess: "the sheet gives no polarity" };
  if (/^(▲|↑|⬆|high|higher|bigger|larger|greater|up|increase|more|maximi[sz]e)/.test(t)) return { value: "high", guess: null };
  if (/within limits \(low\)|^(▼|↓|⬇|low|lower|smaller|down|decrease|less|fewer|minimi[sz]e)/.test(t)) return { value: "low", guess: null };
  if (/within|range|band|limits/.test(t)) return { value: "range", guess: null };
  return { value: "info", guess: null };
}

const SNAPSHOT_WORDS =
  /at (the )?end of|end of (the )?(period|month|quarter)|\bcurrent\b|\bopen\b|\bcohort\b|caseload|\bin post\b|households|\bcarers\b|subject to a (child protection|cp) plan|\bwith an? (up to date|authorised|current)\b|in (suitable )?accommodation|placed with|\bvacan/;
const FLOW_WORDS = /\bin (the )?month\b|\bstarted\b|\bcompleted\b|\bnew\b|\breceived\b|\bceas|\badmission|\breferrals?\b|\bcontacts?\b|\bconferences?\b|\bwithin timescales?\b|\bheld\b|\brecruited\b/;

export function inferKind(row: SheetRow, unit: Unit): Inferred<Kind> {
  const title = row.title.toLowerCase();
  if (unit === "rate" || unit === "average") return { value: "snapshot", guess: null };
  if (/\b(in|during) (the )?(current |reporting )?month\b/.test(title)) return { value: "flow", guess: "its title describes events in the month" };
  if (SNAPSHOT_WORDS.test(title)) return { value: "snapshot", guess: "its title describes a position at month end" };
  if (FLOW_WORDS.test(title)) return { value: "flow", guess: "its title describes events in the month" };
  return { value: unit === "count" ? "flow" : "snapshot", guess: unit === "count" ? "a count with no sign of a month-end position" : "a percentage with no sign of events in the month" };
}

/** Decimal places the sheet shows (the most used by its figures, at most 2). */
export function inferDecimals(row: SheetRow, unit: Unit): number {
  const counts = new Map<number, number>();
  for (const t of monthTexts(row)) {
    const d = (t.trim().replace(/%$/, "").split(".")[1] ?? "").length;
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  if (counts.size === 0) return unit === "count" ? 0 : 1;
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
  return Math.min(best, 2);
}

/**
 * Percentages written as fractions (0.85 for 85%): a percentage row whose
 * figures carry no % sign and all lie between 0 and 1.
 */
export function looksLikeFractions(row: SheetRow, unit: Unit): boolean {
  if (unit !== "percentage") return false;
  const texts = monthTexts(row);
  if (texts.length === 0 || texts.some((t) => t.includes("%"))) return false;
  const values = texts.map(sheetNumber);
  return values.every((v) => v !== null && v >= 0 && v <= 1) && values.some((v) => v! > 0 && v! < 1);
}
