// The floor of a build: the work nobody can avoid, measured on the example so
// that `npm run bench` can say how far above it a build is.
//
//   chromium: start Chromium, load the board pack's final print page (as it
//             stands once laid out, contents numbered) and print it once;
//   eleventy: Eleventy rendering the same pages from data already prepared,
//             with no chart drawn.
//
// Each runs in a fresh process (`tsx scripts/bench/floor.ts MODE ...`) and
// prints its milliseconds as JSON.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadValidData } from "../build/loadAndValidate.ts";
import { buildMonthModel, reportMonths } from "../metrics/model.ts";
import { launchBrowser } from "../pdf/browser.ts";
import { openPrintPage, paginatePage, PDF_OPTIONS } from "../pdf/print.ts";
import { startStaticServer } from "../serve/staticServer.ts";
import { renderSite } from "../site/eleventy.ts";
import { buildSiteData } from "../site/siteData.ts";

const FINAL = "final.html";

/** Lays out the built print page of `month` as a build does and saves the result beside it (once per bench). */
async function prepare(siteDir: string, month: string): Promise<void> {
  const server = await startStaticServer(siteDir);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await openPrintPage(page, `${server.url}print/${month}/`, { toPlace: true });
    await paginatePage(page);
    // The layout's styles are set from script; as markup they would be inline styles the page's policy refuses.
    const html = (await page.content()).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, "");
    fs.writeFileSync(path.join(siteDir, "print", month, FINAL), html);
  } finally {
    await browser.close();
    await server.close();
  }
}

async function chromium(siteDir: string, month: string): Promise<Record<string, number>> {
  const server = await startStaticServer(siteDir);
  const t: Record<string, number> = {};
  let start = performance.now();
  const browser = await launchBrowser();
  t.start = performance.now() - start;
  try {
    const page = await browser.newPage();
    start = performance.now();
    await openPrintPage(page, `${server.url}print/${month}/${FINAL}`);
    t.load = performance.now() - start;
    start = performance.now();
    const pdf = await page.pdf(PDF_OPTIONS);
    t.print = performance.now() - start;
    if (pdf.length < 1000) throw new Error("the floor's print came out empty");
  } finally {
    await browser.close();
    await server.close();
  }
  return t;
}

async function eleventy(dataDir: string): Promise<Record<string, number>> {
  const { data } = loadValidData(dataDir);
  const months = reportMonths(data);
  const models = months.map((m) => buildMonthModel(data, m));
  const site = await buildSiteData(data, models, { pdfMonths: [months.at(-1)!] });
  stripCharts(site);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-floor-"));
  try {
    const start = performance.now();
    await renderSite(site, out);
    return { eleventy: performance.now() - start };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** The pages without their drawings: every chart's SVG is left empty. */
function stripCharts(value: unknown): void {
  if (Array.isArray(value)) value.forEach(stripCharts);
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if ((k === "svg" || k === "svgNarrow") && typeof o[k] === "string") o[k] = "";
      else stripCharts(o[k]);
    }
  }
}

const [mode, a, b] = process.argv.slice(2);
if (mode === "prepare") await prepare(a!, b!);
else if (mode === "chromium") process.stdout.write(JSON.stringify(await chromium(a!, b!)));
else if (mode === "eleventy") process.stdout.write(JSON.stringify(await eleventy(a!)));
else throw new Error("usage: tsx scripts/bench/floor.ts prepare|chromium SITE MONTH | eleventy DATA");
process.exit(0);
