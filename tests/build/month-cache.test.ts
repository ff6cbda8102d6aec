// Published months do not change: a second build of a synthetic 24-month
// archive renders no chart and prints no board pack again, and adding a
// month renders only what shows the new month (counted, not timed): charts,
// section pages and board packs.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuild } from "../../scripts/build/pipeline.ts";
import { cacheStats, renderedCharts } from "../../scripts/charts/render.ts";
import { pdfStats } from "../../scripts/pdf/pdfCache.ts";
import { pageStats } from "../../scripts/site/pageCache.ts";
import { writeSyntheticArchive } from "../../scripts/synthetic/archive.ts";
import { monthStats } from "../../scripts/build/monthCache.ts";
import { startBrowser, type BrowserStart } from "../../scripts/pdf/browser.ts";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-month-cache-"));
const data = path.join(work, "data");
const out = path.join(work, "dist");
const held = path.join(work, "held");
const savedCache = process.env.BOARDPACK_CACHE_DIR;

/** What one build rendered and printed; `browser`, a Chromium started before it (as the command line does). */
async function build(month?: string, browser?: BrowserStart) {
  const charts = renderedCharts.length;
  const hits = cacheStats.hits;
  const printed = pdfStats.printed;
  const cached = pdfStats.cached;
  const pages = { ...pageStats };
  const taken = monthStats.taken;
  const result = await runBuild({ data, out, ...(month ? { month } : {}), ...(browser ? { browser } : {}) });
  return {
    phases: result.timer.phases.map((p) => p.name),
    rendered: renderedCharts.slice(charts),
    hits: cacheStats.hits - hits,
    printed: pdfStats.printed - printed,
    cached: pdfStats.cached - cached,
    pagesRendered: pageStats.rendered - pages.rendered,
    pagesCopied: pageStats.cached - pages.cached,
    /** Months taken whole from the cache: no model, chart or page made (monthCache.ts). */
    monthsTaken: monthStats.taken - taken,
  };
}

beforeAll(() => {
  // A cache of its own, so the first build starts from nothing.
  process.env.BOARDPACK_CACHE_DIR = path.join(work, "cache");
  writeSyntheticArchive(data, { months: 24, indicators: 40, end: "2020-12", seed: 7 });
  // December comes in later: hold its month file and commentary back.
  fs.mkdirSync(held, { recursive: true });
  fs.renameSync(path.join(data, "months", "2020-12.yaml"), path.join(held, "2020-12.yaml"));
  if (fs.existsSync(path.join(data, "commentary", "2020-12"))) fs.renameSync(path.join(data, "commentary", "2020-12"), path.join(held, "commentary"));
});

afterAll(() => {
  if (savedCache === undefined) delete process.env.BOARDPACK_CACHE_DIR;
  else process.env.BOARDPACK_CACHE_DIR = savedCache;
  fs.rmSync(work, { recursive: true, force: true });
});

describe("a 24-month archive, built again", () => {
  it("first build renders every chart and prints the pack; the same data again renders none and prints none", async () => {
    const first = await build();
    expect(first.rendered.length).toBeGreaterThan(100);
    expect(first.printed).toBe(1);
    // The site's last Eleventy run waits for the pack's Chromium to be up (its start takes both cores).
    expect(first.phases.indexOf("waiting for Chromium to start")).toBeGreaterThan(0);
    expect(first.phases.indexOf("waiting for Chromium to start")).toBeLessThan(first.phases.indexOf("eleventy"));
    expect(first.pagesRendered).toBe(23 * 3 + 40); // 23 months of two section pages and a month page; 40 indicator pages
    expect(first.pagesCopied).toBe(0);
    const pdf = fs.readFileSync(path.join(out, "board-pack-2020-11.pdf"));

    expect(first.monthsTaken).toBe(0);
    // A Chromium started before the build (as \`npm run build\` does): with every pack unchanged, none is printed and the build stops it.
    const early = startBrowser();
    const again = await build(undefined, early);
    // Never asked for: killed, its start cut short (or, if it had started, disconnected).
    expect(await early.get().then((b) => b.connected, () => false)).toBe(false);
    expect(again.rendered).toEqual([]);
    expect(again.hits).toBeGreaterThan(0);
    // Every month but the latest (which has the pack) is taken whole: its charts are not even looked up.
    expect(again.monthsTaken).toBe(22);
    expect(again.printed).toBe(0);
    expect(again.cached).toBe(1);
    expect(again.pagesRendered).toBe(0);
    // The indicator pages too: the same months, so the same pages.
    expect(again.pagesCopied).toBe(23 * 3 + 40);
    // The copy is the pack as printed.
    expect(fs.readFileSync(path.join(out, "board-pack-2020-11.pdf")).equals(pdf)).toBe(true);
  });

  it("a new month renders its own charts and the indicator pages' only; the earlier month's pack is not printed again", async () => {
    fs.renameSync(path.join(held, "2020-12.yaml"), path.join(data, "months", "2020-12.yaml"));
    if (fs.existsSync(path.join(held, "commentary"))) fs.renameSync(path.join(held, "commentary"), path.join(data, "commentary", "2020-12"));
    const early = startBrowser();
    const added = await build(undefined, early);
    expect(added.printed).toBe(1); // December's pack, printed with the Chromium started before the build, which the build then stops
    expect((await early.get()).connected).toBe(false);
    expect(added.rendered.some((n) => n.startsWith("chart-2020-12-"))).toBe(true);
    const earlier = added.rendered.filter((n) => /^chart-\d{4}-\d{2}-/.test(n) && !n.startsWith("chart-2020-12-"));
    expect(earlier).toEqual([]);
    // Only December's pages are rendered, and November's month page (no longer the latest, and without the pack now)
    // and its two section pages (no longer the latest, their charts are not drawn for phones: the wide drawings come
    // from the chart cache); the earlier months' pages are copied as they were.
    // Every indicator page gains December.
    expect(added.pagesRendered).toBe(2 + 1 + 1 + 2 + 40);
    expect(added.pagesCopied).toBe(22 * 2 + 22);
    // November was the latest month: its pages change, so it is made again.
    expect(added.monthsTaken).toBe(22);

    // What the caches gave is what a build with every cache off makes, file for file.
    const clean = path.join(work, "clean");
    const switches = ["BOARDPACK_CHART_CACHE", "BOARDPACK_PAGE_CACHE", "BOARDPACK_PDF_CACHE"];
    for (const k of switches) process.env[k] = "off";
    try {
      await runBuild({ data, out: clean });
    } finally {
      for (const k of switches) delete process.env[k];
    }
    const files = (dir: string) => (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
    expect(files(path.join(clean, "site"))).toEqual(files(path.join(out, "site")));
    const differ = files(path.join(out, "site")).filter((f) => !fs.readFileSync(path.join(out, "site", f)).equals(fs.readFileSync(path.join(clean, "site", f))));
    expect(differ).toEqual([]);

    // November's pack as the report month: unchanged, so copied, not printed.
    const november = await build("2020-11");
    expect(november.printed).toBe(0);
    expect(november.cached).toBe(1);
    expect(november.rendered).toEqual([]);
    // Only the two month pages whose pack link changed: November's links its pack again, December's no longer has one.
    expect(november.pagesRendered).toBe(2);
    expect(november.monthsTaken).toBe(22);
  });
});
