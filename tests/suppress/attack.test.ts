// Tries to recover the example's suppressed figures from its public edition
// by subtraction, as a reader with a calculator would: every total shown
// (YTD, rolling 12 months, 12-month average of counts, a breakdown's total,
// a percentage's YTD numerator and denominator, an annual outturn that sums
// the year's months) minus the months or parts shown, alone and in pairs.
// This attacker is written independently of the planner's linear algebra.
// It runs with the settings the example publishes with (data/authority.yaml
// publicEdition: 11.1 and 11.1a exempt), with those and rounding to 5, and
// with the defaults.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { buildMonthModel, reportMonths } from "../../scripts/metrics/model.ts";
import { last12, monthRange, monthsOfYear, yearStart } from "../../scripts/metrics/months.ts";
import type { IndicatorResult, MonthModel } from "../../scripts/model/types.ts";
import { publicModels } from "../../scripts/suppress/apply.ts";
import { planSuppression, type SuppressionPlan } from "../../scripts/suppress/plan.ts";
import { DEFAULT_SUPPRESSION, type SuppressionSettings } from "../../scripts/suppress/settings.ts";
import { ROOT } from "../helpers/run.ts";

const { data } = loadValidData(path.join(ROOT, "data"));
const internal = reportMonths(data).map((m) => buildMonthModel(data, m));
const catalogue = new Map(data.indicators.map((i) => [i.ref, i]));

interface Total {
  report: string;
  ref: string;
  what: string;
  /** Months summed, each as a variable `month=value` (the same figure in two reports is one variable). */
  terms: string[];
}

function totalsOf(model: MonthModel, priv: MonthModel): { totals: Total[]; hidden: Set<string>; shown: Set<string> } {
  const totals: Total[] = [];
  const hidden = new Set<string>();
  const shown = new Set<string>();
  const privBy = new Map(priv.indicators.map((i) => [i.ref, i]));
  for (const ind of model.indicators) {
    if (ind.unit !== "count") continue;
    const p = privBy.get(ind.ref)!;
    const variable = (m: string) => {
      const v = p.series.find((s) => s.month === m)?.value;
      return v === null || v === undefined ? null : `${ind.ref}@${m}=${v}`;
    };
    for (const s of ind.series) {
      const v = variable(s.month);
      if (!v) continue;
      (s.withheld ? hidden : shown).add(v);
    }
    const window = (months: string[]) => months.map(variable).filter((v): v is string => v !== null);
    // An outturn of a flow counted over the reporting year, with every month on record, is the sum of those months.
    const source0 = catalogue.get(ind.ref)!;
    if (source0.kind === "flow" && source0.yearBasis === "reporting") {
      for (const a of ind.annual) {
        if (a.value === null) continue;
        const months = monthsOfYear(a.year, data.authority.yearStartMonth);
        const terms = window(months);
        if (terms.length === 12) totals.push({ report: model.month, ref: ind.ref, what: `annual ${a.year}`, terms });
      }
    }
    if (ind.ytd !== null) totals.push({ report: model.month, ref: ind.ref, what: "ytd", terms: window(monthRange(yearStart(model.month, data.authority.yearStartMonth), model.month)) });
    if (ind.rolling12 !== null) totals.push({ report: model.month, ref: ind.ref, what: "rolling12", terms: window(last12(model.month)) });
    if (ind.average12 !== null) totals.push({ report: model.month, ref: ind.ref, what: "average12", terms: window(last12(model.month)) });
    // A rolling indicator's own figures are totals of the count it sums.
    const source = data.indicators.find((i) => i.ref === ind.ref)?.compute;
    if (source && "rolling12" in source) {
      const base = privBy.get(source.rolling12)!;
      for (const s of ind.series) {
        if (s.value === null) continue;
        const terms = last12(s.month)
          .map((m) => base.series.find((x) => x.month === m))
          .filter((x) => x && x.value !== null)
          .map((x) => `${source.rolling12}@${x!.month}=${x!.value}`);
        totals.push({ report: model.month, ref: ind.ref, what: `rolling figure ${s.month}`, terms });
      }
    }
  }
  // Percentages: a month's `n of d` shows both counts, and the YTD's is the summed numerators over the summed denominators.
  for (const ind of model.indicators) {
    const c = catalogue.get(ind.ref)?.compute;
    if (!c || !("ratio" in c)) continue;
    const parts = [
      { ref: c.ratio.numerator, shown: ind.ytdNumerator },
      { ref: c.ratio.denominator, shown: ind.ytdDenominator },
    ];
    for (const { ref, shown: ytdShown } of parts) {
      const base = privBy.get(ref);
      if (!base || catalogue.get(ref)?.unit !== "count") continue;
      const variable = (m: string) => {
        const v = base.series.find((s) => s.month === m)?.value;
        return v === null || v === undefined ? null : `${ref}@${m}=${v}`;
      };
      for (const s of ind.series) {
        const part = ref === c.ratio.numerator ? s.numerator : s.denominator;
        const v = variable(s.month);
        if (part !== undefined && part !== null && v) shown.add(v);
      }
      if (ytdShown !== null && ytdShown !== undefined) {
        const terms = monthRange(yearStart(model.month, data.authority.yearStartMonth), model.month)
          .map(variable)
          .filter((v): v is string => v !== null);
        totals.push({ report: model.month, ref: ind.ref, what: `ytd ${ref === c.ratio.numerator ? "numerator" : "denominator"}`, terms });
      }
    }
  }
  // Breakdowns: the parts of a total add up to it, month by month.
  for (const total of data.indicators.filter((t) => data.indicators.some((i) => i.partOf === t.ref))) {
    const parts = data.indicators.filter((i) => i.partOf === total.ref);
    const t = model.indicators.find((i) => i.ref === total.ref)!;
    for (const s of t.series) {
      if (s.withheld || s.value === null) continue;
      const terms = parts.map((part) => {
        const v = privBy.get(part.ref)!.series.find((x) => x.month === s.month)?.value;
        return v === null || v === undefined ? null : `${part.ref}@${s.month}=${v}`;
      });
      if (terms.every((x) => x !== null)) totals.push({ report: model.month, ref: total.ref, what: `breakdown ${s.month}`, terms: terms as string[] });
    }
  }
  return { totals, hidden, shown };
}

function attack(name: string, settings: SuppressionSettings) {
  const plan = planSuppression(data, internal, settings);
  const pub = publicModels(internal, plan, data);
  describe(`the public edition of the example (${name}) cannot be undone by subtraction`, () => {
    attackWith(settings, plan, pub);
  });
}

function attackWith(settings: SuppressionSettings, plan: SuppressionPlan, pub: MonthModel[]) {
  const exempt = new Set(settings.exempt);
  const small = (v: number | null | undefined) => v !== null && v !== undefined && Math.round(v) >= 1 && Math.round(v) <= settings.threshold;
  {
  const all: Total[] = [];
  const hidden = new Set<string>();
  const shown = new Set<string>();
  pub.forEach((model, i) => {
    const r = totalsOf(model, internal[i]!);
    all.push(...r.totals);
    r.hidden.forEach((h) => hidden.add(h));
    r.shown.forEach((s) => shown.add(s));
  });

  it("suppresses some figures in the first place (the attack has something to find)", () => {
    expect(hidden.size).toBeGreaterThan(50);
    expect(all.length).toBeGreaterThan(500);
  });

  it("never shows a figure it also hides", () => {
    expect([...hidden].filter((h) => shown.has(h))).toEqual([]);
  });

  it("no single total leaves exactly one hidden figure", () => {
    const found = all.filter((t) => t.terms.filter((x) => hidden.has(x)).length === 1).map((t) => `${t.report} ${t.ref} ${t.what}`);
    expect(found).toEqual([]);
  });

  it("no difference of two totals leaves exactly one hidden figure", () => {
    const byRef = new Map<string, Total[]>();
    // Totals over the same count's months can be subtracted from each other.
    for (const t of all) {
      const key = t.terms[0]?.split("@")[0] ?? t.ref;
      byRef.set(key, [...(byRef.get(key) ?? []), t]);
    }
    const found: string[] = [];
    for (const list of byRef.values()) {
      for (let i = 0; i < list.length; i++) {
        const a = new Set(list[i]!.terms.filter((x) => hidden.has(x)));
        for (let j = i + 1; j < list.length; j++) {
          const b = new Set(list[j]!.terms.filter((x) => hidden.has(x)));
          const diff = [...a].filter((x) => !b.has(x)).concat([...b].filter((x) => !a.has(x)));
          if (diff.length === 1) found.push(`${list[i]!.report} ${list[i]!.ref} ${list[i]!.what} - ${list[j]!.report} ${list[j]!.what}: ${diff[0]}`);
        }
      }
    }
    expect(found.slice(0, 5)).toEqual([]);
  });

  it("does not suppress a count of 0 for being small", () => {
    const zeros = internal.flatMap((m, i) =>
      m.indicators.filter((r) => r.unit === "count" && r.value === 0).map((r) => [m.month, pub[i]!.indicators.find((x) => x.ref === r.ref)!] as const),
    );
    expect(zeros.length).toBeGreaterThan(0);
    for (const [month, p] of zeros) {
      const reason = plan.figures.find((f) => f.report === month && f.ref === p.ref && f.field === `cell:${month}`)?.reason;
      expect(reason, `${p.ref} ${month}`).not.toBe("primary");
      if (!reason) expect(p.value, `${p.ref} ${month}`).toBe(0);
    }
    expect(zeros.filter(([, p]) => p.value === 0).length).toBeGreaterThan(zeros.length / 2);
  });

  it(`withholds in the public model every count of 1 to ${settings.threshold} the internal model has, but for exempt indicators`, () => {
    const found: [IndicatorResult, IndicatorResult][] = [];
    internal.forEach((m, i) => {
      for (const r of m.indicators) if (r.unit === "count" && !exempt.has(r.ref) && small(r.value)) found.push([r, pub[i]!.indicators.find((x) => x.ref === r.ref)!]);
    });
    expect(found.length).toBeGreaterThan(10);
    for (const [r, p] of found) {
      expect(p.value, `${r.ref}`).toBeNull();
      expect(p.withheld?.fields).toContain("value");
    }
  });

  it("shows no small count as a month, a percentage's numerator, denominator or complement, a YTD's, an annual outturn or a term (exempt indicators aside)", () => {
    const found: string[] = [];
    internal.forEach((m, n) => {
      const out = new Map(pub[n]!.indicators.map((i) => [i.ref, i]));
      for (const r of m.indicators) {
        if (exempt.has(r.ref)) continue;
        const p = out.get(r.ref)!;
        const parts = (what: string, v: number | null, num: number | null | undefined, den: number | null | undefined) => {
          if (v === null) return;
          if (r.unit === "count" && small(v)) found.push(`${m.month} ${r.ref} ${what} = ${v}`);
          if (num !== null && num !== undefined && den !== null && den !== undefined && (small(num) || small(den) || small(den - num))) found.push(`${m.month} ${r.ref} ${what} = ${num} of ${den}`);
        };
        for (const s of r.series) if (!p.series.find((x) => x.month === s.month)?.withheld) parts(`month ${s.month}`, s.value, s.numerator, s.denominator);
        if (p.ytd !== null) parts("ytd", r.ytd, r.ytdNumerator, r.ytdDenominator);
        for (const a of r.annual) if (!p.annual.find((x) => x.year === a.year)?.withheld) parts(`annual ${a.year}`, a.value, a.numerator, a.denominator);
        for (const t of r.terms) if (!p.terms.find((x) => x.label === t.label)?.withheld && r.unit === "count" && small(t.value)) found.push(`${m.month} ${r.ref} term ${t.label} = ${t.value}`);
      }
    });
    expect(found.slice(0, 10)).toEqual([]);
  });

  it("has annual outturns and percentage YTDs to attack", () => {
    // The example's outturns come from outturn files (no year has all twelve months on record): each is checked as a count of its own.
    expect(pub.flatMap((m) => m.indicators.filter((i) => i.unit === "count").flatMap((i) => i.annual.filter((a) => a.value !== null))).length).toBeGreaterThan(100);
    expect(pub.some((m) => m.indicators.some((i) => i.annual.some((a) => a.withheld)))).toBe(true);
    expect(all.filter((t) => t.what.startsWith("ytd n")).length).toBeGreaterThan(10);
    // The example's termly figures are percentages without counts: the term check above has nothing to find in it.
  });

  if (settings.rounding) {
    it(`rounds every count it shows to the nearest ${settings.rounding}`, () => {
      for (const m of pub) for (const i of m.indicators) if (i.unit === "count") for (const v of [i.value, i.ytd, ...i.series.map((p) => p.value), ...i.annual.map((a) => a.value)]) if (v !== null) expect(v % settings.rounding, `${m.month} ${i.ref} ${v}`).toBe(0);
    });
  }
  }
}

const example = data.authority.publicEdition;
attack("its own settings", example);
attack("its own settings, rounding to 5", { ...example, rounding: 5 });
attack("the defaults", DEFAULT_SUPPRESSION);
