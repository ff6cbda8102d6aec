// Tries to recover the example's suppressed figures from its public edition
// by subtraction, as a reader with a calculator would: every total shown
// (YTD, rolling 12 months, 12-month average of counts, a breakdown's total)
// minus the months or parts shown, alone and in pairs. This attacker is
// written independently of the planner's linear algebra.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { buildMonthModel, reportMonths } from "../../scripts/metrics/model.ts";
import { last12, monthRange, yearStart } from "../../scripts/metrics/months.ts";
import type { IndicatorResult, MonthModel } from "../../scripts/model/types.ts";
import { publicModels } from "../../scripts/suppress/apply.ts";
import { planSuppression } from "../../scripts/suppress/plan.ts";
import { DEFAULT_SUPPRESSION } from "../../scripts/suppress/settings.ts";
import { ROOT } from "../helpers/run.ts";

const { data } = loadValidData(path.join(ROOT, "data"));
const internal = reportMonths(data).map((m) => buildMonthModel(data, m));
const plan = planSuppression(data, internal, DEFAULT_SUPPRESSION);
const pub = publicModels(internal, plan, data);

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

describe("the public edition of the example cannot be undone by subtraction", () => {
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

  it("withholds in the public model every count of 1 to 5 the internal model has", () => {
    const small: [IndicatorResult, IndicatorResult][] = [];
    internal.forEach((m, i) => {
      for (const r of m.indicators) if (r.unit === "count" && r.value !== null && r.value >= 1 && r.value <= 5) small.push([r, pub[i]!.indicators.find((x) => x.ref === r.ref)!]);
    });
    expect(small.length).toBeGreaterThan(10);
    for (const [r, p] of small) {
      expect(p.value, `${r.ref}`).toBeNull();
      expect(p.withheld?.fields).toContain("value");
    }
  });
});
