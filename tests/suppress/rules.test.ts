// The public edition's suppression rules, on small series worked by hand.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { buildMonthModel } from "../../scripts/metrics/model.ts";
import type { IndicatorResult, MonthModel } from "../../scripts/model/types.ts";
import { publicModels } from "../../scripts/suppress/apply.ts";
import { planSuppression } from "../../scripts/suppress/plan.ts";
import { DEFAULT_SUPPRESSION, type SuppressionSettings } from "../../scripts/suppress/settings.ts";

const MONTHS = ["2020-04", "2020-05", "2020-06", "2020-07", "2020-08", "2020-09"];
const FOURTEEN = [...MONTHS, "2020-10", "2020-11", "2020-12", "2021-01", "2021-02", "2021-03", "2021-04", "2021-05"];

/** A data directory: `series` gives each indicator's figures from April 2020 (six months unless `months` says). */
function dataDir(indicators: string, series: Record<string, (string | number)[]>, months = MONTHS): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-suppress-"));
  const write = (f: string, s: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), s);
  };
  write(
    "authority.yaml",
    "name: Testshire County Council\nreport:\n  title: Test report\nyearStartMonth: 4\ndirectionOfTravel: polarity\npopulation:\n  2020/21: 40000\n  2021/22: 40000\nbenchmarks:\n  year: 2019/20\nsections: [s]\n",
  );
  write("indicators/s.yaml", `title: S\nindicators:\n${indicators}`);
  months.forEach((m, i) => {
    const values = Object.entries(series).map(([ref, v]) => `  "${ref}": ${v[i] ?? "-"}`);
    write(`months/${m}.yaml`, `month: ${m}\nvalues:\n${values.join("\n")}\n`);
  });
  return dir;
}

const count = (ref: string, extra = "") => `  - ref: "${ref}"\n    title: Count ${ref}\n    unit: count\n    polarity: info\n    kind: flow\n${extra}`;

function run(dir: string, settings: Partial<SuppressionSettings> = {}) {
  const { data } = loadValidData(dir);
  const models = data.months.map((f) => buildMonthModel(data, f.month));
  const plan = planSuppression(data, models, { ...DEFAULT_SUPPRESSION, ...settings });
  const pub = publicModels(models, plan, data);
  const at = (month: string, ref: string): IndicatorResult => pub.find((m) => m.month === month)!.indicators.find((i) => i.ref === ref)!;
  const internal = (month: string, ref: string): IndicatorResult => models.find((m) => m.month === month)!.indicators.find((i) => i.ref === ref)!;
  return { plan, pub, at, internal, models };
}

const values = (r: IndicatorResult) => r.series.map((p) => (p.withheld ? "c" : p.value === null ? null : +p.value.toFixed(6)));

describe("primary suppression", () => {
  it("withholds counts of 1 to 5, not 0 and not 6", () => {
    const { at } = run(dataDir(count("A"), { A: [8, 3, 0, 6, 5, 1] }));
    expect(values(at("2020-09", "A"))).toEqual([8, "c", 0, 6, "c", "c"]);
    expect(at("2020-09", "A").value).toBeNull();
    expect(at("2020-09", "A").withheld?.fields).toContain("value");
    expect(at("2020-07", "A").value).toBe(6);
    expect(at("2020-06", "A").value).toBe(0);
  });

  it("withholds 0 too when the settings say so, and follows the threshold", () => {
    const { at } = run(dataDir(count("A"), { A: [8, 3, 0, 6, 5, 1] }), { suppressZero: true, threshold: 3 });
    expect(values(at("2020-09", "A"))).toEqual([8, "c", "c", 6, 5, "c"]);
  });

  it("never withholds an exempt indicator, and always withholds a withheld one", () => {
    const dir = dataDir(count("A") + count("B"), { A: [8, 3, 9, 9, 9, 9], B: [100, 200, 300, 400, 500, 600] });
    const { at } = run(dir, { exempt: ["A"], withhold: ["B"] });
    expect(values(at("2020-09", "A"))).toEqual([8, 3, 9, 9, 9, 9]);
    expect(values(at("2020-09", "B"))).toEqual(["c", "c", "c", "c", "c", "c"]);
    expect(at("2020-09", "B").ytd).toBeNull();
    expect(at("2020-09", "B").average12).toBeNull();
    expect(at("2020-09", "B").max12).toBeNull();
  });

  it("withholds a percentage whose numerator, denominator or complement is small (39 of 41: 2 children missed out)", () => {
    const pct = `  - ref: P\n    title: Per cent\n    unit: percentage\n    polarity: high\n    kind: flow\n`;
    const { at } = run(dataDir(pct, { P: ['"2 of 40"', '"10 of 40"', '"39 of 41"', '"4 of 4"', '"20 of 40"', '"21 of 40"'] }));
    expect(values(at("2020-09", "P"))).toEqual(["c", 25, "c", "c", 50, 52.5]);
  });

  it("withholds a rate per 10,000 that stands for a small count (rate x population / 10,000)", () => {
    const rate = `  - ref: R\n    title: Rate\n    unit: rate\n    polarity: low\n    kind: snapshot\n`;
    // Population 40,000: 0.5 per 10,000 is 2 children; 1.25 is 5; 1.5 is 6; 10.0 is 40.
    const { at } = run(dataDir(rate, { R: [0.5, 10, 1.25, 1.5, 12, 12] }));
    expect(values(at("2020-09", "R"))).toEqual(["c", 10, "c", 1.5, 12, 12]);
  });

  it("withholds a computed rate and percentage with the count they are worked out from", () => {
    const ind =
      count("N") +
      count("D") +
      `  - ref: "N%"\n    title: Share\n    unit: percentage\n    polarity: high\n    compute: { ratio: { numerator: N, denominator: D } }\n` +
      `  - ref: Nr\n    title: Rate\n    unit: rate\n    polarity: low\n    compute: { rate: N }\n`;
    const { at } = run(dataDir(ind, { N: [10, 4, 2, 12, 12, 12], D: [50, 50, 3, 50, 50, 50] }));
    // D's 3 hides June's share even though June's N (2) is hidden anyway; the rate is N / 4.
    expect(values(at("2020-09", "N%"))).toEqual([20, "c", "c", 24, 24, 24]);
    expect(values(at("2020-09", "Nr"))).toEqual([2.5, "c", "c", 3, 3, 3]);
  });
});

describe("derived figures", () => {
  it("withholds a YTD that would give away its one suppressed month, and keeps one that would not", () => {
    // A: Apr 8, May 3, Jun 2, Jul 10. YTD May = 11 = 8 + May: withheld.
    // YTD Jun = 13: May + Jun = 5, either could be 1 to 4: shown. YTD Jul = 23 adds nothing new: shown.
    const { at } = run(dataDir(count("A"), { A: [8, 3, 2, 10, 10, 10] }));
    expect(at("2020-05", "A").ytd).toBeNull();
    expect(at("2020-05", "A").withheld?.fields).toContain("ytd");
    expect(at("2020-06", "A").ytd).toBe(13);
    expect(at("2020-07", "A").ytd).toBe(23);
  });

  it("withholds a YTD that pins its withheld months down: 4 over four withheld months (each 1 to 5) means each is 1", () => {
    // Apr 1, May 0, Jun 1, Jul 1, Aug 0, Sep 1: the zeros are shown, so each c is at least 1.
    const { at } = run(dataDir(count("A"), { A: [1, 0, 1, 1, 0, 1] }));
    expect(values(at("2020-09", "A"))).toEqual(["c", 0, "c", "c", 0, "c"]);
    for (const m of MONTHS) expect(at(m, "A").ytd, m).toBeNull();
    for (const m of MONTHS) expect(at(m, "A").average12, m).toBeNull();
  });

  it("withholds a total that is itself a small count, and keeps one whose withheld months could each be 1 to 3 or more", () => {
    // Apr 8, May 2, Jun 1, Jul 40: YTD May = 10 gives May away (8 shown); YTD Jun = 11: May + Jun = 3, each 1 or 2: too narrow.
    // YTD Jul = 51 adds nothing. B: Apr 2, May 3: YTD 5 is a count of 5 children.
    const { at } = run(dataDir(count("A") + count("B"), { A: [8, 2, 1, 40, 3, 50], B: [2, 3, 10, 10, 10, 10] }));
    expect(at("2020-06", "A").ytd).toBeNull();
    expect(at("2020-07", "A").ytd).toBeNull();
    expect(at("2020-05", "B").ytd).toBeNull();
    expect(at("2020-05", "B").withheld?.fields).toContain("ytd");
  });

  it("keeps a YTD over withheld months that could still take three or more values each", () => {
    // Apr 4, May 5, Jun 40: YTD May 9 -> each 4 or 5 (too narrow); YTD Jun 49 likewise. C: Apr 3, May 3, Jun 40: YTD 46: each of Apr, May 1 to 5 with sum 6: 1 to 5 each (wide enough).
    const { at } = run(dataDir(count("C"), { C: [3, 3, 40, 40, 40, 40] }));
    expect(at("2020-06", "C").ytd).toBe(46);
  });

  it("withholds every YTD that contains a single suppressed month among shown ones", () => {
    const { at } = run(dataDir(count("A"), { A: [8, 3, 9, 10, 12, 7] }));
    expect(at("2020-04", "A").ytd).toBe(8);
    for (const m of MONTHS.slice(1)) expect(at(m, "A").ytd, m).toBeNull();
    // The 12-month average of counts is a total too.
    for (const m of MONTHS.slice(1)) expect(at(m, "A").average12, m).toBeNull();
  });

  it("withholds a rolling 12-month total that would give a month away", () => {
    const ind = count("A") + `  - ref: Ar\n    title: Rolling\n    unit: count\n    polarity: info\n    compute: { rolling12: A }\n`;
    // June 2020 is 3; every other month 20. Rolling totals exist from March 2021 (12 months of data).
    const { at } = run(dataDir(ind, { A: [20, 20, 3, ...Array(11).fill(20)] }, FOURTEEN));
    // March and April 2021's totals each hold June among shown months: withheld. May 2021's (June to May) too.
    expect(values(at("2021-05", "Ar")).slice(11)).toEqual(["c", "c", "c"]);
    expect(at("2021-05", "A").rolling12).toBeNull();
    expect(at("2021-05", "A").withheld?.fields).toContain("rolling12");
  });

  it("keeps the 12-month maximum when a shown month holds it", () => {
    const { at } = run(dataDir(count("A"), { A: [8, 3, 9, 10, 12, 7] }));
    expect(at("2020-09", "A").max12).toBe(12);
  });

  it("withholds changes, direction of travel and RAG next to a suppressed figure", () => {
    const ind = count("A", "    target: { type: at-least, green: 10, amber: 5 }\n");
    const { at, internal } = run(dataDir(ind.replace("polarity: info", "polarity: high"), { A: [8, 3, 9, 10, 12, 7] }));
    expect(at("2020-05", "A").changeFromPrevious).toBeNull();
    expect(at("2020-05", "A").dot).toBeNull();
    expect(at("2020-05", "A").rag).toBeNull();
    expect(at("2020-06", "A").changeFromPrevious).toBeNull(); // from May's 3
    expect(at("2020-06", "A").previous).toBeNull();
    expect(at("2020-06", "A").value).toBe(9);
    expect(at("2020-07", "A").changeFromPrevious).toBeCloseTo(internal("2020-07", "A").changeFromPrevious!, 3);
    expect(at("2020-07", "A").rag).toBe("green");
  });

  it("withholds SPC where any point is withheld, and drafts narrative only from what is shown", () => {
    const { at } = run(dataDir(count("A"), { A: [8, 3, 9, 10, 12, 7] }));
    expect(at("2020-09", "A").spc).toBeNull();
    for (const m of MONTHS) {
      for (const s of at(m, "A").narrative) expect(s, m).not.toMatch(/\b3\b/);
    }
    expect(at("2020-05", "A").narrative).toEqual([]);
  });
});

describe("complements of percentages worked out from two counts", () => {
  it("withholds the share, and the smaller count, where those who did not are few (76 of 77: 1 child)", () => {
    const ind =
      count("D") +
      count("N") +
      `  - ref: "N%"\n    title: Share\n    unit: percentage\n    polarity: high\n    compute: { ratio: { numerator: N, denominator: D } }\n`;
    const { at } = run(dataDir(ind, { D: [77, 80, 80, 80, 80, 80], N: [76, 60, 60, 60, 60, 60] }));
    expect(at("2020-04", "N%").value).toBeNull();
    // The smaller of the two counts goes (N, 76), so 77 - N cannot be worked out.
    expect(at("2020-04", "N").value).toBeNull();
    expect(at("2020-04", "D").value).toBe(77);
    expect(at("2020-05", "N%").value).toBe(75);
  });
});

describe("secondary suppression in breakdowns", () => {
  const breakdown = count("T") + count("P1", "    partOf: T\n") + count("P2", "    partOf: T\n") + count("P3", "    partOf: T\n");

  it("withholds the smallest other part when one part alone is small", () => {
    // Apr: T 30 = 20 + 7 + 3. P3 is withheld; 30 - 20 - 7 would give it away, so P2 (7, smaller than 20) is withheld too.
    const { at, plan } = run(dataDir(breakdown, { T: [30, 40, 40, 40, 40, 40], P1: [20, 20, 20, 20, 20, 20], P2: [7, 10, 10, 10, 10, 10], P3: [3, 10, 10, 10, 10, 10] }));
    expect(at("2020-04", "P3").value).toBeNull();
    expect(at("2020-04", "P2").value).toBeNull();
    expect(at("2020-04", "P1").value).toBe(20);
    expect(at("2020-04", "T").value).toBe(30);
    expect(plan.figures.filter((f) => f.report === "2020-04" && f.ref === "P2")[0]!.reason).toBe("secondary");
  });

  it("withholds another part when two withheld parts add up to too few (3 = 1 + 2: each is 1 or 2)", () => {
    const { at } = run(dataDir(breakdown, { T: [20, 40, 40, 40, 40, 40], P1: [17, 20, 20, 20, 20, 20], P2: [2, 10, 10, 10, 10, 10], P3: [1, 10, 10, 10, 10, 10] }));
    expect(at("2020-04", "P1").value).toBeNull();
    expect(at("2020-04", "T").value).toBe(20);
  });

  it("needs no more when two withheld parts could each still be 1 to 5", () => {
    const { at } = run(dataDir(breakdown, { T: [21, 40, 40, 40, 40, 40], P1: [15, 20, 20, 20, 20, 20], P2: [3, 10, 10, 10, 10, 10], P3: [3, 10, 10, 10, 10, 10] }));
    expect(at("2020-04", "P1").value).toBe(15);
    expect(at("2020-04", "T").value).toBe(21);
    expect(at("2020-04", "P2").value).toBeNull();
    expect(at("2020-04", "P3").value).toBeNull();
  });

  it("chooses the first part in catalogue order on a tie", () => {
    const { at } = run(dataDir(breakdown, { T: [27, 40, 40, 40, 40, 40], P1: [12, 20, 20, 20, 20, 20], P2: [12, 10, 10, 10, 10, 10], P3: [3, 10, 10, 10, 10, 10] }));
    expect(at("2020-04", "P1").value).toBeNull();
    expect(at("2020-04", "P2").value).toBe(12);
  });
});

describe("rounding", () => {
  it("rounds other counts to the nearest 5 and works changes out from the rounded figures", () => {
    const { at } = run(dataDir(count("A"), { A: [8, 3, 12, 14, 27, 31] }), { rounding: 5 });
    expect(values(at("2020-09", "A"))).toEqual([10, "c", 10, 15, 25, 30]);
    expect(at("2020-09", "A").changeFromPrevious).toBeCloseTo(0.2);
  });
});

describe("the plan lists what it withheld, from the internal model", () => {
  it("gives each withheld figure with its value and reason", () => {
    const { plan, models } = run(dataDir(count("A"), { A: [8, 3, 9, 10, 12, 7] }));
    const may = plan.figures.filter((f) => f.report === "2020-05" && f.ref === "A");
    expect(may).toEqual(
      expect.arrayContaining([
        { report: "2020-05", ref: "A", field: "cell:2020-05", value: 3, reason: "primary" },
        { report: "2020-05", ref: "A", field: "ytd", value: 11, reason: "derived" },
      ]),
    );
    expect(models.length).toBe(6);
  });
});

export type { MonthModel };
