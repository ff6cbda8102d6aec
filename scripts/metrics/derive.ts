// Computes the indicators that are not entered directly (ratios, rates per
// 10,000 children, rolling 12-month sums) for every month of a vintage.
//
// A figure given in a month file is the published figure and is used as
// given; the engine computes a derived figure where none is given (e.g. a
// rolling sum once 12 months of data exist). Where both exist and disagree
// beyond rounding, the disagreement is reported so `check` can warn.
import type { Authority, Figure, Indicator, Month } from "../model/types.ts";
import { reportingYear } from "./months.ts";
import { ratePer10k, rolling12 } from "./rolling.ts";
import type { Vintage } from "./vintage.ts";
import { dependencies } from "../model/dependencies.ts";

export type FigureMap = Map<string, Map<Month, Figure | null>>;

export interface Disagreement {
  ref: string;
  month: Month;
  entered: number;
  computed: number;
}

export interface Derived {
  figures: FigureMap;
  disagreements: Disagreement[];
}

/** Indicators ordered so that each comes after those it is computed from. */
export function computeOrder(indicators: Indicator[]): Indicator[] {
  const byRef = new Map(indicators.map((i) => [i.ref, i]));
  const done = new Set<string>();
  const out: Indicator[] = [];
  const visit = (ind: Indicator, depth: number) => {
    if (done.has(ind.ref) || depth > indicators.length) return;
    for (const dep of dependencies(ind)) {
      const d = byRef.get(dep);
      if (d) visit(d, depth + 1);
    }
    if (!done.has(ind.ref)) {
      done.add(ind.ref);
      out.push(ind);
    }
  };
  for (const ind of indicators) visit(ind, 0);
  return out;
}

function compute(ind: Indicator, month: Month, figures: FigureMap, covered: Set<Month>, authority: Authority): Figure | null {
  const c = ind.compute;
  if (!c) return null;
  const valueOf = (ref: string, m: Month) => (covered.has(m) ? (figures.get(ref)?.get(m)?.value ?? null) : null);
  if ("ratio" in c) {
    const n = valueOf(c.ratio.numerator, month);
    const d = valueOf(c.ratio.denominator, month);
    if (n === null || d === null || d === 0) return null;
    return { value: (n / d) * 100, numerator: n, denominator: d };
  }
  if ("rate" in c) {
    const v = valueOf(c.rate, month);
    const population = authority.population[reportingYear(month, authority.yearStartMonth)];
    if (v === null || population === undefined) return null;
    return { value: ratePer10k(v, population) };
  }
  const sum = rolling12(month, (m) => valueOf(c.rolling12, m));
  return sum === null ? null : { value: sum };
}

export function derive(indicators: Indicator[], vintage: Vintage, authority: Authority): Derived {
  const figures: FigureMap = new Map();
  const disagreements: Disagreement[] = [];
  const covered = new Set(vintage.months);
  for (const ind of computeOrder(indicators)) {
    const series = new Map<Month, Figure | null>();
    figures.set(ind.ref, series);
    const entered = vintage.entered.get(ind.ref);
    for (const month of vintage.months) {
      const given = entered?.get(month) ?? null;
      const computed = ind.compute ? compute(ind, month, figures, covered, authority) : null;
      series.set(month, given ?? computed);
      if (given && computed && Math.abs(given.value - computed.value) > 0.5 * 10 ** -ind.decimals + 1e-9) {
        disagreements.push({ ref: ind.ref, month, entered: given.value, computed: computed.value });
      }
    }
  }
  return { figures, disagreements };
}
