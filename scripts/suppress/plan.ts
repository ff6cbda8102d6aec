// Decides which figures the public edition withholds, over every report
// month at once (each month's report stays published, so a figure shown in
// one month's report and hidden in another's would be no protection).
//
// The rules, in the order they are applied, month by month from the oldest:
// 1. Primary: every count of children from 1 to the threshold (and 0 if the
//    settings say so) is suppressed, and every figure of a withheld
//    indicator; exempt indicators never are. A percentage whose numerator or
//    denominator is such a count, a rate per 10,000 that stands for one
//    (rate x population / 10,000), and a percentage of a count
//    (`percentageOf`) whose implied numerator is one, are suppressed with it.
// 2. Secondary, in breakdowns (`partOf`): where a total and all but one of
//    its parts would be shown, the smallest other non-zero part is suppressed
//    too (on a tie, the first in catalogue order; a zero only if no other
//    part can be); if no part can be, the total.
// 3. Derived figures, each offered in a fixed order (indicator order; the
//    month's figures, then YTD, rolling 12 months, 12-month average and
//    maximum, annual outturns, terms) and shown only if no suppressed count
//    could then be worked out by subtraction from everything already shown
//    (an exact linear audit; see linearAudit.ts). A change, direction of
//    travel, RAG rating, benchmark position or SPC chart is shown only when
//    every figure it is worked out from is.
import type { Authority, DataSet, Indicator, IndicatorResult, Month, MonthModel } from "../model/types.ts";
import { last12, monthRange, monthsOfYear, yearStart } from "../metrics/months.ts";
import { LinearAudit, sumForms, type Form } from "./linearAudit.ts";
import { FormBuilder, type Atom, type Slots } from "./forms.ts";
import { isSmallCount, type SuppressionSettings } from "./settings.ts";

/** A figure of a report: `cell:YYYY-MM`, `ytd`, `rolling12`, `average12`, `max12`, `annual:YYYY/YY`, `term:<label>`. */
export type FieldKey = string;

export interface Breakdown {
  total: string;
  parts: string[];
}

export type SuppressionReason = "primary" | "withheld" | "secondary" | "derived";

export interface SuppressedFigure {
  /** The report it is withheld from. */
  report: Month;
  ref: string;
  field: FieldKey;
  value: number;
  reason: SuppressionReason;
}

export interface SuppressionPlan {
  settings: SuppressionSettings;
  /** True if `field` of `ref` in the report of `report` is withheld. */
  hidden(report: Month, ref: string, field: FieldKey): boolean;
  /** Every withheld figure that has a value in the internal model. */
  figures: SuppressedFigure[];
  /** Counts suppressed in their own right or as a complement (the atoms), for reports. */
  atoms: { atom: Atom; reason: SuppressionReason }[];
  /** Breakdowns where no further cell could be suppressed (already published). */
  unprotected: string[];
  /** True if the figure `value` of `ref` for `month` was withheld in a report (restatement tables show old figures). */
  hiddenFigure(ref: string, month: Month, value: number): boolean;
}

export function breakdownsOf(indicators: Indicator[]): Breakdown[] {
  const out = new Map<string, string[]>();
  for (const ind of indicators) {
    if (!ind.partOf) continue;
    out.set(ind.partOf, [...(out.get(ind.partOf) ?? []), ind.ref]);
  }
  return [...out].map(([total, parts]) => ({ total, parts }));
}

/** Indicators linked by computation, percentage bases or breakdowns share an audit. */
function groups(indicators: Indicator[], breakdowns: Breakdown[]): Map<string, string> {
  const parent = new Map(indicators.map((i) => [i.ref, i.ref]));
  const find = (r: string): string => {
    let p = parent.get(r) ?? r;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p)!;
    parent.set(r, p);
    return p;
  };
  const join = (a: string, b: string) => {
    if (!parent.has(a) || !parent.has(b)) return;
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  for (const ind of indicators) {
    const c = ind.compute;
    if (c && "ratio" in c) {
      join(ind.ref, c.ratio.numerator);
      join(ind.ref, c.ratio.denominator);
    } else if (c && "rate" in c) join(ind.ref, c.rate);
    else if (c && "rolling12" in c) join(ind.ref, c.rolling12);
    if (ind.percentageOf) join(ind.ref, ind.percentageOf);
  }
  for (const b of breakdowns) for (const p of b.parts) join(b.total, p);
  return new Map(indicators.map((i) => [i.ref, find(i.ref)]));
}

export function planSuppression(
  data: Pick<DataSet, "indicators"> & { authority: Pick<Authority, "population" | "yearStartMonth"> },
  models: MonthModel[],
  settings: SuppressionSettings,
): SuppressionPlan {
  const indicators = data.indicators;
  const order = new Map(indicators.map((i, n) => [i.ref, n]));
  const exempt = new Set(settings.exempt);
  const withhold = new Set(settings.withhold);
  const breakdowns = breakdownsOf(indicators);
  const groupOf = groups(indicators, breakdowns);
  const audits = new Map<string, LinearAudit>();
  const auditFor = (ref: string) => {
    const g = groupOf.get(ref) ?? ref;
    let a = audits.get(g);
    if (!a) audits.set(g, (a = new LinearAudit()));
    return a;
  };
  const atomReason = new Map<string, SuppressionReason>();
  const atomsByKey = new Map<string, Atom>();
  /** Atoms some published form mentions: these can no longer be hidden. */
  const seen = new Set<string>();

  const builder = new FormBuilder(indicators, data.authority, (atom) => {
    atomsByKey.set(atom.key, atom);
    let reason: SuppressionReason | null = null;
    if (withhold.has(atom.ref)) reason = "withheld";
    else if (!exempt.has(atom.ref) && isSmallCount(atom.value, settings)) reason = "primary";
    if (reason) {
      atomReason.set(atom.key, reason);
      auditFor(atom.ref).hide(atom.key);
    }
  });

  const hiddenFields = new Map<string, { value: number; reason: SuppressionReason }>();
  const hiddenFigures = new Set<string>();
  const key = (report: Month, ref: string, field: FieldKey) => `${report}\u0000${ref}\u0000${field}`;
  const unprotected: string[] = [];

  // The same figure is offered again by every later report. Accepted stays accepted (its equations are
  // already in the span) and rejected stays rejected (a larger span reveals at least as much), so each
  // distinct set of forms is decided once.
  const decided = new Map<string, boolean>();
  const publish = (ref: string, forms: Form[]): boolean => {
    const audit = auditFor(ref);
    if (!forms.some((f) => [...f.keys()].some((a) => audit.isHidden(a)))) {
      for (const f of forms) for (const a of f.keys()) seen.add(a);
      return true;
    }
    const signature = `${groupOf.get(ref) ?? ref}\u0001${forms.map((f) => [...f].map(([a, c]) => `${a}\u0002${c}`).sort().join("\u0003")).join("\u0004")}`;
    const known = decided.get(signature);
    if (known !== undefined) return known;
    const ok = audit.offer(forms);
    if (ok) for (const f of forms) for (const a of f.keys()) seen.add(a);
    decided.set(signature, ok);
    return ok;
  };
  const reasonOf = (forms: Form[]): SuppressionReason => {
    const atoms = forms.flatMap((f) => [...f.keys()]);
    if (forms.length === 1 && atoms.length === 1) return atomReason.get(atoms[0]!) ?? "derived";
    if (atoms.some((a) => atomReason.get(a) === "withheld")) return "withheld";
    return "derived";
  };

  for (const model of [...models].sort((a, b) => a.month.localeCompare(b.month))) {
    builder.useModel(model);
    const results = new Map(model.indicators.map((r) => [r.ref, r]));
    const months = [...new Set(model.indicators.flatMap((r) => r.series.map((p) => p.month)))].sort();
    const hide = (ref: string, field: FieldKey, value: number | null, reason: SuppressionReason) => {
      if (value !== null) hiddenFields.set(key(model.month, ref, field), { value, reason });
    };

    // 2. Breakdowns: parts sum to their total, a fact whoever reads the report knows.
    for (const b of breakdowns) {
      for (const m of months) {
        const total = builder.cell(b.total, m)?.[0];
        const parts = b.parts.map((p) => ({ ref: p, form: builder.cell(p, m)?.[0] }));
        if (!total || parts.some((p) => !p.form)) continue;
        const constraint = sumForms([...parts.map((p) => p.form!), new Map([...total].map(([a, c]) => [a, -c]))]);
        const audit = auditFor(b.total);
        while (audit.wouldReveal([constraint]).length) {
          // The smallest part that is still unpublished and shown; else the total.
          const candidates = [...parts.map((p) => ({ ref: p.ref, form: p.form! })), { ref: b.total, form: total }]
            .filter((p) => p.form.size === 1)
            .map((p) => ({ ref: p.ref, atom: [...p.form.keys()][0]! }))
            .filter((p) => !audit.isHidden(p.atom) && !seen.has(p.atom));
          const isTotal = (r: string) => (r === b.total ? 1 : 0);
          // A zero is a poor complement (readers guess it), so zeros come last.
          const rank = (v: number) => (v === 0 ? Number.MAX_SAFE_INTEGER : v);
          candidates.sort(
            (x, y) =>
              isTotal(x.ref) - isTotal(y.ref) || rank(atomsByKey.get(x.atom)!.value) - rank(atomsByKey.get(y.atom)!.value) || order.get(x.ref)! - order.get(y.ref)!,
          );
          const pick = candidates[0];
          if (!pick) {
            unprotected.push(`${b.total} ${m} (report ${model.month})`);
            break;
          }
          audit.hide(pick.atom);
          atomReason.set(pick.atom, "secondary");
        }
        audit.accept([constraint]);
      }
    }

    // 3. The report's figures, indicator by indicator.
    for (const ind of indicators) {
      const r = results.get(ind.ref);
      if (!r) continue;
      const hiddenMonths = new Set<Month>();
      for (const p of r.series) {
        if (p.value === null) continue;
        const slots = builder.cell(ind.ref, p.month) ?? [];
        if (withhold.has(ind.ref) || !publish(ind.ref, slots)) {
          hiddenMonths.add(p.month);
          hiddenFigures.add(`${ind.ref}\u0000${p.month}\u0000${p.value}`);
          hide(ind.ref, `cell:${p.month}`, p.value, withhold.has(ind.ref) ? "withheld" : reasonOf(slots));
        }
      }
      offerTotals(r, ind, model, hiddenMonths);
    }

    function offerTotals(r: IndicatorResult, ind: Indicator, model: MonthModel, hiddenMonths: Set<Month>) {
      const valueAt = new Map(r.series.map((p) => [p.month, p.value]));
      const has = (m: Month) => (valueAt.get(m) ?? null) !== null;
      const offer = (field: FieldKey, value: number | null, slots: Slots, dependsOn: Month[]) => {
        if (value === null) return;
        if (withhold.has(ind.ref)) return hide(ind.ref, field, value, "withheld");
        // A total of figures that reveal no count (percentages without a base) is hidden only with them.
        if (slots.length === 0) {
          if (dependsOn.some((m) => hiddenMonths.has(m))) hide(ind.ref, field, value, "derived");
          return;
        }
        if (!publish(ind.ref, slots)) hide(ind.ref, field, value, reasonOf(slots));
      };
      const window = last12(model.month).filter(has);
      const ytdMonths = monthRange(yearStart(model.month, data.authority.yearStartMonth), model.month);
      offer("ytd", r.ytd, builder.total(ind.ref, ytdMonths), ytdMonths);
      offer("rolling12", r.rolling12, builder.total(ind.ref, window), window);
      // A mean of counts is their total over a known number of months; a mean of percentages or rates is not linear.
      offer("average12", r.average12, ind.unit === "count" ? builder.total(ind.ref, window) : [], window);
      if (r.max12 !== null) {
        const shown = window.filter((m) => !hiddenMonths.has(m)).map((m) => valueAt.get(m)!);
        const hiddenValues = window.filter((m) => hiddenMonths.has(m)).map((m) => valueAt.get(m)!);
        // The maximum reveals nothing when a shown month holds it.
        if (withhold.has(ind.ref)) hide(ind.ref, "max12", r.max12, "withheld");
        else if (hiddenValues.length && (shown.length === 0 || Math.max(...shown) < Math.max(...hiddenValues))) hide(ind.ref, "max12", r.max12, "derived");
      }
      for (const a of r.annual) {
        if (a.value === null) continue;
        const yearMonths = monthsOfYear(a.year, data.authority.yearStartMonth);
        let slots: Slots;
        if (ind.yearBasis === "reporting" && yearMonths.every(has)) {
          slots = ind.kind === "flow" ? builder.total(ind.ref, yearMonths) : (builder.cell(ind.ref, yearMonths[11]!) ?? []);
        } else if (ind.unit === "count") slots = [builder.atom(ind.ref, "count", a.year, a.value)];
        else if (a.numerator !== undefined && a.denominator !== undefined) {
          slots = [builder.atom(ind.ref, "numerator", a.year, a.numerator), builder.atom(ind.ref, "denominator", a.year, a.denominator)];
        } else slots = [];
        offer(`annual:${a.year}`, a.value, slots, []);
      }
      for (const t of r.terms) {
        if (t.value === null) continue;
        offer(`term:${t.label}`, t.value, ind.unit === "count" ? [builder.atom(ind.ref, "count", t.label, t.value)] : [], []);
      }
    }
  }

  const figures: SuppressedFigure[] = [...hiddenFields].map(([k, v]) => {
    const [report, ref, field] = k.split("\u0000") as [Month, string, FieldKey];
    return { report, ref, field, value: v.value, reason: v.reason };
  });
  return {
    settings,
    hidden: (report, ref, field) => hiddenFields.has(key(report, ref, field)),
    figures,
    atoms: [...atomReason].map(([k, reason]) => ({ atom: atomsByKey.get(k)!, reason })),
    unprotected,
    hiddenFigure: (ref, month, value) => hiddenFigures.has(`${ref}\u0000${month}\u0000${value}`),
  };
}
