// What a board member who read the whole December pack sent back, pinned as
// classes on the example's models of every month (no build): the verdict
// against benchmarks names the figure it judges and the benchmarks' year;
// termly indicators show their latest term, and academic years say so; no
// table carries empty future months; the month's figure shows the decimals
// its RAG rating needs; targets read the same in a chart's key as in the
// summary; lines break at a process change; the at-a-glance list holds every
// red, worse and concerning indicator; the glossary holds only the terms used.
import { beforeAll, describe, expect, it } from "vitest";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { buildMonthModel, reportMonths } from "../../scripts/metrics/model.ts";
import type { DataSet, IndicatorResult, MonthModel } from "../../scripts/model/types.ts";
import { ACADEMIC_NOTE, sectionTable, summaryViews, type TableView } from "../../scripts/site/tables.ts";
import { siteSummaryTable } from "../../scripts/site/summaryView.ts";
import { benchmarkVerdict } from "../../scripts/format/benchmarkVerdict.ts";
import { formatRated, ragSafeDecimals } from "../../scripts/format/ragFigure.ts";
import { formatTarget } from "../../scripts/format/target.ts";
import { chartData } from "../../scripts/charts/chartData.ts";
import { chartKey, vegaLiteSpec } from "../../scripts/charts/specs.ts";
import { glance } from "../../scripts/site/glance.ts";
import { glossaryFor, usesTerm } from "../../scripts/site/glossary.ts";
import { modelToCsv } from "../../scripts/output/modelCsv.ts";
import { ragRating } from "../../scripts/metrics/rag.ts";
import { parse } from "csv-parse/sync";
import { shortMonth } from "../../scripts/metrics/months.ts";
import { figureChangeCell, type Cell } from "../../scripts/site/cells.ts";
import { formatFigureChange } from "../../scripts/format/number.ts";

let data: DataSet;
let models: MonthModel[];
let dec: MonthModel;
let jun: MonthModel;
beforeAll(() => {
  ({ data } = loadValidData("data"));
  models = reportMonths(data).map((m) => buildMonthModel(data, m));
  dec = models.find((m) => m.month === "2020-12")!;
  jun = models.find((m) => m.month === "2020-06")!;
});

const text = (c: Cell | undefined) => (c?.text ?? c?.html ?? "").replace(/<[^>]*>/g, " ").replace(/&nbsp;/g, " ").replace(/\s+/g, " ").trim();
const ind = (m: MonthModel, ref: string) => m.indicators.find((i) => i.ref === ref)!;
const summaryOf = (m: MonthModel) => {
  const sections = m.sections.map((s) => s.indicators.map((r) => ind(m, r)).filter((i) => i.inSummary)).filter((x) => x.length);
  return { sections, views: summaryViews(m, sections, data.authority) };
};
/** The row of `ref` in a table whose first column is the reference. */
const rowOf = (t: TableView, ref: string) => t.rows.find((r) => text(r[0]) === ref);

describe("the verdict against benchmarks", () => {
  it("is headed with the month whose figure it judges and the benchmarks' year, in print, on the site and in the CSV", () => {
    for (const m of [dec, jun]) {
      const heading = `${shortMonth(m.month)} against benchmarks (2019/20)`;
      const { views } = summaryOf(m);
      for (const v of views) if (v.trend) expect(v.trend.head.map(text)).toContain(heading);
      expect(siteSummaryTable(m, m.indicators.filter((i) => i.section === "child-protection" && i.inSummary), data.authority, () => "#").head.map(text)).toContain(heading);
      const csv = parse(modelToCsv(m), { bom: true, columns: true }) as Record<string, string>[];
      expect(Object.keys(csv[0]!)).toContain(heading);
    }
  });

  it("repeats the month's figure and gives each benchmark's value (5.11: right for December's 0.65%, not 2019/20's 2.23%)", () => {
    expect(benchmarkVerdict(ind(dec, "5.11"), "2019/20")).toBe("0.65%: better than SN (2.20%), better than England (2.10%), in England's top quartile (1.20% or lower)");
    expect(benchmarkVerdict(ind(jun, "5.11"), "2019/20")).toBe("2.05%: better than SN (2.20%), similar to England (2.10%)");
    // Every verdict of every month starts with that month's figure.
    let checked = 0;
    for (const m of models) {
      for (const i of m.indicators) {
        const v = benchmarkVerdict(i, "2019/20");
        if (!v) continue;
        expect(v.startsWith(`${formatRated(i.value, i.unit, i.decimals, i.target)}: `), `${m.month} ${i.ref}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("names the benchmarks' year where it is not the heading's, in the verdict and under each benchmark", () => {
    const { sections, views } = summaryOf(dec);
    const trendRow = (ref: string) => {
      const k = sections.findIndex((s) => s.some((i) => i.ref === ref));
      return { head: views[k]!.trend!.head.map(text), row: rowOf(views[k]!.trend!, ref)! };
    };
    for (const [ref, year] of [["6.7", "2017"], ["5.13", "2018"]] as const) {
      const { head, row } = trendRow(ref);
      expect(text(row[head.indexOf("Dec-20 against benchmarks (2019/20)")]), ref).toMatch(new RegExp(`\\(${year} benchmarks\\)$`));
      expect(text(row[head.indexOf("SN avg")]), ref).toMatch(new RegExp(`% ${year}$`));
    }
    // The default year's benchmarks carry no year of their own.
    const { head, row } = trendRow("5.11");
    expect(text(row[head.indexOf("SN avg")])).toBe("2.20%");
  });
});

describe("termly indicators and academic years", () => {
  it("show the latest term's figure with its term across the month columns of the printed summary, not n/a", () => {
    const { sections, views } = summaryOf(dec);
    const k = sections.findIndex((s) => s.some((i) => i.ref === "6.13"));
    const row = rowOf(views[k]!.performance, "6.13")!;
    const cell = row.find((c) => text(c) === "98.9% (summer term 2019/20)");
    expect(cell?.colspan).toBe(3);
    for (const i of dec.indicators.filter((x) => x.frequency === "termly" && x.inSummary && x.terms.some((t) => t.value !== null))) {
      const r = rowOf(views[sections.findIndex((s) => s.includes(i))]!.performance, i.ref)!;
      expect(r.map(text).join(" | "), i.ref).toMatch(/\((autumn|spring|summer) term \d{4}\/\d{2}\)/);
    }
  });

  it("mark an academic year's figure with its year under a reporting year's column, and say so under the table", () => {
    const { sections, views } = summaryOf(dec);
    const k = sections.findIndex((s) => s.some((i) => i.ref === "6.13"));
    const trend = views[k]!.trend!;
    const head = trend.head.map(text);
    // 76.0% is 6.13's figure for academic 2014/15, printed under 2015/16.
    expect(text(rowOf(trend, "6.13")![head.indexOf("2015/16")])).toBe("76.0% ac. 2014/15");
    expect(text(rowOf(trend, "6.10")![head.indexOf("2015/16")])).toBe("92.8%");
    expect(trend.footnotes).toContain(ACADEMIC_NOTE);
    // No other section's trend has the note.
    expect(views.filter((v) => v.trend?.footnotes?.includes(ACADEMIC_NOTE))).toHaveLength(1);
  });

  it("take the academic year ending in the authority's benchmark year for their benchmarks, so no chart labels a year beyond its axis", () => {
    for (const i of dec.indicators.filter((x) => x.yearBasis === "academic" && x.benchmarks)) expect(i.benchmarks!.year, i.ref).toBe("2018/19");
    for (const m of [dec, jun]) {
      for (const s of m.sections) {
        for (const c of s.charts.filter((x) => x.type === "annual")) {
          const d = chartData(c, m, data.authority.benchmarks.labels);
          const last = d.categories.at(-1)!;
          for (const r of d.references) {
            const year = /\((\d{4}\/\d{2})\)/.exec(r.label)?.[1];
            if (year) expect(year <= last, `${c.title}: ${r.label} beyond ${last}`).toBe(true);
          }
        }
      }
    }
  });
});

describe("section tables", () => {
  it("hold no month after the report month and no row without a figure in any month", () => {
    let tables = 0;
    for (const m of models) {
      const byRef = new Map(m.indicators.map((i) => [i.ref, i]));
      const future = new Set(m.yearMonths.filter((x) => x > m.month).map(shortMonth));
      for (const s of m.sections) {
        for (const spec of s.tables) {
          const t = sectionTable(m, spec, byRef, data.authority.benchmarks.labels);
          // "n/a" and "-" are no figure: a row of nothing else is empty (a note such as "tbc" is the source's words in place of a figure).
          const empty = (r: Cell[]) => r.length > 1 && r.slice(1).every((c) => /^(|-|n\/a)$/.test(text(c)));
          const months = new Set(m.last12.map(shortMonth));
          const isMonth = (r: Cell[]) => months.has(text(r[0]));
          const monthRows = t.rows.filter(isMonth);
          const firstFigure = monthRows.findIndex((r) => !empty(r));
          const lastFigure = monthRows.length - 1 - [...monthRows].reverse().findIndex((r) => !empty(r));
          monthRows.forEach((r, k) => {
            expect(future.has(text(r[0])), `${m.month} ${s.id}: ${text(r[0])}`).toBe(false);
            // A month with no figure between months with figures is a gap, shown as one; none before the first or after the last.
            if (empty(r)) expect(k > firstFigure && k < lastFigure, `${m.month} ${s.id} ${spec.title ?? ""}: ${text(r[0])} is empty`).toBe(true);
          });
          for (const r of t.rows.filter((r) => !isMonth(r))) expect(empty(r), `${m.month} ${s.id} ${spec.title ?? ""}: ${text(r[0])} is empty`).toBe(false);
          tables++;
        }
      }
    }
    expect(tables).toBeGreaterThan(250);
  });

  it("start at an indicator's first period: the new contact form measures (from Nov-20) have no rows of n/a for Jan to Oct", () => {
    const contacts = dec.sections.find((s) => s.tables.some((t) => /new contact form/i.test(t.title ?? "")))!;
    const spec = contacts.tables.find((t) => /new contact form/i.test(t.title ?? ""))!;
    const t = sectionTable(dec, spec, new Map(dec.indicators.map((i) => [i.ref, i])), data.authority.benchmarks.labels);
    const periods = t.rows.map((r) => text(r[0]));
    expect(periods).not.toContain("Jan-20");
    expect(periods).not.toContain("Sep-20");
    expect(periods).toContain("Dec-20");
  });
});

describe("the month's figure beside its RAG rating", () => {
  it("shows the decimals that rating needs (8.1: 67.98% is Red against Amber from 68%, not 68.0%)", () => {
    const i = ind(dec, "8.1");
    expect(i.rag).toBe("red");
    expect(formatRated(i.value, i.unit, i.decimals, i.target)).toBe("67.98%");
    const t = sectionTable(dec, { indicators: ["8.1"] }, new Map([["8.1", i]]), data.authority.benchmarks.labels);
    expect(text(t.rows.find((r) => text(r[0]) === "Dec-20")![1]).startsWith("67.98%")).toBe(true);
  });

  it("agrees, as printed, with the rating of every month's figure of every indicator", () => {
    for (const m of models) {
      for (const i of m.indicators.filter((x) => x.rag && x.value !== null)) {
        const shown = Number(formatRated(i.value, i.unit, i.decimals, i.target).replace(/[,%]/g, ""));
        expect(ragRating(shown, i.target), `${m.month} ${i.ref} ${shown}`).toBe(i.rag);
      }
    }
    // A rounding that does not mislead keeps the indicator's own decimals.
    expect(ragSafeDecimals(70.04, { type: "at-least", green: 70, amber: 68 }, 1)).toBe(1);
    expect(ragSafeDecimals(9.996, { type: "below", green: 10, amber: 12 }, 1)).toBe(3);
  });
});

describe("targets", () => {
  it("read the same in a chart's key as in the summary's target text (5.11: 2.6%, 10.4: 487)", () => {
    const keyOf = (m: MonthModel, ref: string) => {
      const s = m.sections.find((x) => x.indicators.includes(ref))!;
      const c = s.charts.find((x) => x.type !== "spc" && x.indicators.length === 1 && x.indicators[0] === ref)!;
      return chartKey(chartData(c, m, data.authority.benchmarks.labels)).map((k) => k.label);
    };
    expect(keyOf(dec, "5.11")).toContain("Target: 2.6%");
    expect(formatTarget(ind(dec, "5.11").target!, "percentage", 2)).toMatch(/^Green below 2\.6%/);
    expect(keyOf(dec, "10.4")).toContain("Target: 487");
  });
});

describe("line charts across a process change", () => {
  it("start the line again at the new contact form (Nov-20) and mark it", () => {
    const s = dec.sections.find((x) => x.id === "contacts")!;
    const c = s.charts.find((x) => x.type === "line" && x.indicators.includes("1.1"))!;
    const d = chartData(c, dec, data.authority.benchmarks.labels);
    expect(d.changes).toEqual([{ index: 10, text: "New contact form implemented (Nov-20)" }]);
    const spec = JSON.stringify(vegaLiteSpec(d, "wide"));
    expect(spec).toContain('"detail":{"field":"segment"');
    expect(chartKey(d).map((k) => k.label)).toContain("Process change: the line starts again");
  });
});

describe("at a glance", () => {
  it("lists every indicator rated red, rated worse than last month or with special cause concern, once each, in report order", () => {
    for (const m of [dec, jun]) {
      const g = glance(m);
      const refs = g.items.map((x) => x.ref);
      const expected = m.sections
        .flatMap((s) => s.indicators.map((r) => ind(m, r)))
        .filter((i: IndicatorResult) => {
          const was = ragRating(i.previous, i.target);
          const order = { green: 0, amber: 1, red: 2 };
          return i.rag === "red" || (i.rag && was && order[i.rag] > order[was]) || i.spc?.variation.startsWith("concern");
        })
        .map((i) => i.ref);
      expect(refs).toEqual(expected);
      for (const i of m.indicators.filter((x) => x.rag === "red")) expect(g.items.find((x) => x.ref === i.ref)!.why, i.ref).toMatch(/^Red/);
      expect(g.counts).toMatch(new RegExp(`^${m.indicators.filter((x) => x.rag === "red").length} rated red`));
    }
    // 5.15 went Amber to Red and is a special cause of concern: listed once, with both reasons.
    expect(glance(dec).items.find((x) => x.ref === "5.15")!.why).toBe("Red; worse than Nov-20 (was Amber); special cause concern (lower)");
  });

  it("follows the display setting: no RAG reasons where the summary shows no RAG", () => {
    expect(glance(dec, { rag: false, spc: true }).items.every((x) => x.reasons.every((r) => r === "concern"))).toBe(true);
  });
});

describe("the glossary", () => {
  it("finds a term as a word of its own, with a plural or possessive, never inside another word", () => {
    expect(usesTerm("Number of S47's completed", "S47")).toBe(true);
    expect(usesTerm("SGOs started", "SGO")).toBe(true);
    expect(usesTerm("NEET/EET", "EET")).toBe(true);
    expect(usesTerm("within the CINDY system", "CIN")).toBe(false);
    expect(usesTerm("the ePEP system", "PEP")).toBe(false);
  });

  it("holds only the terms the text uses, the authority's meaning first and its own terms added", () => {
    const g = glossaryFor("LAC with a PEP; the GOLD meeting; no. contacts (cyp)", { GOLD: "The council's strategic command group", PEP: "Personal education plan (our wording)" });
    expect(g.map((t) => t.term)).toEqual(["CYP", "GOLD", "LAC", "PEP"]);
    expect(g.find((t) => t.term === "PEP")!.meaning).toBe("Personal education plan (our wording)");
    expect(glossaryFor("nothing abbreviated here")).toEqual([]);
  });
});

describe("changes of percentages", () => {
  it("are stated in percentage points, not as a per cent of a per cent (5.11: 0.22% to 0.65% is +0.43 points, not +202%)", () => {
    const i = ind(dec, "5.11");
    expect(formatFigureChange(i, i.previous, i.value, i.changeFromPrevious)).toBe("+0.43 percentage points");
    expect(text(figureChangeCell(i, i.previous, i.changeFromPrevious))).toBe("+0.43 points");
    // The site's summary and the print summary of a monthly-dataset pack (which have change columns) say the same.
    const dataset = { ...data.authority, report: { ...data.authority.report, style: "monthly-dataset" as const } };
    const site = siteSummaryTable(dec, [i], dataset, () => "#");
    expect(text(site.rows[0]![site.head.map(text).indexOf("Change on last month")])).toBe("+0.43 points");
    const print = summaryViews(dec, [[i]], dataset)[0]!.performance;
    expect(text(print.rows[0]![print.head.map(text).indexOf("Change on last month")])).toBe("+0.43 points");
    // Every percentage of every month: a change in points, at the indicator's decimals; every other unit in per cent.
    let checked = 0;
    for (const m of models) {
      for (const x of m.indicators) {
        if (x.value === null || x.previous === null) continue;
        const words = formatFigureChange(x, x.previous, x.value, x.changeFromPrevious);
        if (x.unit === "percentage") {
          expect(words, `${m.month} ${x.ref}`).toMatch(/^[+−]?\d[\d,]*(\.\d+)? percentage points?$/);
          checked++;
        } else expect(words, `${m.month} ${x.ref}`).toMatch(/^([+−]?\d[\d,]*%|n\/a)$/);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
