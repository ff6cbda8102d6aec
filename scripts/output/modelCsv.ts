// The computed model as CSV: one row per indicator, for staff to download.
import { stringify } from "csv-stringify/sync";
import type { MonthModel } from "../model/types.ts";
import { formatTarget } from "../format/target.ts";

const COLUMNS = [
  "ref", "section", "title", "unit", "polarity", "kind", "month", "value", "numerator", "denominator",
  "previous", "changeFromPrevious", "lastYear", "changeFromLastYear", "average12", "max12", "ytd",
  "rolling12", "dot", "rag", "target", "statNeighbour", "bestStatNeighbour", "england", "englandTopQuartile", "region", "benchmarkYear",
] as const;

/**
 * Text a spreadsheet would run as a formula when the download is opened
 * (`=HYPERLINK(...)`, `+`, `-`, `@`, or a leading tab or carriage return)
 * starts with an apostrophe instead, which Excel and LibreOffice read as
 * "this is text" (OWASP's advice for CSV injection). Numbers are not strings here.
 */
function inertInSpreadsheets(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function modelToCsv(model: MonthModel): string {
  const rows = model.indicators.map((i) => [
    i.ref, i.section, i.title, i.unit, i.polarity, i.kind, model.month, i.value, i.numerator, i.denominator,
    i.previous, i.changeFromPrevious, i.lastYear, i.changeFromLastYear, i.average12, i.max12, i.ytd,
    i.rolling12, i.dot, i.rag, i.target ? formatTarget(i.target, i.unit, i.decimals) : null,
    i.benchmarks?.values.statNeighbour, i.benchmarks?.values.bestStatNeighbour, i.benchmarks?.values.england,
    i.benchmarks?.values.englandTopQuartile, i.benchmarks?.values.region, i.benchmarks?.year,
  ].map((v) => (v === null || v === undefined ? "" : v)));
  return stringify([COLUMNS as unknown as string[], ...rows], { cast: { number: (n) => String(n), string: inertInSpreadsheets } });
}
