// The example built as the public edition: no figure the internal model
// withholds reaches any file of dist/ (pages, charts, downloads, the PDF).
// The list of withheld figures comes from the internal model (a plan made
// here, not read back from the public output).
import fs from "node:fs";
import path from "node:path";
import * as XLSX from "@e965/xlsx";
import { parse as parseCsv } from "csv-parse/sync";
import { parse, type HTMLElement } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { formatValue } from "../../scripts/format/number.ts";
import { buildMonthModel, reportMonths } from "../../scripts/metrics/model.ts";
import { shortMonth } from "../../scripts/metrics/months.ts";
import type { IndicatorResult, MonthModel } from "../../scripts/model/types.ts";
import { planSuppression, type SuppressedFigure } from "../../scripts/suppress/plan.ts";
import { allFiles, buildInto } from "../helpers/site.ts";
import { pdfText } from "../helpers/pdf.ts";
import { ROOT } from "../helpers/run.ts";

const DATA = path.join(ROOT, "data");
const { data } = loadValidData(DATA);
const internal = reportMonths(data).map((m) => buildMonthModel(data, m));
const settings = data.authority.publicEdition;
const plan = planSuppression(data, internal, settings);
const byRef = new Map(data.indicators.map((i) => [i.ref, i]));
const SYMBOL = settings.symbol;
/** A cell showing the symbol (with its words for screen readers), and no figure. */
const WITHHELD_CELL = new RegExp(`^${SYMBOL}(?: ?withheld)?(?: ?†.*)?$`);

let site = "";
let pdf: string | null = null;

beforeAll(async () => {
  const r = await buildInto(DATA, { edition: "public" });
  site = r.site;
  pdf = r.pdf?.file ?? null;
}, 600_000);

const figuresOf = (report: string) => plan.figures.filter((f) => f.report === report);

describe("the plan from the internal model", () => {
  it("withholds figures of every kind in the latest report", () => {
    const latest = figuresOf(internal.at(-1)!.month);
    for (const kind of ["cell", "ytd", "average12"]) expect(latest.some((f) => f.field.split(":")[0] === kind), kind).toBe(true);
    expect(latest.some((f) => f.reason === "primary")).toBe(true);
    expect(latest.some((f) => f.reason === "derived")).toBe(true);
  });
});

describe("the JSON model of each month", () => {
  it("holds null and the symbol's mark where the internal model has a withheld figure", () => {
    for (const m of internal) {
      const json = JSON.parse(fs.readFileSync(path.join(site, "data", `${m.month}.json`), "utf8")) as MonthModel;
      const out = new Map(json.indicators.map((i) => [i.ref, i]));
      for (const f of figuresOf(m.month)) {
        const i = out.get(f.ref)!;
        const [kind, period] = f.field.split(/:(.*)/) as [string, string | undefined];
        if (kind === "cell") {
          const p = i.series.find((s) => s.month === period)!;
          expect(p.value, `${m.month} ${f.ref} ${period}`).toBeNull();
          expect(p.withheld).toBe(SYMBOL);
          expect(p.numerator).toBeUndefined();
          if (period === m.month) expect(i.value).toBeNull();
        } else if (kind === "annual") {
          expect(i.annual.find((a) => a.year === period)!.value, `${m.month} ${f.ref} ${f.field}`).toBeNull();
        } else if (kind === "term") {
          expect(i.terms.find((t) => t.label === period)!.value).toBeNull();
        } else {
          expect(i[kind as "ytd"], `${m.month} ${f.ref} ${kind}`).toBeNull();
          expect(i.withheld?.fields).toContain(kind);
        }
      }
    }
  });
});

describe("the CSV and Excel downloads", () => {
  it("show the symbol in place of each withheld figure of the month", () => {
    for (const m of internal) {
      const rows = parseCsv(fs.readFileSync(path.join(site, "data", `${m.month}.csv`), "utf8"), { columns: true, bom: true }) as Record<string, string>[];
      const byRow = new Map(rows.map((r) => [r.Ref, r]));
      const book = XLSX.read(fs.readFileSync(path.join(site, "data", `${m.month}.xlsx`)));
      const sheet = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, raw: true, defval: null });
      const headerRow = sheet.findIndex((r) => r[0] === "Ref");
      const header = sheet[headerRow]!;
      const monthColumn = (month: string) => header.findIndex((h) => typeof h === "number" && XLSX.SSF.format("yyyy-mm", h) === month);
      for (const f of figuresOf(m.month)) {
        const row = byRow.get(f.ref)!;
        const xrow = sheet.find((r) => r[0] === f.ref)!;
        if (f.field === `cell:${m.month}`) {
          expect(row.Figure, `${m.month} ${f.ref}`).toBe(SYMBOL);
        }
        if (f.field === "ytd") expect(row[`Year to date ${m.reportingYear}`]).toBe(SYMBOL);
        if (f.field === "average12") expect(row["12-month average"]).toBe(SYMBOL);
        if (f.field.startsWith("cell:")) {
          const c = monthColumn(f.field.slice(5));
          if (c >= 0) expect(xrow[c], `${m.month} ${f.ref} ${f.field} (xlsx)`).toBe(SYMBOL);
        }
      }
    }
  });
});

/** The rows of a table as text, with its head. */
function tables(page: HTMLElement): { head: string[]; rows: string[][] }[] {
  return page.querySelectorAll("table").map((t) => ({
    head: t.querySelectorAll("thead th").map((c) => c.textContent.replace(/\s+/g, " ").trim()),
    rows: t.querySelectorAll("tbody tr").map((r) => r.querySelectorAll("th, td").map((c) => c.textContent.replace(/\s+/g, " ").trim())),
  }));
}

describe("every table of every page", () => {
  it("shows the symbol, never the figure, where a month's figure of an indicator is withheld", () => {
    const pages = allFiles(site).filter((f) => f.endsWith(".html"));
    let checked = 0;
    for (const file of pages) {
      const month = /^\/(\d{4}-\d{2})\//.exec(file)?.[1] ?? /\/print\/(\d{4}-\d{2})\//.exec(file)?.[1] ?? internal.at(-1)!.month;
      const withheld = new Map<string, SuppressedFigure>();
      for (const f of figuresOf(month)) if (f.field.startsWith("cell:")) withheld.set(`${f.ref}|${shortMonth(f.field.slice(5))}`, f);
      for (const t of tables(parse(fs.readFileSync(path.join(site, file), "utf8")))) {
        // Months across (summary): the row starts with the ref. Indicators across (section tables): the head names them.
        const monthCols = t.head.map((h, n) => ({ h, n })).filter(({ h }) => /^[A-Z][a-z]{2}-\d{2}$/.test(h));
        for (const row of t.rows) {
          const ref = row[0]!;
          for (const { h, n } of monthCols) {
            const f = withheld.get(`${ref}|${h}`);
            if (!f || row[n] === undefined) continue;
            expect(row[n], `${file}: ${ref} ${h}`).toMatch(WITHHELD_CELL);
            checked++;
          }
          if (/^[A-Z][a-z]{2}-\d{2}$/.test(ref)) {
            t.head.forEach((h, n) => {
              const headRef = h.split(" ")[0]!;
              const f = withheld.get(`${headRef}|${ref}`);
              if (!f || n === 0 || row[n] === undefined) return;
              expect(row[n], `${file}: ${headRef} ${ref}`).toMatch(WITHHELD_CELL);
              checked++;
            });
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});

/** Every figure the public edition shows, formatted as pages show them: a string that appears for these reasons is no leak. */
function shownStrings(): Set<string> {
  const out = new Set<string>();
  const add = (v: number | null | undefined, i: IndicatorResult) => {
    if (v !== null && v !== undefined) out.add(formatValue(v, i.unit, i.decimals));
  };
  for (const m of reportMonths(data)) {
    const json = JSON.parse(fs.readFileSync(path.join(site, "data", `${m}.json`), "utf8")) as MonthModel;
    for (const i of json.indicators) {
      for (const v of [i.value, i.previous, i.lastYear, i.ytd, i.rolling12, i.average12, i.max12, ...i.series.map((p) => p.value), ...i.annual.map((a) => a.value), ...i.terms.map((t) => t.value), ...Object.values(i.benchmarks?.values ?? {})]) add(v, i);
      if (i.target) for (const v of Object.values(i.target).flat()) if (typeof v === "number") add(v, i);
      if (i.spc) for (const v of [i.spc.mean, i.spc.upl, i.spc.lpl, ...i.spc.earlierSegments.flatMap((g) => [g.mean, g.upl, g.lpl])]) add(v, i);
    }
  }
  return out;
}

/**
 * What a reader (or a screen reader, or a scraper) gets from a page: its text
 * and the attributes that carry words (titles, labels, data-*), without chart
 * geometry (path coordinates) or the axis tick labels a chart's scale chooses.
 */
function readableText(html: string): string {
  const root = parse(html);
  for (const axis of root.querySelectorAll(".role-axis-label")) axis.remove();
  const parts = [root.textContent];
  for (const el of root.querySelectorAll("*")) {
    for (const [name, value] of Object.entries(el.attributes)) if (/^(title|aria-label|alt|content|value|data-.*)$/i.test(name)) parts.push(value);
  }
  return parts.join("\n");
}

describe("the text of every file", () => {
  it("holds no distinctive withheld figure (a total, rate or percentage) anywhere: pages, charts, downloads, the PDF", () => {
    const shown = shownStrings();
    const wanted = new Map<string, SuppressedFigure>();
    for (const f of plan.figures) {
      const ind = byRef.get(f.ref)!;
      const text = formatValue(f.value, ind.unit, ind.decimals);
      // Short figures (a count of 3) are checked in place, above; a long one can be searched for.
      if (text.replace(/[^\d]/g, "").length >= 3 && !shown.has(text)) wanted.set(text, f);
    }
    expect(wanted.size).toBeGreaterThan(10);
    const texts = allFiles(site)
      .filter((f) => /\.(html|svg|csv|json)$/.test(f))
      .map((f) => ({ f, text: /\.(html|svg)$/.test(f) ? readableText(fs.readFileSync(path.join(site, f), "utf8")) : fs.readFileSync(path.join(site, f), "utf8") }));
    if (pdf) texts.push({ f: path.basename(pdf), text: pdfText(pdf) });
    expect(pdf, "the public build prints a PDF").not.toBeNull();
    const found: string[] = [];
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    for (const [text, f] of wanted) {
      const re = new RegExp(`(?<![\\d.,\\-−])${escape(text)}(?![\\d]|[.,]\\d)`);
      for (const t of texts) if (re.test(t.text)) found.push(`${text} (${f.report} ${f.ref} ${f.field}) in ${t.f}`);
    }
    expect(found.slice(0, 10)).toEqual([]);
  });
});

describe("what the public edition says about itself", () => {
  it("says on every page that it is the public edition, and keys the symbol", () => {
    const pages = allFiles(site).filter((f) => f.endsWith(".html") && !f.startsWith("/print/"));
    for (const f of pages) expect(fs.readFileSync(path.join(site, f), "utf8"), f).toMatch(/Public edition\./);
    expect(fs.readFileSync(path.join(site, "index.html"), "utf8")).toMatch(/withheld to protect privacy/);
  });

  it("says so on the printed pack's cover and on every page of it", () => {
    expect(pdf).not.toBeNull();
    const pages = pdfText(pdf!).split("\f").filter((p) => p.trim());
    expect(pages[0]).toMatch(/Public edition\./);
    for (const [n, page] of pages.entries()) expect(page, `page ${n + 1}`).toMatch(/public edition/);
  });

  it("publishes the commentary's public text, not the internal one", () => {
    const page = fs.readFileSync(path.join(site, "2020-12", "fostering", "index.html"), "utf8");
    expect(page).toMatch(/Foster carers continue to be approved/);
    expect(page).not.toMatch(/1 set of foster carers/);
  });
});
