// Property tests of the engine (fast-check): random monthly series with gaps
// (months without a file, figures marked "no value"), restatements in later
// files and any reporting-year start never make it throw, and its figures
// obey the identities of the councils' packs, checked against a plain
// re-computation from the data as known at each report month:
//   YTD of a flow = the sum of its months in the reporting year;
//   rolling 12 = the sum of the last 12 months (computed indicator too);
//   a percentage's YTD = summed numerators over summed denominators;
//   12-month average = mean of the months with a value; change = (v - prev) / prev.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildMonthModel } from "../../scripts/metrics/model.ts";
import { addMonths, last12, monthRange, yearStart } from "../../scripts/metrics/months.ts";
import type { Authority, DataSet, Entry, Figure, Indicator, IndicatorResult, Month, MonthFile } from "../../scripts/model/types.ts";
import { benchmarkLabels } from "../../scripts/schema/authority.ts";
import { DEFAULT_SUPPRESSION } from "../../scripts/suppress/settings.ts";

function indicator(ref: string, unit: Indicator["unit"], kind: Indicator["kind"], extra: Partial<Indicator> = {}): Indicator {
  return {
    ref,
    title: ref,
    shortTitle: ref,
    section: "s",
    unit,
    decimals: unit === "count" ? 0 : 1,
    polarity: "info",
    kind,
    frequency: "monthly",
    inSummary: true,
    yearBasis: "reporting",
    source: { file: "indicators/s.yaml", line: 1 },
    lines: {},
    ...extra,
  };
}

const INDICATORS: Indicator[] = [
  indicator("F", "count", "flow"),
  indicator("F12", "count", "flow", { compute: { rolling12: "F" } }),
  indicator("P", "percentage", "flow"),
  indicator("S", "count", "snapshot", { polarity: "low", target: { type: "below", green: 100, amber: 200 } }),
];

function authority(yearStartMonth: number): Authority {
  return {
    name: "Propertyshire",
    shortName: "Propertyshire",
    colour: "#1d5c84",
    report: { title: "Report", style: "performance-report" },
    yearStartMonth,
    dot: { convention: "polarity" },
    population: {},
    benchmarks: { year: "", columns: [], labels: benchmarkLabels({}), similarWithin: 0.05 },
    display: { rag: true, spc: true, phoneCharts: "latest" },
    spc: {},
    sections: ["s"],
    publicEdition: DEFAULT_SUPPRESSION,
    source: { file: "authority.yaml", line: 1 },
  };
}

interface MonthInput {
  hasFile: boolean;
  f: number | null;
  p: { num: number; den: number } | null;
  s: number | null;
  /** Restatements of F: how many months back (1-24) and the new figure. */
  restate: { back: number; value: number | null }[];
}

const monthInput: fc.Arbitrary<MonthInput> = fc.record({
  hasFile: fc.integer({ min: 0, max: 9 }).map((n) => n > 0), // one month in ten has no file
  f: fc.option(fc.nat({ max: 5000 }), { freq: 6 }),
  p: fc.option(
    fc.nat({ max: 500 }).chain((den) => fc.nat({ max: den + 1 }).map((num) => ({ num: Math.min(num, den + 1), den: den + 1 }))),
    { freq: 6 },
  ),
  s: fc.option(fc.nat({ max: 3000 }), { freq: 6 }),
  restate: fc.array(fc.record({ back: fc.integer({ min: 1, max: 24 }), value: fc.option(fc.nat({ max: 5000 }), { freq: 5 }) }), { maxLength: 3 }),
});

const scenario = fc.record({
  yearStartMonth: fc.integer({ min: 1, max: 12 }),
  firstYear: fc.integer({ min: 2014, max: 2022 }),
  firstMonth: fc.integer({ min: 1, max: 12 }),
  months: fc.array(monthInput, { minLength: 1, maxLength: 30 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

const entry = (ref: string, month: Month, figure: Figure | null, line: number): Entry => ({ ref, month, figure, source: { file: `months/${month}.yaml`, line } });

function dataSet(s: Scenario): DataSet {
  const start = `${s.firstYear}-${String(s.firstMonth).padStart(2, "0")}`;
  const files: MonthFile[] = [];
  s.months.forEach((m, i) => {
    const month = addMonths(start, i);
    if (!m.hasFile && i > 0) return;
    const withFile = new Set(files.map((f) => f.month));
    const restated = m.restate
      .map((r) => ({ month: addMonths(month, -r.back), value: r.value }))
      .filter((r) => withFile.has(r.month))
      .map((r, k) => entry("F", r.month, r.value === null ? null : { value: r.value }, 20 + k));
    files.push({
      month,
      file: `months/${month}.yaml`,
      line: 2,
      listed: ["F", "P", "S"],
      values: [
        entry("F", month, m.f === null ? null : { value: m.f }, 3),
        entry("P", month, m.p === null ? null : { value: (m.p.num / m.p.den) * 100, numerator: m.p.num, denominator: m.p.den }, 4),
        entry("S", month, m.s === null ? null : { value: m.s }, 5),
      ],
      restated,
      report: {},
    });
  });
  return {
    dir: "/nowhere",
    authority: authority(s.yearStartMonth),
    sections: [{ id: "s", title: "Section", tables: [{ indicators: INDICATORS.map((i) => i.ref) }], charts: [], order: 0, source: { file: "indicators/s.yaml", line: 1 } }],
    indicators: INDICATORS,
    months: files,
    outturns: [],
    terms: [],
    commentary: [],
    unreadable: [],
  };
}

/** The figures as known at report month `asOf`, recomputed plainly: each file in turn, its own figures then its restatements. */
function knownAt(data: DataSet, asOf: Month): { files: Set<Month>; figure: (ref: string, m: Month) => Figure | null } {
  const map = new Map<string, Figure | null>();
  const files = new Set<Month>();
  for (const file of data.months.filter((f) => f.month <= asOf)) {
    files.add(file.month);
    for (const e of [...file.values, ...file.restated]) map.set(`${e.ref} ${e.month}`, e.figure);
  }
  return { files, figure: (ref, m) => (files.has(m) ? (map.get(`${ref} ${m}`) ?? null) : null) };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function expectClose(actual: number | null, expected: number | null, what: string) {
  if (expected === null) expect(actual, what).toBeNull();
  else {
    expect(actual, what).not.toBeNull();
    expect(Math.abs(actual! - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  }
}

function checkMonth(data: DataSet, month: Month): void {
  const model = buildMonthModel(data, month);
  const by = new Map<string, IndicatorResult>(model.indicators.map((r) => [r.ref, r]));
  const { files, figure } = knownAt(data, month);
  const value = (ref: string, m: Month) => figure(ref, m)?.value ?? null;
  const F = by.get("F")!;
  const P = by.get("P")!;

  // YTD of a flow: the sum of the year's months, when every month of the year so far has a file.
  const window = monthRange(yearStart(month, data.authority.yearStartMonth), month);
  const covered = window.every((m) => files.has(m));
  const fValues = window.map((m) => value("F", m)).filter((v): v is number => v !== null);
  expectClose(F.ytd, covered && fValues.length ? sum(fValues) : null, `F ytd ${month}`);

  // A percentage's YTD: summed numerators over summed denominators.
  const parts = window.map((m) => figure("P", m)).filter((f): f is Figure => f !== null);
  const den = sum(parts.map((f) => f.denominator!));
  expectClose(P.ytd, covered && parts.length && den > 0 ? (sum(parts.map((f) => f.numerator!)) / den) * 100 : null, `P ytd ${month}`);
  if (P.ytd !== null) expect(P.ytdNumerator! / P.ytdDenominator! * 100).toBeCloseTo(P.ytd, 9);

  // Rolling 12: the sum of the last 12 months when all have a figure; the computed F12 agrees.
  const last = last12(month).map((m) => value("F", m));
  const rolling = last.every((v) => v !== null) ? sum(last as number[]) : null;
  expectClose(F.rolling12, rolling, `F rolling12 ${month}`);
  expectClose(by.get("F12")!.value, rolling, `F12 ${month}`);

  // 12-month average and maximum over the months with a value.
  const present = last.filter((v): v is number => v !== null);
  expectClose(F.average12, present.length ? sum(present) / present.length : null, `F average12 ${month}`);
  expectClose(F.max12, present.length ? Math.max(...present) : null, `F max12 ${month}`);

  // Change from the previous month and the same month last year.
  const v = value("F", month);
  const prev = value("F", addMonths(month, -1));
  const ly = value("F", addMonths(month, -12));
  expectClose(F.changeFromPrevious, v !== null && prev !== null && prev !== 0 ? (v - prev) / prev : null, `F change ${month}`);
  expectClose(F.changeFromLastYear, v !== null && ly !== null && ly !== 0 ? (v - ly) / ly : null, `F change on last year ${month}`);

  // Snapshots have no YTD; restatements made in this month are listed.
  expect(by.get("S")!.ytd).toBeNull();
  expect(model.restatements.every((r) => r.in === month)).toBe(true);
}

describe("engine properties (fast-check)", () => {
  it("never throws, and YTD, rolling 12, percentage YTD, averages and changes match their definitions at every report month", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const data = dataSet(s);
        for (const file of data.months) checkMonth(data, file.month);
      }),
      { numRuns: 150 },
    );
  });

  it("handles every reporting-year start across a year boundary: the YTD restarts in the first month of the year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.nat({ max: 100 }), { minLength: 24, maxLength: 24 }), (startMonth, values) => {
        const months: MonthInput[] = values.map((f) => ({ hasFile: true, f, p: null, s: null, restate: [] }));
        const data = dataSet({ yearStartMonth: startMonth, firstYear: 2019, firstMonth: 1, months });
        const first = `2020-${String(startMonth).padStart(2, "0")}`;
        const model = buildMonthModel(data, first);
        expect(model.indicators.find((r) => r.ref === "F")!.ytd).toBe(values[monthRange("2019-01", first).length - 1]);
      }),
      { numRuns: 60 },
    );
  });
});
