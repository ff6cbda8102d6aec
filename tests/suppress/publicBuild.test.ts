// The example built as the public edition: no figure the internal model
// withholds reaches any file of dist/ (pages, charts, downloads, the PDF).
// The list of withheld figures comes from the internal model (a plan made
// here, not read back from the public output).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as XLSX from "@e965/xlsx";
import { parse as parseCsv } from "csv-parse/sync";
import { parse, type HTMLElement } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { policyFor } from "../../scripts/build/contentSecurityPolicy.ts";
import { formatValue } from "../../scripts/format/number.ts";
import { buildMonthModel, reportMonths } from "../../scripts/metrics/model.ts";
import { addMonths, shortMonth } from "../../scripts/metrics/months.ts";
import { slugsFor } from "../../scripts/site/paths.ts";
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
let out = "";
let pdf: string | null = null;

beforeAll(async () => {
  const r = await buildInto(DATA, { edition: "public" });
  site = r.site;
  out = r.outDir;
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

/**
 * Every withheld figure of the plan, looked for where the public edition would
 * print it: the cell of each table (rows or columns of months, the YTD, the
 * outturn years, the terms, the 12-month average and maximum, rolling 12
 * months), the per-series sentences of chart titles and descriptions, the
 * CSV, Excel and JSON downloads. Each place that would hold a withheld
 * figure must show the symbol. `checked` records, for each figure, where.
 */
const latestMonth = internal.at(-1)!.month;
const allMonths = [...new Set(internal.flatMap((m) => m.indicators.flatMap((i) => i.series.map((p) => p.month))))];
const monthOfShort = new Map(allMonths.map((m) => [shortMonth(m), m]));
const termLabels = new Set(internal.flatMap((m) => m.indicators.flatMap((i) => i.terms.map((t) => t.label))));
const refOfSlug = new Map([...slugsFor(data.indicators.map((i) => i.ref))].map(([ref, slug]) => [slug, ref]));
const withheldKey = (report: string, ref: string, field: string) => `${report}\u0000${ref}\u0000${field}`;
const withheldSet = new Set(plan.figures.map((f) => withheldKey(f.report, f.ref, f.field)));

/** The field a row or column heading stands for (`cell:2020-12`, `ytd`, `annual:2019/20`...), or null. */
function fieldOfHeading(h: string, report: MonthModel): string | null {
  const text = h.replace(/\s*†.*$/, "").trim();
  const month = monthOfShort.get(text);
  if (month) return `cell:${month}`;
  const ytd = /^YTD (\d{4}\/\d{2})$/.exec(text);
  if (ytd) return ytd[1] === report.reportingYear ? "ytd" : null;
  if (/^\d{4}\/\d{2}$/.test(text)) return `annual:${text}`;
  if (/^12[- ]month average$/i.test(text)) return "average12";
  if (/^12[- ]month max(imum)?$/i.test(text)) return "max12";
  if (/^Rolling 12 months$/i.test(text)) return "rolling12";
  if (termLabels.has(text)) return `term:${text}`;
  return null;
}

/** The indicator a heading names: its reference first (`9.4 Number of...`), else its title or short title among `refs`. */
function refOfHeading(h: string, refs: string[]): string | null {
  const first = h.split(" ")[0]!;
  if (byRef.has(first)) return first;
  const matches = refs.filter((r) => byRef.get(r)!.title === h || byRef.get(r)!.shortTitle === h);
  return matches.length === 1 ? matches[0]! : null;
}

/** The report a page belongs to, and the indicators it is about. */
function pageScope(file: string): { report: MonthModel; refs: string[] } | null {
  const month = /^\/(\d{4}-\d{2})\//.exec(file)?.[1] ?? /^\/print\/(\d{4}-\d{2})\//.exec(file)?.[1] ?? null;
  const report = internal.find((m) => m.month === (month ?? latestMonth));
  if (!report) return null;
  const section = /^\/\d{4}-\d{2}\/([^/]+)\//.exec(file)?.[1];
  const slug = /^\/indicators\/([^/]+)\//.exec(file)?.[1];
  const refs = slug ? [refOfSlug.get(slug)!] : report.indicators.filter((i) => !section || i.section === section).map((i) => i.ref);
  return { report, refs };
}

/** Every place of the site's pages that holds a figure of an indicator: [page, ref, field, text shown]. */
interface ShownCell {
  file: string;
  report: string;
  ref: string;
  field: string;
  text: string;
  /** The figure is a part of the cell (a percentage's `n of d`), not the cell itself. */
  part: boolean;
}

function tableCells(site: string): ShownCell[] {
  const out: ShownCell[] = [];
  for (const file of allFiles(site).filter((f) => f.endsWith(".html"))) {
    const scope = pageScope(file);
    if (!scope) continue;
    const { report, refs } = scope;
    const push = (ref: string, field: string, text: string) => {
      out.push({ file, report: report.month, ref, field, text, part: false });
      // A percentage's cell also shows its numerator and denominator (`19.6% 106 of 541`).
      const c = byRef.get(ref)!.compute;
      if (c && "ratio" in c) for (const p of [c.ratio.numerator, c.ratio.denominator]) out.push({ file, report: report.month, ref: p, field, text, part: true });
    };
    for (const t of tables(parse(fs.readFileSync(path.join(site, file), "utf8")))) {
      const colRef = t.head.map((h) => (h === "Outturn" && refs.length === 1 ? refs[0]! : refOfHeading(h, refs)));
      const colField = t.head.map((h) => fieldOfHeading(h, report));
      for (const row of t.rows) {
        const rowLabel = row[0] ?? "";
        // Indicators across, periods down (section tables, chart tables, an indicator's history and outturns).
        const rowField = fieldOfHeading(rowLabel, report);
        if (rowField) row.forEach((text, n) => n > 0 && colRef[n] && push(colRef[n]!, rowField, text));
        // Indicators down, periods across (the summary).
        else if (byRef.has(rowLabel)) row.forEach((text, n) => n > 0 && colField[n] && push(rowLabel, colField[n]!, text));
      }
    }
  }
  return out;
}

/** The figures a chart's words give for a month, series by series: `Label: 12 in Dec-20; highest 15 (Jun-20), lowest 3 (Feb-20).` */
function chartSentences(text: string, refs: string[]): { ref: string; month: string; figure: string }[] {
  const out: { ref: string; month: string; figure: string }[] = [];
  for (const sentence of text.split(/(?<=\.) (?=\S)/)) {
    const m = /^(.+?): (\S+) in ([A-Z][a-z]{2}-\d{2}); highest(?: of the figures shown)? (\S+) \(([^)]+)\), lowest(?: of the figures shown)? (\S+) \(([^)]+)\)\.$/.exec(sentence);
    if (!m) continue;
    const ref = refOfHeading(m[1]!, refs);
    if (!ref) continue;
    for (const [figure, short] of [[m[2], m[3]], [m[4], m[5]], [m[6], m[7]]] as [string, string][]) {
      const month = monthOfShort.get(short);
      if (month) out.push({ ref, month, figure });
    }
  }
  return out;
}

const names = new Set([...data.sections.map((s) => s.title), ...data.indicators.flatMap((i) => [i.title, i.shortTitle])]);

describe("every withheld figure of the plan, in place", () => {
  it("shows the symbol in each table cell that stands for it: month cells, YTD, outturns, terms, 12-month average, maximum and rolling 12 months", () => {
    const cells = tableCells(site);
    const checked = new Map<string, number>();
    const leaks: string[] = [];
    for (const c of cells) {
      const key = withheldKey(c.report, c.ref, c.field);
      if (!withheldSet.has(key)) continue;
      checked.set(key, (checked.get(key) ?? 0) + 1);
      // A withheld numerator or denominator: the percentage is withheld too, or shown without its parts.
      const ok = WITHHELD_CELL.test(c.text) || (c.part && !/\d of \d/.test(c.text));
      if (!ok) leaks.push(`${c.file}: ${c.ref} ${c.field}${c.part ? " (as a part of a percentage)" : ""} shows "${c.text}"`);
    }
    expect(leaks.slice(0, 10)).toEqual([]);
    // Each kind of figure is found where pages print it; every withheld figure of a month, a YTD or an outturn is in some table.
    const kinds = new Set([...checked.keys()].map((k) => k.split("\u0000")[2]!.split(":")[0]));
    for (const kind of ["cell", "ytd", "annual"]) expect(kinds, kind).toContain(kind);
    const unseen = plan.figures.filter((f) => /^(cell|ytd|annual):?/.test(f.field) && !checked.has(withheldKey(f.report, f.ref, f.field)));
    expect(unseen.map((f) => `${f.report} ${f.ref} ${f.field}`).slice(0, 10)).toEqual([]);
    expect(checked.size).toBeGreaterThan(1000);
  });

  it("gives no figure for a withheld month in any chart title, description or aria-label, and none in a data-* attribute", () => {
    let sentences = 0;
    const leaks: string[] = [];
    for (const file of allFiles(site).filter((f) => /\.(html|svg)$/.test(f))) {
      const scope = pageScope(file);
      if (!scope) continue;
      const root = parse(fs.readFileSync(path.join(site, file), "utf8"));
      const texts = [...root.querySelectorAll("title, desc").map((e) => e.textContent), ...root.querySelectorAll("[aria-label]").map((e) => e.getAttribute("aria-label")!)];
      for (const text of texts) {
        for (const s of chartSentences(text.replace(/\s+/g, " "), scope.refs)) {
          sentences++;
          if (withheldSet.has(withheldKey(scope.report.month, s.ref, `cell:${s.month}`))) leaks.push(`${file}: ${s.ref} ${s.month} given as ${s.figure}`);
        }
      }
      // data-* attributes carry no figure of a withheld cell of the page's report.
      const withheldTexts = new Set(
        plan.figures.filter((f) => f.report === scope.report.month && scope.refs.includes(f.ref)).map((f) => formatValue(f.value, byRef.get(f.ref)!.unit, byRef.get(f.ref)!.decimals)),
      );
      for (const el of root.querySelectorAll("*")) {
        for (const [name, value] of Object.entries(el.attributes)) {
          if (!/^data-/i.test(name)) continue;
          // Names (a section's or an indicator's title, such as "Section 47 enquiries") are words, not figures.
          if (names.has(value)) continue;
          for (const token of value.split(/[\s,;:()]+/)) if (withheldTexts.has(token)) leaks.push(`${file}: ${name}="${value}"`);
        }
      }
    }
    expect(leaks.slice(0, 10)).toEqual([]);
    expect(sentences).toBeGreaterThan(1000);
  });

  it("shows the symbol in the CSV and Excel downloads of each month: figure, previous month, 12-month average and maximum, YTD, rolling 12 months, every month column", () => {
    const leaks: string[] = [];
    let checked = 0;
    for (const m of internal) {
      const rows = parseCsv(fs.readFileSync(path.join(site, "data", `${m.month}.csv`), "utf8"), { columns: true, bom: true }) as Record<string, string>[];
      const byRow = new Map(rows.map((r) => [r.Ref, r]));
      const book = XLSX.read(fs.readFileSync(path.join(site, "data", `${m.month}.xlsx`)));
      const sheet = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, raw: true, defval: null });
      const header = sheet[sheet.findIndex((r) => r[0] === "Ref")]!;
      const xcol = (name: string) => header.indexOf(name);
      const csvColumns: [string, string][] = [
        [`cell:${m.month}`, "Figure"],
        [`cell:${m.month}`, "Numerator"],
        [`cell:${m.month}`, "Denominator"],
        [`cell:${addMonths(m.month, -1)}`, "Previous month"],
        ["average12", "12-month average"],
        ["max12", "12-month maximum"],
        ["ytd", `Year to date ${m.reportingYear}`],
        ["rolling12", "Rolling 12 months"],
      ];
      for (const f of figuresOf(m.month)) {
        const row = byRow.get(f.ref)!;
        for (const [field, column] of csvColumns) {
          if (f.field !== field || row[column] === undefined) continue;
          checked++;
          // A withheld figure shows the symbol; its numerator and denominator are left empty (or show it too).
          const ok = column === "Numerator" || column === "Denominator" ? row[column] === "" || row[column] === SYMBOL : row[column] === SYMBOL;
          if (!ok) leaks.push(`${m.month}.csv: ${f.ref} ${column} = "${row[column]}"`);
        }
        const xrow = sheet.find((r) => r[0] === f.ref)!;
        const xlsxColumns: [string, number][] = [
          ["average12", xcol("12 month average")],
          ["max12", xcol("12 month maximum")],
          ["ytd", xcol("YTD")],
          ...header.flatMap((h, n) => (typeof h === "number" ? [[`cell:${XLSX.SSF.format("yyyy-mm", h)}`, n] as [string, number]] : [])),
        ];
        for (const [field, c] of xlsxColumns) {
          if (f.field !== field || c < 0) continue;
          checked++;
          if (xrow[c] !== SYMBOL) leaks.push(`${m.month}.xlsx: ${f.ref} ${field} = ${JSON.stringify(xrow[c])}`);
        }
      }
    }
    expect(leaks.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
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

describe("the public edition's pages are locked down and reproducible", () => {
  it("carries the Content-Security-Policy on every page (print pages too), right after <meta charset>, with the policy worked out for that page", () => {
    const pages = allFiles(site).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(300);
    expect(pages.some((f) => f.startsWith("/print/"))).toBe(true);
    for (const f of pages) {
      const html = fs.readFileSync(path.join(site, f), "utf8");
      const m = /<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
      expect(m, f).not.toBeNull();
      expect(m![1], f).toMatch(/^default-src 'self'; script-src 'none'; /);
      expect(m![1], f).toBe(policyFor(html));
      expect(html.match(/http-equiv="Content-Security-Policy"/g), f).toHaveLength(1);
    }
  });

  it("gives byte-identical files (site and PDF) when built twice, with the chart and PDF caches off the second time", async () => {
    const hashes = (dir: string) => Object.fromEntries(allFiles(dir).map((f) => [f, crypto.createHash("sha256").update(fs.readFileSync(path.join(dir, f))).digest("hex")]));
    const saved = { chart: process.env.BOARDPACK_CHART_CACHE, pdf: process.env.BOARDPACK_PDF_CACHE };
    process.env.BOARDPACK_CHART_CACHE = "off";
    process.env.BOARDPACK_PDF_CACHE = "off";
    let second: string;
    try {
      second = (await buildInto(DATA, { edition: "public" })).outDir;
    } finally {
      for (const [k, v] of [["BOARDPACK_CHART_CACHE", saved.chart], ["BOARDPACK_PDF_CACHE", saved.pdf]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    const first = hashes(out);
    expect(Object.keys(first).filter((f) => f.startsWith("/site/") && f.endsWith(".html")).length).toBeGreaterThan(300);
    expect(Object.keys(first).some((f) => f.endsWith(".pdf"))).toBe(true);
    expect(hashes(second)).toEqual(first);
  }, 600_000);
});
