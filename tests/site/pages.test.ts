// The example site: every page listed in the issue exists, every internal
// reference is relative and resolves, and the numbers on the pages are the
// model's numbers.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatValue } from "../../scripts/format/number.ts";
import { formatRated } from "../../scripts/format/ragFigure.ts";
import type { IndicatorResult, MonthModel } from "../../scripts/model/types.ts";
import { slugsFor } from "../../scripts/site/paths.ts";
import { allFiles, buildInto, cellText, readPage } from "../helpers/site.ts";
import { referenceProblems, siteReferences } from "./references.ts";

let site: string;
let months: string[];
let sections: string[];
let refs: string[];
let latest: MonthModel;
let byRef: Map<string, IndicatorResult>;

beforeAll(async () => {
  const result = await buildInto("data", { noPdf: true });
  site = result.site;
  months = result.months;
  sections = result.data.sections.map((s) => s.id);
  refs = result.data.indicators.map((i) => i.ref);
  latest = result.models.at(-1)!;
  byRef = new Map(latest.indicators.map((i) => [i.ref, i]));
}, 300_000);

describe("pages", () => {
  it("has the latest report at / and every month at /YYYY-MM/", () => {
    expect(fs.existsSync(path.join(site, "index.html"))).toBe(true);
    for (const m of months) expect(fs.existsSync(path.join(site, m, "index.html")), m).toBe(true);
    expect(readPage(site, "/").querySelector("h1")!.text).toContain("Monthly Performance Report");
    expect(readPage(site, "/").text).toContain("December 2020");
  });

  it("has a page for every section of every month", () => {
    for (const m of months) for (const s of sections) expect(fs.existsSync(path.join(site, m, s, "index.html")), `${m}/${s}`).toBe(true);
    expect(sections).toHaveLength(15);
  });

  it("has a page for every indicator, and an index of them", () => {
    const slugs = slugsFor(refs);
    for (const ref of refs) expect(fs.existsSync(path.join(site, "indicators", slugs.get(ref)!, "index.html")), ref).toBe(true);
    expect(readPage(site, "/indicators/").querySelectorAll("main a")).toHaveLength(refs.length);
  });

  it("has an archive of every month, newest first, with downloads", () => {
    const rows = readPage(site, "/archive/").querySelectorAll("tbody tr");
    expect(rows.map((r) => cellText(r.querySelector("th")!))).toEqual([...months].reverse().map((m) => expect.stringContaining(new Date(`${m}-15`).toLocaleString("en-GB", { month: "long", year: "numeric" }))));
    for (const m of months) {
      expect(fs.existsSync(path.join(site, "data", `${m}.csv`))).toBe(true);
      expect(fs.existsSync(path.join(site, "data", `${m}.json`))).toBe(true);
    }
  });

  it("ships no script", () => {
    const html = allFiles(site).filter((f) => f.endsWith(".html"));
    expect(html.length).toBeGreaterThan(300);
    for (const f of html) expect(fs.readFileSync(path.join(site, f), "utf8"), f).not.toMatch(/<script/i);
  });
});

describe("links", () => {
  it("refers to everything relative to the page, and every reference resolves to a file (and fragment)", () => {
    const refs = siteReferences(site);
    expect(refs.length).toBeGreaterThan(6000);
    expect(referenceProblems(site)).toEqual([]);
  });
});

describe("numbers on the pages are the model's numbers", () => {
  it("fills every summary row with the model's figures, formatted by unit, key columns first", () => {
    const doc = readPage(site, "/");
    const slugs = slugsFor(refs);
    let checked = 0;
    for (const table of doc.querySelectorAll(".bp-summary table")) {
      const head = table.querySelectorAll("thead th").map(cellText);
      expect(head.slice(0, 5)).toEqual(["Ref", "Indicator", "Dec-20", "DoT", "RAG"]);
      const col = (label: string) => head.indexOf(label);
      for (const row of table.querySelectorAll("tbody tr")) {
        const cells = row.querySelectorAll("th, td");
        const ind = byRef.get(cellText(cells[0]!))!;
        // the row leads to the indicator's page, as read from December's report
        expect(cells[1]!.querySelector("a")!.getAttribute("href"), ind.ref).toBe(`indicators/${slugs.get(ind.ref)}/index.html#from-2020-12`);
        expect(cellText(cells[1]!), ind.ref).toBe(ind.title);
        const fmt = (v: number | null) => formatValue(v, ind.unit, ind.decimals);
        // The month's figure at the decimals its RAG rating needs (8.1: 67.98%, Red, not 68.0%).
        if (ind.frequency === "monthly") expect(cellText(cells[col("Dec-20")]!), `${ind.ref} Dec-20`).toBe(formatRated(ind.value, ind.unit, ind.decimals, ind.target));
        expect(cellText(cells[col("Nov-20")]!), `${ind.ref} Nov-20`).toBe(fmt(ind.previous));
        expect(cellText(cells[col("YTD 2020/21")]!), `${ind.ref} YTD`).toBe(ind.ytd === null ? "-" : fmt(ind.ytd));
        expect(cellText(cells[col("RAG")]!), `${ind.ref} RAG`).toBe(ind.rag ? { red: "Red", amber: "Amber", green: "Green" }[ind.rag] : "");
        checked++;
      }
    }
    expect(checked).toBe(latest.indicators.filter((i) => i.inSummary).length);
  });

  it("gives termly indicators their latest term's figure with the term, not n/a", () => {
    const row = readPage(site, "/").querySelectorAll(".bp-summary tbody tr").find((r) => cellText(r.querySelector("th")!) === "6.13")!;
    // 6.13 % of LAC with a PEP: summer term 2019/20, 98.9% (data/terms/2019-20.yaml)
    expect(cellText(row.querySelectorAll("td")[1]!)).toBe("98.9% summer term 2019/20");
    expect(readPage(site, `/indicators/${slugsFor(refs).get("6.13")}/`).querySelector(".govuk-body-l")!.text).toBe("98.9% (summer term 2019/20)");
  });

  it("formats counts with thousands separators, percentages and rates to 1 dp, n/a where undefined", () => {
    const doc = readPage(site, "/2020-12/referrals/");
    const table = doc.querySelector(".bp-section-table table")!;
    const dec = table.querySelectorAll("tbody tr").find((r) => cellText(r.querySelector("th")!) === "Dec-20")!;
    const cells = dec.querySelectorAll("td").map(cellText);
    // 1.5a, 1.5b, 1.5, 1.10, 1.9, 1.6, 1.7, 1.8
    expect(cells).toEqual(["276", "3,522", "612.3", "8", "48", "100.0%", "12.3%", "18.8%"]);
    const contacts = readPage(site, "/2020-12/contacts/").querySelector(".bp-section-table table")!;
    const jan = contacts.querySelectorAll("tbody tr").find((r) => cellText(r.querySelector("th")!) === "Jan-20")!;
    expect(cellText(jan.querySelectorAll("td")[0]!)).toBe("n/a"); // 1.1A: no all-contacts count before the new form
    expect(cellText(jan.querySelectorAll("td")[2]!)).toBe("58.3% 972 of 1,666"); // 1.2%: the figure and its parts
  });

  it("shows DoT and RAG as words as well as symbols and colours", () => {
    const doc = readPage(site, "/");
    const row = doc.querySelectorAll(".bp-summary tbody tr").find((r) => cellText(r.querySelector("th, td")!) === "1.2%")!;
    expect(row.querySelector(".bp-dot .govuk-visually-hidden")!.text).toBe("Improved");
    expect(row.querySelector(".govuk-tag")!.text.trim()).toBe("Red");
  });

  it("shows the model's figures on an indicator page", () => {
    const doc = readPage(site, `/indicators/${slugsFor(refs).get("1.5")}/`);
    expect(doc.querySelector(".govuk-body-l")!.text).toBe("612.3 in December 2020");
    const rows = doc.querySelector('[aria-label="Every figure on record"] table')!.querySelectorAll("tbody tr");
    expect(rows).toHaveLength(12);
    // newest first
    expect(cellText(rows[0]!.querySelector("th")!)).toBe("Dec-20");
    expect(cellText(rows[11]!.querySelector("td")!)).toBe("665.2");
  });
});

describe("navigation", () => {
  const slug = (ref: string) => slugsFor(refs).get(ref)!;
  const trail = (nav: ReturnType<typeof readPage>) => nav.querySelectorAll("li").map(cellText);

  it("links a month's pages to indicator pages as read from that month, and the indicator page has that month's breadcrumbs", () => {
    const june = readPage(site, "/2020-06/referrals/");
    const link = june.querySelectorAll("main a").find((a) => cellText(a).startsWith("1.5 "))!;
    expect(link.getAttribute("href")).toBe(`../../indicators/${slug("1.5")}/index.html#from-2020-06`);
    const page = readPage(site, `/indicators/${slug("1.5")}/`);
    const juneTrail = page.querySelector("#from-2020-06")!;
    expect(trail(juneTrail)).toEqual(["June 2020", "Referrals", "1.5"]);
    expect(juneTrail.querySelectorAll("a").map((a) => a.getAttribute("href"))).toEqual(["../../2020-06/index.html", "../../2020-06/referrals/index.html"]);
    // without a month to go back to, the latest month's trail shows
    const shown = page.querySelectorAll(".bp-trail--default");
    expect(shown.map((n) => n.id)).toEqual(["from-2020-12"]);
    expect(trail(shown[0]!)).toEqual(["December 2020", "Referrals", "1.5"]);
    expect(page.querySelectorAll(".bp-trail")).toHaveLength(months.length);
  });

  it("links an indicator page to its section in every month's report", () => {
    const page = readPage(site, `/indicators/${slug("6.13")}/`);
    const list = page.querySelector(".bp-inline-list")!;
    expect(list.querySelectorAll("a").map(cellText)).toEqual([...months].reverse().map((m) => expect.stringMatching(new RegExp(`^\\w+ ${m.slice(0, 4)}$`))));
    expect(list.querySelectorAll("a").map((a) => a.getAttribute("href"))).toEqual([...months].reverse().map((m) => `../../${m}/health-and-education/index.html`));
  });
});

describe("plain words on indicator pages", () => {
  const details = (ref: string) => {
    const page = readPage(site, `/indicators/${slugsFor(refs).get(ref)}/`);
    return Object.fromEntries(page.querySelectorAll(".govuk-summary-list__row").map((r) => [cellText(r.querySelector("dt")!), cellText(r.querySelector("dd")!)]));
  };

  it("says which way is good in words, never 'Info' or 'High'", () => {
    expect(details("1.5a")["Good performance"]).toBe("No target direction (for information)");
    expect(details("1.6")["Good performance"]).toBe("A higher figure (higher is better)");
    expect(details("1.7")["Good performance"]).toBe("A lower figure (lower is better)");
  });

  it("states a percentage's change on last month in percentage points, anything else's in per cent (5.11: 0.22% to 0.65%)", () => {
    expect(details("5.11")["Latest"]).toMatch(/\(\+0\.43 percentage points on last month\)$/);
    expect(details("5.11")["Latest"]).not.toMatch(/202%/);
    // A count's change is still a per cent of last month's.
    expect(details("1.5a")["Latest"]).toMatch(/\([+−]?\d+% on last month\)$/);
  });

  it("says how every kind of figure is obtained, naming what it is worked out from", () => {
    expect(details("1.5a")["How it is worked out"]).toBe("Entered each month by the performance team, as the source system reports it");
    expect(details("1.6")["How it is worked out"]).toMatch(/^Entered each month by the performance team, as the source system reports it: a percentage of 1\.5a \(No\. of referrals/);
    expect(details("1.5b")["How it is worked out"]).toMatch(/^Worked out by boardpack each month: the total of 1\.5a \(No\. of referrals.*\) over the last 12 months$/);
    expect(details("1.5")["How it is worked out"]).toMatch(/^Worked out by boardpack each month: 1\.5b \(.*\) per 10,000 children aged 0 to 17 living in the area$/);
    expect(details("1.2%")["How it is worked out"]).toMatch(/^Worked out by boardpack each month: 1\.2 \(.*\) as a percentage of 1\.1 \(/);
    expect(details("6.13")["How it is worked out"]).toBe("Entered each term by the performance team, as the source system reports it");
    for (const ref of refs) expect(details(ref)["How it is worked out"], ref).not.toMatch(/^entered|rolling12|ratio/);
  });
});

describe("charts", () => {
  it("renders every chart of the catalogue as inline SVG with a title, description and figures", () => {
    const doc = readPage(site, "/2020-12/assessments/");
    const figures = doc.querySelectorAll("figure.bp-chart");
    expect(figures).toHaveLength(5);
    for (const f of figures) {
      const svg = f.querySelector("svg")!;
      expect(svg.getAttribute("role")).toBe("img");
      const [titleId, descId] = svg.getAttribute("aria-labelledby")!.split(" ");
      expect(svg.querySelector(`#${titleId}`)!.text.length).toBeGreaterThan(5);
      expect(svg.querySelector(`#${descId}`)!.text).toMatch(/chart/);
      expect(f.querySelector("figcaption")!.text.length).toBeGreaterThan(5);
      expect(f.querySelectorAll("table tbody tr").length).toBeGreaterThanOrEqual(5);
    }
    expect(doc.querySelector("figure.bp-chart table")!.text).toContain("266");
  });

  it("gives each chart on a page its own ids", () => {
    const ids = readPage(site, "/2020-12/child-protection/").querySelectorAll("[id]").map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
