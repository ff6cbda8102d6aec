// Every drafted sentence of the example is true of the model: each is matched
// to the claim it makes, and the claim is recomputed here from the model's
// figures. A sentence that matches no known claim fails the test.
import { beforeAll, describe, expect, it } from "vitest";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { buildMonthModel } from "../../scripts/metrics/model.ts";
import { formatChange, formatValue } from "../../scripts/format/number.ts";
import { toleranceColumns } from "../../scripts/format/target.ts";
import { longMonth } from "../../scripts/metrics/months.ts";
import type { DataSet, IndicatorResult, MonthModel } from "../../scripts/model/types.ts";

let data: DataSet;
let models: MonthModel[];
beforeAll(() => {
  ({ data } = loadValidData("data"));
  models = data.months.map((m) => buildMonthModel(data, m.month));
});

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Checks one sentence; returns the claim kind it made, or throws with what is false. */
function verify(s: string, ind: IndicatorResult, month: string): string {
  const fmt = (v: number | null) => formatValue(v, ind.unit, ind.decimals);
  const when = longMonth(month);
  const points = ind.series.filter((p) => p.value !== null && p.month <= month) as { month: string; value: number }[];
  const checkExtreme = (clause: string | undefined) => {
    if (!clause) return;
    const current = points.at(-1)!;
    const earlier = points.slice(0, -1);
    let m = /^the (highest|lowest) since (\w+ \d{4})$/.exec(clause);
    if (m) {
      const beats = (v: number) => (m![1] === "highest" ? current.value > v : current.value < v);
      const idx = earlier.findIndex((p) => longMonth(p.month) === m![2]);
      expect(idx, clause).toBeGreaterThanOrEqual(0);
      expect(beats(earlier[idx]!.value), `${clause}: ${m[2]} is not beaten`).toBe(false);
      for (const p of earlier.slice(idx + 1)) expect(beats(p.value), `${clause}: beats ${p.month}`).toBe(true);
      expect(earlier.length - idx, "the comparison reaches back at least three months").toBeGreaterThanOrEqual(3);
      return;
    }
    m = /^the (highest|lowest) in the (\d+) months on record$/.exec(clause);
    expect(m, clause).not.toBeNull();
    expect(Number(m![2])).toBe(points.length);
    for (const p of earlier) expect(m![1] === "highest" ? current.value > p.value : current.value < p.value, clause).toBe(true);
  };

  let m = new RegExp(`^(.+) (rose|fell) (?:by less than 1%|(\\d[\\d,]*)%) to (.+) in ${esc(when)}(?:, (.+))?\\.$`).exec(s);
  if (m) {
    expect(ind.unit).not.toBe("percentage");
    expect(m[2]).toBe(ind.value! > ind.previous! ? "rose" : "fell");
    expect(m[3] === undefined ? "0%" : `${m[3]}%`).toBe(formatChange(ind.changeFromPrevious).replace(/^[+−]/, ""));
    expect(m[4]).toBe(fmt(ind.value));
    checkExtreme(m[5]);
    return "movement";
  }
  m = new RegExp(`^(.+) (rose|fell) from (.+) to (.+?) in ${esc(when)}(?:, (.+))?\\.$`).exec(s);
  if (m) {
    expect(m[2]).toBe(ind.value! > ind.previous! ? "rose" : "fell");
    expect([m[3], m[4]]).toEqual([fmt(ind.previous), fmt(ind.value)]);
    checkExtreme(m[5]);
    return "movement";
  }
  m = new RegExp(`^(.+) stayed at (.+?) in ${esc(when)}(?:, (.+))?\\.$`).exec(s);
  if (m) {
    expect(ind.value).toBe(ind.previous);
    expect(m[2]).toBe(fmt(ind.value));
    checkExtreme(m[3]);
    return "movement";
  }
  m = new RegExp(`^(.+) was (.+?) in ${esc(when)}(?:, (.+))?\\.$`).exec(s);
  if (m) {
    expect(ind.previous).toBeNull();
    expect(m[2]).toBe(fmt(ind.value));
    checkExtreme(m[3]);
    return "movement";
  }
  m = /^It is (red|amber|green) against the target \(green: (.+)\)\.$/.exec(s);
  if (m) {
    expect(m[1]).toBe(ind.rag);
    expect(m[2]).toBe(toleranceColumns(ind.target!, ind.unit, ind.decimals).green);
    return "target";
  }
  m = /^It (?:is|has been) (above|below) the (.+) \((.+), (.+)\)(?: for (\d+) months running)?\.$/.exec(s);
  if (m) {
    const key = (["statNeighbour", "england"] as const).find((k) => ind.benchmarks?.values[k] !== undefined)!;
    const bm = ind.benchmarks!.values[key]!;
    expect(m[2]!.toLowerCase()).toBe(data.authority.benchmarks.labels[key].toLowerCase());
    expect([m[3], m[4]]).toEqual([fmt(bm), ind.benchmarks!.year]);
    // recompute the run of months on the same side, to the report month
    const values = ind.series.map((p) => p.value);
    let run = 0;
    for (let i = values.length - 1; i >= 0; i--) {
      const v = values[i];
      if (v === null || v === undefined || (m[1] === "above" ? !(v > bm) : !(v < bm))) break;
      run++;
    }
    expect(run).toBeGreaterThanOrEqual(1);
    expect(Number(m[5] ?? 1)).toBe(run);
    return "benchmark";
  }
  m = /^Its variation is common cause: within the process limits of (.+) to (.+?)( \(trial limits\))?\.$/.exec(s);
  if (m) {
    expect(ind.spc!.points.at(-1)!.special).toBeNull();
    expect([m[1], m[2]]).toEqual([fmt(ind.spc!.lpl), fmt(ind.spc!.upl)]);
    expect(Boolean(m[3])).toBe(ind.spc!.trial);
    return "spc";
  }
  m = /^The latest figure shows special cause (improvement|concern|variation) \((.+)\), against process limits of (.+) to (.+?)( \(trial limits\))?\.$/.exec(s);
  if (m) {
    const last = ind.spc!.points.at(-1)!;
    expect(m[1]).toBe(last.special === "neutral" ? "variation" : last.special);
    expect(m[2]).toBe({ "outside limits": "outside the process limits", trend: "a trend", "two in three": "two of three points near a process limit", shift: "a shift" }[last.rule!]);
    expect([m[3], m[4]]).toEqual([fmt(ind.spc!.lpl), fmt(ind.spc!.upl)]);
    // and the point really is beyond a limit when that is the rule
    if (last.rule === "outside limits") expect(last.value > ind.spc!.upl || last.value < ind.spc!.lpl).toBe(true);
    return "spc";
  }
  const assurance: Record<string, string> = {
    "The target lies outside the process limits on the good side, so the process consistently meets it.": "consistently-pass",
    "The target lies outside the process limits on the bad side, so the process consistently misses it.": "consistently-fail",
    "The target lies within the process limits, so the process meets it in some months and misses it in others.": "inconsistent",
  };
  if (assurance[s]) {
    expect(ind.spc!.assurance).toBe(assurance[s]);
    const t = ind.target!.type === "at-least" || ind.target!.type === "below" ? ind.target!.green : null;
    if (assurance[s] === "inconsistent") expect(t! >= ind.spc!.lpl && t! <= ind.spc!.upl).toBe(true);
    else expect(t! > ind.spc!.upl || t! < ind.spc!.lpl).toBe(true);
    return "assurance";
  }
  throw new Error(`A sentence no test can check: "${s}"`);
}

describe("drafted narrative", () => {
  it("says something about every indicator with a figure", () => {
    const dec = models.at(-1)!;
    for (const ind of dec.indicators.filter((i) => i.value !== null)) expect(ind.narrative.length, ind.ref).toBeGreaterThan(0);
  });

  it("is true of the model, sentence by sentence, in every month of the example", () => {
    const kinds = new Map<string, number>();
    for (const model of models) {
      for (const ind of model.indicators) {
        for (const sentence of ind.narrative) {
          const kind = verify(sentence, ind, model.month);
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        }
      }
    }
    // every kind of claim is exercised by the example
    expect([...kinds.keys()].sort()).toEqual(["assurance", "benchmark", "movement", "spc", "target"]);
    expect([...kinds.values()].reduce((a, b) => a + b)).toBeGreaterThan(2000);
  });

  it("reads like the pack's own commentary", () => {
    const referrals = models.at(-1)!.indicators.find((i) => i.ref === "1.5a")!;
    expect(referrals.narrative[0]).toBe("No. of referrals rose 24% to 276 in December 2020.");
    const rate = models.at(-1)!.indicators.find((i) => i.ref === "1.5")!;
    expect(rate.narrative).toContain("It has been below the statistical neighbour average (686.6, 2019/20) for 12 months running.");
    const lac = models.at(-1)!.indicators.find((i) => i.ref === "6.2")!;
    expect(lac.narrative[0]).toMatch(/ rose by less than 1% to 106\.9 in December 2020, the highest since September 2020\.$/);
  });
});
