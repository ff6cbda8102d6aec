// Reads the month headers spreadsheets use: `Sep 15`, `Jun-17`, `Sept 2015`,
// `June 2017`, `2020-12`, `12/2020`, `01/06/2017`, or an Excel date serial.
import type { Month } from "../model/types.ts";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function month(year: number, mo: number): Month | null {
  if (mo < 1 || mo > 12 || year < 1990 || year > 2100) return null;
  return `${year}-${String(mo).padStart(2, "0")}`;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

/** The month a header names, or null if it is not a month header. */
export function parseMonthHeader(text: string): Month | null {
  const t = text.trim().replace(/\.$/, "").replace(/\s+/g, " ");
  let m = /^([A-Za-z]{3,9})\.?[\s\-/'’_]?(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const name = m[1]!.toLowerCase();
    const idx = MONTHS.findIndex((mn) => name.startsWith(mn) && (name.length === 3 || fullMonthName(mn).startsWith(name)));
    return idx < 0 ? null : month(fullYear(m[2]!), idx + 1);
  }
  m = /^(\d{4})[\s\-/'’_]([A-Za-z]{3,9})\.?$/.exec(t); // "2017 Jun"
  if (m) return parseMonthHeader(`${m[2]} ${m[1]}`);
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(t);
  if (m) return month(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) return month(Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(t);
  if (m) return month(fullYear(m[3]!), Number(m[2]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return month(Number(m[1]), Number(m[2]));
  if (/^\d{5}$/.test(t)) {
    // Excel's date serial (days since 1899-12-30), as a sheet saved without formatting gives.
    const serial = Number(t);
    if (serial > 32874 && serial < 73051) {
      const d = new Date(Date.UTC(1899, 11, 30) + serial * 86400000);
      return month(d.getUTCFullYear(), d.getUTCMonth() + 1);
    }
  }
  return null;
}

function fullMonthName(prefix: string): string {
  const names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
  return names[MONTHS.indexOf(prefix)]!;
}

/** A header that names a month but could not be read (`Jnu-17`, `June`, `13/2020`). */
export function looksLikeMonth(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (/^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/.test(t) && t.length <= 14) return true;
  // the shape of a month header with a misspelt month: "Jnu-17"
  if (/^[a-z]{3,9}[-\s'’/]\d{2}(\d{2})?$/.test(t)) return true;
  return /^\d{1,4}[-/.]\d{1,4}([-/.]\d{1,4})?$/.test(t);
}

/** 1-12 for a month's name alone ("Jan", "Sept", "April"), else null. */
export function monthNameIndex(text: string): number | null {
  const name = text.trim().replace(/\.$/, "").toLowerCase();
  if (!/^[a-z]{3,9}$/.test(name)) return null;
  const idx = MONTHS.findIndex((mn) => name.startsWith(mn) && (name.length === 3 || fullMonthName(mn).startsWith(name) || (mn === "sep" && name === "sept")));
  return idx < 0 ? null : idx + 1;
}

/**
 * The month of a header that names a month without its year ("Jan"), from
 * the band above it: a calendar year ("2020") or a reporting year
 * ("2020/21", whose months before `yearStartMonth` fall in the second year).
 */
export function monthFromBand(text: string, band: string, yearStartMonth: number): Month | null {
  const mo = monthNameIndex(text);
  if (mo === null) return null;
  const fy = /(?:^|\D)(\d{4})\s*[-/]\s*(\d{2}|\d{4})(?:\D|$)/.exec(band);
  if (fy) {
    const start = Number(fy[1]);
    return month(mo >= yearStartMonth ? start : start + 1, mo);
  }
  const cy = /(?:^|\D)(\d{4})(?:\D|$)/.exec(band);
  return cy ? month(Number(cy[1]), mo) : null;
}
