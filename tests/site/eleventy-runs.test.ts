// A site with more pages than one Eleventy run renders (PAGES_PER_RUN in
// scripts/site/eleventy.ts: Eleventy holds every page of a run in memory) is
// rendered in several runs: the same files, whatever the number of runs.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import os from "node:os";
import { copyFixture } from "../helpers/fixture.ts";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { buildMonthModel, reportMonths } from "../../scripts/metrics/model.ts";
import { buildSiteData } from "../../scripts/site/siteData.ts";
import { pagesRun, renderSite } from "../../scripts/site/eleventy.ts";
import { pageRenderer } from "../../scripts/site/pageRenderer.ts";
import { allFiles, buildInto } from "../helpers/site.ts";
import nunjucks from "nunjucks";
import { forgetSharedNunjucksEnvironments, sharedNunjucksEnvironment } from "../../scripts/site/nunjucksEnv.mjs";

const saved = { perRun: process.env.BOARDPACK_PAGES_PER_RUN, cache: process.env.BOARDPACK_PAGE_CACHE, worker: process.env.BOARDPACK_PAGE_WORKER };
afterAll(() => {
  for (const [name, value] of [["BOARDPACK_PAGES_PER_RUN", saved.perRun], ["BOARDPACK_PAGE_CACHE", saved.cache], ["BOARDPACK_PAGE_WORKER", saved.worker]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("the site rendered in several Eleventy runs", () => {
  it("is the same site, file for file, as one run renders", async () => {
    const data = copyFixture();
    // Every page rendered (none copied from the page cache), so each run renders its share.
    process.env.BOARDPACK_PAGE_CACHE = "off";
    delete process.env.BOARDPACK_PAGES_PER_RUN;
    const one = await buildInto(data, { noPdf: true });
    process.env.BOARDPACK_PAGES_PER_RUN = "3";
    const many = await buildInto(data, { noPdf: true });
    const files = allFiles(one.site);
    const pages = files.filter((f) => f.endsWith(".html"));
    // Enough section, month and indicator pages that a run of 3 cannot hold them.
    expect(pages.filter((f) => /^\/\d{4}-\d{2}\//.test(f)).length).toBeGreaterThan(6);
    expect(pages.filter((f) => f.startsWith("/indicators/")).length).toBeGreaterThan(6);
    expect(allFiles(many.site)).toEqual(files);
    for (const f of files) expect(fs.readFileSync(path.join(many.site, f)).equals(fs.readFileSync(path.join(one.site, f))), f).toBe(true);
  });
});

describe("month, section and indicator pages rendered as they are made (pageStream.ts)", () => {
  it("are the pages Eleventy renders from the whole site's data at once", async () => {
    const data = copyFixture();
    process.env.BOARDPACK_PAGE_CACHE = "off";
    process.env.BOARDPACK_PAGES_PER_RUN = "2";
    const built = await buildInto(data, { noPdf: true });
    // The same site prepared whole (every month's section pages held) and rendered in one go.
    delete process.env.BOARDPACK_PAGES_PER_RUN;
    const { data: set } = loadValidData(data);
    const site = await buildSiteData(set, reportMonths(set).map((m) => buildMonthModel(set, m)));
    expect(built.siteData.sectionPages).toEqual([]);
    expect(built.siteData.monthPages).toEqual([]);
    expect(built.siteData.indicatorPages).toEqual([]);
    const whole = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-whole-"));
    await renderSite(site, whole);
    const sections = site.sectionPages.map((p) => `${p.url}index.html`);
    expect(sections.length).toBeGreaterThan(4);
    for (const f of allFiles(whole).filter((x) => x.endsWith(".html"))) {
      expect(fs.readFileSync(path.join(built.site, f), "utf8"), f).toBe(fs.readFileSync(path.join(whole, f), "utf8"));
    }
    expect(allFiles(built.site).filter((f) => sections.includes(f))).toEqual([...sections].sort());
  });
});

describe("pages rendered on the pages worker (pageRenderer.ts)", () => {
  it("are the files the build's own thread renders, batch by batch", async () => {
    const data = copyFixture();
    process.env.BOARDPACK_PAGE_CACHE = "off";
    process.env.BOARDPACK_PAGES_PER_RUN = "8";
    process.env.BOARDPACK_PAGE_WORKER = "0";
    const here = await buildInto(data, { noPdf: true });
    delete process.env.BOARDPACK_PAGE_WORKER;
    const renderer = pageRenderer(here.outDir, {});
    // On a machine of two cores or more, the build renders its pages on the worker (4 pages a batch here).
    if (os.availableParallelism() > 1) expect(renderer.perBatch).toBe(4);
    await renderer.close();
    const worker = await buildInto(data, { noPdf: true });
    const files = allFiles(here.site);
    // Several batches of 4 on the worker.
    expect(files.filter((f) => f.endsWith(".html")).length).toBeGreaterThan(12);
    expect(allFiles(worker.site)).toEqual(files);
    for (const f of files) expect(fs.readFileSync(path.join(worker.site, f)).equals(fs.readFileSync(path.join(here.site, f))), f).toBe(true);
  });

  it("fails with Eleventy's reason when a batch cannot be written, and then refuses more", async () => {
    delete process.env.BOARDPACK_PAGE_WORKER;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-pages-worker-"));
    // A file where the site's folder should be: nothing can be written under it.
    const blocked = path.join(dir, "site");
    fs.writeFileSync(blocked, "");
    const { data: set } = loadValidData(copyFixture());
    const site = await buildSiteData(set, reportMonths(set).map((m) => buildMonthModel(set, m)));
    const renderer = pageRenderer(blocked, {});
    try {
      await expect(renderer.run(pagesRun({ monthPages: site.monthPages.slice(0, 1), sectionPages: [], indicatorPages: [] }, site))).rejects.toThrow(/trouble writing to .*2020-12/);
    } finally {
      await renderer.close();
    }
    await expect(renderer.run(pagesRun({ monthPages: [], sectionPages: [], indicatorPages: [] }, site))).rejects.toThrow(/closed/);
  });
});

describe("a month with a board pack", () => {
  it("is made first, and its print page given before any other month's pages or the indicator pages (the pack prints while they are made)", async () => {
    const { data: set } = loadValidData(copyFixture());
    const months = reportMonths(set);
    // Not the latest month: the order is by pack, not by date.
    const packMonth = months[months.length - 3]!;
    const events: string[] = [];
    const site = await buildSiteData(
      set,
      { months, model: (m) => buildMonthModel(set, m) },
      {
        pdfMonths: [packMonth],
        pages: {
          month: async (page) => void events.push(`month ${page.month}`),
          indicators: async (pages) => void events.push(`indicators ${pages.length}`),
        },
        onPrintPage: (page) => void events.push(`print ${page.month}`),
      },
    );
    expect(events.slice(0, 2)).toEqual([`print ${packMonth}`, `month ${packMonth}`]);
    expect(events.filter((e) => e.startsWith("month ")).length).toBe(months.length);
    expect(events.some((e) => e.startsWith("indicators "))).toBe(true);
    // The site lists its months newest first, whatever order they were made in.
    expect(site.months.map((m) => m.month)).toEqual([...months].reverse());
    expect(site.printPages.map((p) => p.month)).toEqual([packMonth]);
  });

  it("goes on to the other months while the print page renders (the chart workers are not left waiting for it)", async () => {
    const { data: set } = loadValidData(copyFixture());
    const months = reportMonths(set);
    const events: string[] = [];
    let rendered = () => {};
    // A print page whose rendering has not finished by the time every month is made.
    const rendering = new Promise<void>((resolve) => (rendered = resolve));
    const built = buildSiteData(
      set,
      { months, model: (m) => buildMonthModel(set, m) },
      {
        pdfMonths: [months.at(-1)!],
        pages: {
          month: async (page) => void events.push(`month ${page.month}`),
          indicators: async () => void events.push("indicators"),
        },
        onPrintPage: () => {
          events.push("print given");
          return rendering;
        },
      },
    );
    const outcome = await Promise.race([built.then(() => "built"), new Promise((resolve) => setTimeout(() => resolve("waited for the print page"), 10_000))]);
    rendered();
    expect(outcome).toBe("built");
    expect(events[0]).toBe("print given");
    expect(events.filter((e) => e.startsWith("month ")).length).toBe(months.length);
  }, 20_000);
});

describe("the Nunjucks environment of a build's Eleventy runs", () => {
  it("is one for every run of a build, so a partial is read and compiled once, not once a run", async () => {
    const data = copyFixture();
    process.env.BOARDPACK_PAGE_CACHE = "off";
    // Counted in this thread: the pages worker has its own environment, made the same way.
    process.env.BOARDPACK_PAGE_WORKER = "0";
    process.env.BOARDPACK_PAGES_PER_RUN = "3";
    const loader = nunjucks.FileSystemLoader.prototype as unknown as { getSource(name: string): unknown };
    const getSource = loader.getSource;
    const read: string[] = [];
    loader.getSource = function (this: unknown, name: string) {
      read.push(name);
      return getSource.call(this, name);
    };
    try {
      await buildInto(data, { noPdf: true });
    } finally {
      loader.getSource = getSource;
    }
    // Many runs (three pages each), each rendering charts with this partial: read once.
    expect(read.filter((n) => n === "partials/chart.njk")).toHaveLength(1);
    // Each run's shortcodes (Eleventy's, as Nunjucks extensions) replace the last run's: none of an earlier run is held.
    const shared = (globalThis as unknown as Record<symbol, Map<string, { extensions: object; extensionsList: unknown[] }>>)[Symbol.for("boardpack.nunjucksEnvironments")]!;
    expect(shared.size).toBe(1);
    for (const env of shared.values()) expect(env.extensionsList).toHaveLength(Object.keys(env.extensions).length);
    expect(read.filter((n) => n === "layouts/base.njk").length).toBeLessThanOrEqual(1);
  });

  it("compiles a page's template once for all the pages it paginates, and again only when its text changes", async () => {
    const data = copyFixture();
    process.env.BOARDPACK_PAGE_CACHE = "off";
    process.env.BOARDPACK_PAGE_WORKER = "0";
    process.env.BOARDPACK_PAGES_PER_RUN = "400";
    forgetSharedNunjucksEnvironments();
    const compiler = (nunjucks as unknown as { compiler: { compile(src: string, ...rest: unknown[]): string } }).compiler;
    const compile = compiler.compile;
    const compiled: string[] = [];
    compiler.compile = function (src: string, ...rest: unknown[]) {
      compiled.push(src);
      return compile.call(this, src, ...rest);
    };
    const indicatorTemplate = fs.readFileSync(path.join(import.meta.dirname, "..", "..", "content", "indicator.njk"), "utf8").replace(/^---[\s\S]*?---\n/, "");
    let site: string;
    try {
      ({ site } = await buildInto(data, { noPdf: true }));
    } finally {
      compiler.compile = compile;
    }
    // Eleventy makes a template for each indicator page (and its permalink): one compile of each text.
    const pages = fs.readdirSync(path.join(site, "indicators")).filter((f) => !f.includes("."));
    expect(pages.length).toBeGreaterThan(2);
    expect(compiled.filter((src) => src === indicatorTemplate)).toHaveLength(1);
    expect(compiled.filter((src) => src === "{{ ip.url }}")).toHaveLength(1);

    // The same path with other text (a template edited while the preview runs) is compiled, not taken for the old one.
    const env = sharedNunjucksEnvironment([path.join(import.meta.dirname, "..", "..", "templates")]);
    const render = (text: string) => new nunjucks.Template(text, env, "/content/x.njk").render({ n: 2 });
    expect(render("a{{ n }}")).toBe("a2");
    expect(render("b{{ n }}")).toBe("b2");
    expect(render("a{{ n }}")).toBe("a2");
  });

  it("is made again for the next build (the preview's, after a template is edited)", () => {
    const env = sharedNunjucksEnvironment(["templates"]);
    expect(sharedNunjucksEnvironment(["templates"])).toBe(env);
    forgetSharedNunjucksEnvironments();
    expect(sharedNunjucksEnvironment(["templates"])).not.toBe(env);
  });
});

