// The figures as they were known at a report month: each month's own file,
// then the restatements of earlier months made by files up to that month.
// A report for an earlier month therefore shows what was published then.
import type { DataSet, Figure, Month, Restatement } from "../model/types.ts";

export interface Vintage {
  /** The report month. */
  asOf: Month;
  /** Months with a data file, up to the report month, oldest first. */
  months: Month[];
  /** ref -> month -> figure (null: marked "no value"). */
  entered: Map<string, Map<Month, Figure | null>>;
  /** Every restatement made by a file up to the report month, in file order. */
  restatements: Restatement[];
  /** ref -> month -> words printed in place of a missing figure ("tbc"). */
  notes: Map<string, Map<Month, string>>;
}

function sameFigure(a: Figure | null | undefined, b: Figure | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.value === b.value && a.numerator === b.numerator && a.denominator === b.denominator;
}

export function vintageAt(data: DataSet, asOf: Month): Vintage {
  const files = data.months.filter((m) => m.month <= asOf);
  const entered = new Map<string, Map<Month, Figure | null>>();
  const put = (ref: string, month: Month, figure: Figure | null) => {
    let series = entered.get(ref);
    if (!series) entered.set(ref, (series = new Map()));
    series.set(month, figure);
  };
  const restatements: Restatement[] = [];
  const notes = new Map<string, Map<Month, string>>();
  const note = (e: { ref: string; month: Month; note?: string }) => {
    if (e.note) {
      if (!notes.has(e.ref)) notes.set(e.ref, new Map());
      notes.get(e.ref)!.set(e.month, e.note);
    } else notes.get(e.ref)?.delete(e.month);
  };
  for (const file of files) {
    for (const e of file.values) {
      put(e.ref, e.month, e.figure);
      note(e);
    }
    for (const e of file.restated) {
      const before = entered.get(e.ref)?.get(e.month);
      if (!sameFigure(before, e.figure)) {
        restatements.push({
          ref: e.ref,
          month: e.month,
          published: before?.value ?? null,
          restated: e.figure?.value ?? null,
          in: file.month,
        });
      }
      put(e.ref, e.month, e.figure);
      note(e);
    }
  }
  return { asOf, months: files.map((f) => f.month), entered, restatements, notes };
}
