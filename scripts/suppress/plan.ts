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
import { formValue, LinearAudit, sumForms, type AtomFacts, type Form } from "./linearAudit.ts";
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
    if (!a) audits.set(g, (a = new LinearAudit(facts)));
    return a;
  };
  const atomReason = new Map<string, SuppressionReason>();
  const atomsByKey = new Map<string, Atom>();
  // What a reader knows of a withheld count: a small one lies between 1 (0 if zeros are withheld too) and the threshold.
  const facts: AtomFacts = {
    value: (a) => atomsByKey.get(a)!.value,
    bounds: (a) => (atomReason.get(a) === "primary" ? [settings.suppressZero ? 0 : 1, settings.threshold] : [0, Infinity]),
  };
  const valueOf = (a: string) => atomsByKey.get(a)!.value;
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
    // A total is a count too: a YTD of 4 children is as small as a month's 4.
    if (forms.some((f) => f.size > 1 && isSmallCount(formValue(f, valueOf), settings) && [...f.keys()].some((a) => !exempt.has(atomsByKey.get(a)!.ref)))) return false;
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

    // 2. Breakdowns: parts sum to their total, a fact whoever reads the report knows; and a percentage
    // worked out from two counts counts those who did not too (denominator - numerator).
    interface Constraint {
      totalRef: string;
      total: Form;
      parts: { ref: string; form: Form }[];
      month: Month;
      form: Form;
    }
    const constraints: Constraint[] = [];
    const addConstraint = (totalRef: string, total: Form, parts: { ref: string; form: Form }[], month: Month) =>
      constraints.push({ totalRef, total, parts, month, form: sumForms([...parts.map((p) => p.form), new Map([...total].map(([a, c]) => [a, -c]))]) });
    for (const b of breakdowns) {
      for (const m of months) {
        const total = builder.cell(b.total, m)?.[0];
        const parts = b.parts.map((p) => ({ ref: p, form: builder.cell(p, m)?.[0] }));
        if (!total || parts.some((p) => !p.form)) continue;
        addConstraint(b.total, total, parts as { ref: string; form: Form }[], m);
      }
    }
    for (const ind of indicators) {
      const c = ind.compute;
      if (!c || !("ratio" in c) || exempt.has(ind.ref)) continue;
      for (const m of months) {
        const n = builder.cell(c.ratio.numerator, m)?.[0];
        const d = builder.cell(c.ratio.denominator, m)?.[0];
        if (!n || !d || n.size !== 1 || d.size !== 1) continue;
        const rest = formValue(d, valueOf) - formValue(n, valueOf);
        if (!isSmallCount(rest, settings)) continue;
        addConstraint(c.ratio.denominator, d, [{ ref: c.ratio.numerator, form: n }, { ref: ind.ref, form: builder.atom(ind.ref, "complement", m, rest) }], m);
      }
    }
    // Hide one more cell at a time, until the constraints of each group together narrow no hidden count too far.
    const byGroup = new Map<string, Constraint[]>();
    for (const k of constraints) {
      const g = groupOf.get(k.totalRef) ?? k.totalRef;
      byGroup.set(g, [...(byGroup.get(g) ?? []), k]);
    }
    for (const list of byGroup.values()) {
      const audit = auditFor(list[0]!.totalRef);
      const forms = list.map((k) => k.form);
      for (let revealed = audit.wouldReveal(forms); revealed.length; revealed = audit.wouldReveal(forms)) {
        // The smallest part of a constraint holding a narrowed count that is still shown and unpublished; else its total.
        const rank = (v: number) => (v === 0 ? Number.MAX_SAFE_INTEGER : v); // a zero is a poor complement (readers guess it)
        let pick: { atom: string } | undefined;
        for (const k of list.filter((k) => revealed.some((a) => k.form.has(a)))) {
          const candidates = [...k.parts, { ref: k.totalRef, form: k.total }]
            .filter((p) => p.form.size === 1)
            .map((p) => ({ ref: p.ref, atom: [...p.form.keys()][0]!, isTotal: p.ref === k.totalRef ? 1 : 0 }))
            .filter((p) => !audit.isHidden(p.atom) && !seen.has(p.atom));
          candidates.sort(
            (x, y) => x.isTotal - y.isTotal || rank(atomsByKey.get(x.atom)!.value) - rank(atomsByKey.get(y.atom)!.value) || (order.get(x.ref) ?? 0) - (order.get(y.ref) ?? 0),
          );
          if ((pick = candidates[0])) break;
        }
        if (!pick) {
          unprotected.push(`report ${model.month}: ${revealed.map((a) => `${atomsByKey.get(a)!.ref} ${atomsByKey.get(a)!.period}`).join(", ")}`);
          break;
        }
        audit.hide(pick.atom);
        atomReason.set(pick.atom, "secondary");
      }
      audit.accept(forms);
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
          const n = builder.atom(ind.ref, "numerator", a.year, a.numerator);
          slots = [n, sumForms([n, builder.atom(ind.ref, "complement", a.year, a.denominator - a.numerator)])];
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
