// Can a hidden figure be worked out from what is published? Every published
// total is a linear equation over the underlying counts (a YTD is the sum of
// its months; a breakdown's parts sum to its total). A reader knows the shown
// counts, the equations, and that a count withheld for being small lies
// between 1 and the threshold (a zero would have been shown). The audit keeps
// the published equations over the hidden counts in reduced row echelon form
// and, from them and those bounds, works out the range each hidden count
// could take (interval propagation over every equation and their
// combinations). A figure is published only if no hidden count's range then
// becomes narrower than the rule allows: exactly known (a single equation in
// one unknown), or pinned to fewer than three possible values (a YTD of 4
// over four withheld months: each must be 1).

/** A linear form: atom key -> coefficient. */
export type Form = ReadonlyMap<string, number>;

const EPSILON = 1e-9;

interface Row {
  coef: Map<string, number>;
  /** The right-hand side: the form's value over hidden atoms (true values, known to the planner only). */
  rhs: number;
}

export interface AtomFacts {
  /** The atom's true value. */
  value(atom: string): number;
  /** What a reader knows of a hidden atom before any total: [1, threshold] for a small count, [0, ∞) otherwise. */
  bounds(atom: string): [number, number];
}

/** A hidden count must keep at least this range (three whole values) in a reader's eyes, unless it started narrower. */
const MIN_WIDTH = 2;

export class LinearAudit {
  /** Rows in reduced row echelon form, keyed by their pivot atom. */
  private rows = new Map<string, Row>();
  private readonly hidden: Set<string>;
  /** Atoms already narrowed by accepted equations (constraints are facts): not held against later figures. */
  private known = new Set<string>();
  /** Every accepted form, to rebuild the rows when an atom they mention is hidden later. */
  private accepted: Form[] = [];

  constructor(
    private readonly facts: AtomFacts,
    hidden: Iterable<string> = [],
  ) {
    this.hidden = new Set(hidden);
  }

  isHidden(atom: string): boolean {
    return this.hidden.has(atom);
  }

  /**
   * Hides one more atom (secondary suppression). Equations accepted while it
   * was known were reduced without it, so they are reduced again.
   */
  hide(atom: string): void {
    this.hidden.add(atom);
    if (!this.accepted.some((f) => f.has(atom))) return;
    const forms = this.accepted;
    this.rows = new Map();
    this.known = new Set();
    this.accepted = [];
    this.accept(forms);
  }

  /** The part of a form over hidden atoms, with its value. */
  private restrict(form: Form): Row {
    const coef = new Map<string, number>();
    let rhs = 0;
    for (const [atom, c] of form) {
      if (!this.hidden.has(atom) || Math.abs(c) <= EPSILON) continue;
      coef.set(atom, (coef.get(atom) ?? 0) + c);
      rhs += c * this.facts.value(atom);
    }
    return { coef, rhs };
  }

  private static subtract(target: Row, k: number, row: Row): void {
    for (const [a, v] of row.coef) {
      const next = (target.coef.get(a) ?? 0) - k * v;
      if (Math.abs(next) < EPSILON) target.coef.delete(a);
      else target.coef.set(a, next);
    }
    target.rhs -= k * row.rhs;
  }

  private reduce(row: Row, rows: Map<string, Row>): Row {
    const out: Row = { coef: new Map(row.coef), rhs: row.rhs };
    for (const atom of [...out.coef.keys()]) {
      const pivotRow = rows.get(atom);
      const k = out.coef.get(atom);
      if (!pivotRow || k === undefined) continue;
      LinearAudit.subtract(out, k, pivotRow);
    }
    return out;
  }

  /** Adds the forms to a copy of the rows; returns the new rows and the atoms a reader could then narrow too far. */
  private extend(forms: Form[]): { rows: Map<string, Row>; revealed: string[] } {
    const rows = new Map([...this.rows].map(([k, r]) => [k, { coef: new Map(r.coef), rhs: r.rhs }]));
    let changed = false;
    for (const form of forms) {
      const r = this.reduce(this.restrict(form), rows);
      if (r.coef.size === 0) continue;
      changed = true;
      // Pivot: the first atom in key order, so the result does not depend on Map insertion order.
      const pivot = [...r.coef.keys()].sort()[0]!;
      const scale = r.coef.get(pivot)!;
      for (const [a, v] of r.coef) r.coef.set(a, v / scale);
      r.rhs /= scale;
      for (const other of rows.values()) {
        const k = other.coef.get(pivot);
        if (k !== undefined) LinearAudit.subtract(other, k, r);
      }
      rows.set(pivot, r);
    }
    return { rows, revealed: changed ? this.narrowed(rows).filter((a) => !this.known.has(a)) : [] };
  }

  /**
   * The hidden atoms whose range, worked out from the rows and the bounds a
   * reader knows, is narrower than the rule allows.
   */
  private narrowed(rows: Map<string, Row>): string[] {
    const bounds = new Map<string, [number, number]>();
    const get = (a: string) => bounds.get(a) ?? this.facts.bounds(a);
    const list = [...rows.values()];
    for (let pass = 0; pass < 30; pass++) {
      let moved = false;
      for (const row of list) {
        const terms = [...row.coef].map(([a, k]) => {
          const [lo, hi] = get(a);
          return { a, k, lo: Math.min(k * lo, k * hi), hi: Math.max(k * lo, k * hi) };
        });
        const sumLo = terms.reduce((s, t) => s + t.lo, 0);
        const sumHi = terms.reduce((s, t) => s + t.hi, 0);
        for (const t of terms) {
          // k * x = rhs - (the others), the others lying in [sumLo - t.lo, sumHi - t.hi].
          const othersLo = Number.isFinite(t.lo) ? sumLo - t.lo : sumOthers(terms, t, "lo");
          const othersHi = Number.isFinite(t.hi) ? sumHi - t.hi : sumOthers(terms, t, "hi");
          const a = (row.rhs - othersHi) / t.k;
          const b = (row.rhs - othersLo) / t.k;
          const [lo, hi] = get(t.a);
          const next: [number, number] = [Math.max(lo, Math.min(a, b)), Math.min(hi, Math.max(a, b))];
          if (next[0] > lo + EPSILON || next[1] < hi - EPSILON) {
            bounds.set(t.a, next);
            moved = true;
          }
        }
      }
      if (!moved) break;
    }
    const out: string[] = [];
    for (const [a, [lo, hi]] of bounds) {
      const [lo0, hi0] = this.facts.bounds(a);
      const floor = Math.min(MIN_WIDTH, hi0 - lo0);
      if (hi - lo < floor - EPSILON) out.push(a);
    }
    return out.sort();
  }

  /** The hidden atoms that publishing these forms would narrow too far (empty: safe to publish). */
  wouldReveal(forms: Form[]): string[] {
    return this.extend(forms).revealed;
  }

  /** Records forms as published (whether or not they reveal anything: constraints are facts). */
  accept(forms: Form[]): void {
    const { rows, revealed } = this.extend(forms);
    this.rows = rows;
    this.accepted.push(...forms);
    for (const a of revealed) this.known.add(a);
  }

  /** Publishes the forms if that narrows no hidden atom too far; true if published. */
  offer(forms: Form[]): boolean {
    // Figures made only of shown counts add no equation over hidden ones.
    if (forms.every((f) => this.restrict(f).coef.size === 0)) return true;
    const { rows, revealed } = this.extend(forms);
    if (revealed.length) return false;
    this.rows = rows;
    this.accepted.push(...forms);
    return true;
  }
}

/** The sum of the other terms' bounds when this term's own bound is infinite (so it cannot be subtracted out). */
function sumOthers(terms: { a: string; lo: number; hi: number }[], self: { a: string }, side: "lo" | "hi"): number {
  return terms.filter((t) => t !== self).reduce((s, t) => s + t[side], 0);
}

/** The sum of forms. */
export function sumForms(forms: Form[]): Form {
  const out = new Map<string, number>();
  for (const f of forms) for (const [a, c] of f) out.set(a, (out.get(a) ?? 0) + c);
  return out;
}

/** The value of a form from its atoms' values. */
export function formValue(form: Form, value: (atom: string) => number): number {
  let v = 0;
  for (const [a, c] of form) v += c * value(a);
  return v;
}
