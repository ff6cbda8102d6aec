// Calendar months as `YYYY-MM` strings and reporting years as `YYYY/YY`.
// Pure string arithmetic: no Date, so no timezone can shift a month.
import type { Month, YearLabel } from "../model/types.ts";

const SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function isMonth(s: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
}

function parts(m: Month): [number, number] {
  return [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
}

// Month strings and their indexes, made once each: every month's model walks every indicator's history,
// and building and parsing the same few hundred strings again was a tenth of a long archive's compute.
const names = new Map<number, Month>();
const indexes = new Map<string, number>();

function fromIndex(i: number): Month {
  let m = names.get(i);
  if (m === undefined) {
    m = `${String(Math.floor(i / 12)).padStart(4, "0")}-${String((i % 12) + 1).padStart(2, "0")}`;
    if (names.size < 100_000) names.set(i, m);
  }
  return m;
}

/** Months since year 0, for arithmetic. */
export function monthIndex(m: Month): number {
  let i = indexes.get(m);
  if (i === undefined) {
    const [y, mo] = parts(m);
    i = y * 12 + mo - 1;
    if (indexes.size < 100_000) indexes.set(m, i);
  }
  return i;
}

export function addMonths(m: Month, n: number): Month {
  return fromIndex(monthIndex(m) + n);
}

/** Inclusive range of months. */
export function monthRange(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(fromIndex(i));
  return out;
}

/** The 12 months ending with `m`, oldest first. */
export function last12(m: Month): Month[] {
  return monthRange(addMonths(m, -11), m);
}

/** The first month of the reporting year that contains `m`. */
export function yearStart(m: Month, startMonth: number): Month {
  const [y, mo] = parts(m);
  const startYear = mo >= startMonth ? y : y - 1;
  return `${startYear}-${String(startMonth).padStart(2, "0")}`;
}

/** `2020/21` for a year starting in 2020; `2020` for a calendar year (start month 1). */
export function yearLabelFor(startYear: number, startMonth: number): YearLabel {
  if (startMonth === 1) return String(startYear);
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/** The reporting year label of month `m`. */
export function reportingYear(m: Month, startMonth: number): YearLabel {
  return yearLabelFor(Number(yearStart(m, startMonth).slice(0, 4)), startMonth);
}

/** The months of reporting year `label`, first to last. */
export function monthsOfYear(label: YearLabel, startMonth: number): Month[] {
  const start = `${label.slice(0, 4)}-${String(startMonth).padStart(2, "0")}`;
  return monthRange(start, addMonths(start, 11));
}

/** The label of the reporting year `offset` years from `label`. */
export function shiftYear(label: YearLabel, offset: number, startMonth: number): YearLabel {
  return yearLabelFor(Number(label.slice(0, 4)) + offset, startMonth);
}

/** `Dec-20` */
export function shortMonth(m: Month): string {
  const [y, mo] = parts(m);
  return `${SHORT[mo - 1]}-${String(y % 100).padStart(2, "0")}`;
}

/** `December 2020` */
export function longMonth(m: Month): string {
  const [y, mo] = parts(m);
  return `${LONG[mo - 1]} ${y}`;
}

/** `December` */
export function monthName(m: Month): string {
  return LONG[parts(m)[1] - 1]!;
}
