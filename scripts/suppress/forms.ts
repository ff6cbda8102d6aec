// What a displayed figure reveals about counts of children, as linear forms
// over "atoms": one atom per count as it stood in a report (indicator or its
// numerator/denominator, month, value). Two reports that show the same
// figure for a month share the atom; a restated figure is a new atom.
import type { Authority, Indicator, Month, MonthModel, SeriesPoint } from "../model/types.ts";
import { last12, reportingYear } from "../metrics/months.ts";
import { sumForms, type Form } from "./linearAudit.ts";

export interface Atom {
  key: string;
  /** The indicator the count belongs to (its numerator or complement for a percentage). */
  ref: string;
  /** A percentage's children are counted twice over: those with the attribute (numerator) and those without (complement). */
  part: "count" | "numerator" | "complement";
  /** A month, a reporting year or a term label. */
  period: string;
  value: number;
}

/**
 * The forms a cell publishes, one per "slot" (a count has one slot; a
 * percentage two: numerator and denominator). Slots line up across months so
 * totals are slot-wise sums. `[]`: the figure reveals no count (a percentage
 * with neither numerator nor base, an average of days).
 */
export type Slots = Form[];

export class FormBuilder {
  readonly atoms = new Map<string, Atom>();
  private readonly byRef: ReadonlyMap<string, Indicator>;
  private series = new Map<string, Map<Month, SeriesPoint>>();
  private memo = new Map<string, Slots | null>();

  constructor(
    indicators: Indicator[],
    private readonly authority: Pick<Authority, "population" | "yearStartMonth">,
    /** Called when an atom is first seen (primary suppression decides on it then). */
    private readonly onAtom: (atom: Atom) => void,
  ) {
    this.byRef = new Map(indicators.map((i) => [i.ref, i]));
  }

  /** Switches to the figures of another report (vintage). */
  useModel(model: MonthModel): void {
    this.series = new Map(model.indicators.map((r) => [r.ref, new Map(r.series.map((p) => [p.month, p]))]));
    this.memo.clear();
  }

  point(ref: string, month: Month): SeriesPoint | undefined {
    return this.series.get(ref)?.get(month);
  }

  atom(ref: string, part: Atom["part"], period: string, value: number): Form {
    const key = `${ref}\u0000${part}\u0000${period}\u0000${value}`;
    if (!this.atoms.has(key)) {
      const atom = { key, ref, part, period, value };
      this.atoms.set(key, atom);
      this.onAtom(atom);
    }
    return new Map([[key, 1]]);
  }

  /** The forms the figure of `ref` for `month` (in the current report) publishes; null where it has no figure. */
  cell(ref: string, month: Month): Slots | null {
    const memoKey = `${ref}\u0000${month}`;
    if (this.memo.has(memoKey)) return this.memo.get(memoKey)!;
    this.memo.set(memoKey, null); // guards against a cycle in the catalogue
    const result = this.computeCell(ref, month);
    this.memo.set(memoKey, result);
    return result;
  }

  private computeCell(ref: string, month: Month): Slots | null {
    const ind = this.byRef.get(ref);
    const p = this.point(ref, month);
    if (!ind || !p || p.value === null) return null;
    const c = ind.compute;
    if (c && "ratio" in c) {
      const n = this.cell(c.ratio.numerator, month)?.[0];
      const d = this.cell(c.ratio.denominator, month)?.[0];
      if (n && d) return [n, d];
    } else if (c && "rate" in c) {
      const x = this.cell(c.rate, month);
      if (x) return x;
    } else if (c && "rolling12" in c) {
      const parts = last12(month).map((m) => this.cell(c.rolling12, m)?.[0]).filter((f): f is Form => !!f);
      if (parts.length) return [sumForms(parts)];
    }
    return this.enteredCell(ind, p as SeriesPoint & { value: number }, month);
  }

  private enteredCell(ind: Indicator, p: SeriesPoint & { value: number }, month: Month): Slots {
    if (ind.unit === "count") return [this.atom(ind.ref, "count", month, p.value)];
    if (ind.unit === "percentage") {
      if (p.numerator !== undefined && p.denominator !== undefined) {
        // "76 of 77" says 1 child missed out as plainly as it says 76 did not: both are counts of children.
        const n = this.atom(ind.ref, "numerator", month, p.numerator);
        const c = this.atom(ind.ref, "complement", month, p.denominator - p.numerator);
        return [n, sumForms([n, c])];
      }
      if (ind.percentageOf) {
        const base = this.point(ind.percentageOf, month);
        const w = this.cell(ind.percentageOf, month)?.[0];
        if (base && base.value !== null && w) return [this.atom(ind.ref, "numerator", month, Math.round((p.value * base.value) / 100)), w];
      }
      return [];
    }
    if (ind.unit === "rate") {
      // A rate per 10,000 children stands for a count: rate x population / 10,000.
      const population = this.authority.population[reportingYear(month, this.authority.yearStartMonth)];
      if (population !== undefined) return [this.atom(ind.ref, "count", month, Math.round((p.value * population) / 10000))];
      return [];
    }
    return [];
  }

  /** Slot-wise sums of the cells of `months` (a YTD, a rolling or 12-month total). */
  total(ref: string, months: Month[]): Slots {
    const cells = months.map((m) => this.cell(ref, m)).filter((s): s is Slots => s !== null && s.length > 0);
    if (cells.length === 0) return [];
    const width = Math.min(...cells.map((c) => c.length));
    return Array.from({ length: width }, (_, i) => sumForms(cells.map((c) => c[i]!)));
  }
}
