// Annual outturns: the year-end figure of each reporting year.
import type { Authority, Figure, Indicator, Month, OutturnFile, YearLabel } from "../model/types.ts";
import { monthsOfYear, reportingYear } from "./months.ts";
import { ratePer10k } from "./rolling.ts";
import { yearToDate } from "./ytd.ts";

export type OutturnMap = Map<YearLabel, Map<string, Figure | null>>;

export function outturnMap(files: OutturnFile[]): OutturnMap {
  const map: OutturnMap = new Map();
  for (const file of files) {
    const values = new Map<string, Figure | null>();
    for (const e of file.values) values.set(e.ref, e.figure);
    map.set(file.year, values);
  }
  return map;
}

/**
 * The outturn of `indicator` for `year`: as entered in data/outturns; else
 * computed from the year's outturns of the indicators it is computed from;
 * else, when the data covers the whole year, from its months (a flow's
 * year sum, a snapshot's value at the year's last month).
 */
export function outturn(
  indicator: Indicator,
  year: YearLabel,
  outturns: OutturnMap,
  byRef: ReadonlyMap<string, Indicator>,
  authority: Authority,
  covered: (m: Month) => boolean,
  figureOf: (ref: string, m: Month) => Figure | null,
  weightOf: (m: Month) => number | null,
): Figure | null {
  const entered = outturns.get(year)?.get(indicator.ref);
  if (entered !== undefined) return entered;

  const c = indicator.compute;
  const partOutturn = (ref: string): Figure | null => {
    const part = byRef.get(ref);
    return part ? outturn(part, year, outturns, byRef, authority, covered, figureOf, () => null) : null;
  };
  if (c && "ratio" in c) {
    const n = partOutturn(c.ratio.numerator);
    const d = partOutturn(c.ratio.denominator);
    if (n && d && d.value !== 0) return { value: (n.value / d.value) * 100, numerator: n.value, denominator: d.value };
  }
  if (c && "rate" in c) {
    const v = partOutturn(c.rate);
    const population = authority.population[year];
    if (v && population !== undefined) return { value: ratePer10k(v.value, population) };
  }

  if (indicator.yearBasis !== "reporting") return null;
  const months = monthsOfYear(year, authority.yearStartMonth);
  if (!months.every(covered)) return null;
  if (indicator.kind === "flow") {
    const ytd = yearToDate(indicator, months, covered, (m) => figureOf(indicator.ref, m), weightOf);
    if (!ytd) return null;
    const figure: Figure = { value: ytd.value };
    if (ytd.numerator !== undefined && !ytd.estimated) figure.numerator = ytd.numerator;
    if (ytd.denominator !== undefined && !ytd.estimated) figure.denominator = ytd.denominator;
    return figure;
  }
  return figureOf(indicator.ref, months[months.length - 1]!);
}

/** The `count` reporting years before the one containing `month`, oldest first. */
export function trendYears(month: Month, startMonth: number, count = 5): YearLabel[] {
  const current = reportingYear(month, startMonth);
  const start = Number(current.slice(0, 4));
  const out: YearLabel[] = [];
  for (let y = start - count; y < start; y++) out.push(reportingYear(`${y}-${String(startMonth).padStart(2, "0")}`, startMonth));
  return out;
}
