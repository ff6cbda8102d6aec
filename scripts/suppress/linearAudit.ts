// Can a hidden figure be worked out from what is published? Every published
// total is a linear equation over the underlying counts (a YTD is the sum of
// its months; a breakdown's parts sum to its total). A hidden count can be
// recovered by subtraction exactly when its unit vector lies in the span of
// the published equations, restricted to the hidden counts (the shown ones
// are known constants). The audit keeps those equations in reduced row
// echelon form, so the question is answered as each total is offered.

/** A linear form: atom key -> coefficient. */
export type Form = ReadonlyMap<string, number>;

const EPSILON = 1e-9;

type Row = Map<string, number>;

export class LinearAudit {
  /** Rows in reduced row echelon form, keyed by their pivot atom. */
  private rows = new Map<string, Row>();
  private readonly hidden: Set<string>;

  constructor(hidden: Iterable<string> = []) {
    this.hidden = new Set(hidden);
  }

  isHidden(atom: string): boolean {
    return this.hidden.has(atom);
  }

  /**
   * Hides one more atom. Only atoms that no accepted equation mentions may be
   * hidden later (an equation accepted while the atom was known was reduced
   * without it).
   */
  hide(atom: string): void {
    this.hidden.add(atom);
  }

  /** The part of a form over hidden atoms. */
  private restrict(form: Form): Row {
    const row: Row = new Map();
    for (const [atom, c] of form) if (this.hidden.has(atom) && Math.abs(c) > EPSILON) row.set(atom, (row.get(atom) ?? 0) + c);
    return row;
  }

  private reduce(row: Row, rows: Map<string, Row>): Row {
    const out = new Map(row);
    for (const [atom, c] of [...out]) {
      const pivotRow = rows.get(atom);
      if (!pivotRow || !out.has(atom)) continue;
      const k = out.get(atom) ?? c;
      for (const [a, v] of pivotRow) {
        const next = (out.get(a) ?? 0) - k * v;
        if (Math.abs(next) < EPSILON) out.delete(a);
        else out.set(a, next);
      }
    }
    return out;
  }

  /** Adds the forms to a copy of `rows`; returns the new rows and the atoms now determined. */
  private extend(forms: Form[]): { rows: Map<string, Row>; determined: string[] } {
    const rows = new Map([...this.rows].map(([k, r]) => [k, new Map(r)]));
    const touched = new Set<string>();
    for (const form of forms) {
      const r = this.reduce(this.restrict(form), rows);
      if (r.size === 0) continue;
      // Pivot: the first atom in key order, so the result does not depend on Map insertion order.
      const pivot = [...r.keys()].sort()[0]!;
      const scale = r.get(pivot)!;
      for (const [a, v] of r) r.set(a, v / scale);
      for (const [p, other] of rows) {
        const k = other.get(pivot);
        if (k === undefined) continue;
        for (const [a, v] of r) {
          const next = (other.get(a) ?? 0) - k * v;
          if (Math.abs(next) < EPSILON) other.delete(a);
          else other.set(a, next);
        }
        touched.add(p);
      }
      rows.set(pivot, r);
      touched.add(pivot);
    }
    const determined = [...touched].filter((p) => rows.get(p)?.size === 1);
    return { rows, determined };
  }

  /** The hidden atoms that publishing these forms would reveal (empty: safe to publish). */
  wouldReveal(forms: Form[]): string[] {
    return this.extend(forms).determined;
  }

  /** Records forms as published (whether or not they reveal anything: constraints are facts). */
  accept(forms: Form[]): void {
    this.rows = this.extend(forms).rows;
  }

  /** Publishes the forms if that reveals no hidden atom; true if published. */
  offer(forms: Form[]): boolean {
    // Figures made only of shown counts add no equation over hidden ones.
    if (forms.every((f) => this.restrict(f).size === 0)) return true;
    const { rows, determined } = this.extend(forms);
    if (determined.length) return false;
    this.rows = rows;
    return true;
  }

  /** Hidden atoms already determined by the accepted equations. */
  revealed(): string[] {
    return [...this.rows].filter(([, r]) => r.size === 1).map(([p]) => p);
  }
}

/** The sum of forms. */
export function sumForms(forms: Form[]): Form {
  const out = new Map<string, number>();
  for (const f of forms) for (const [a, c] of f) out.set(a, (out.get(a) ?? 0) + c);
  return out;
}
