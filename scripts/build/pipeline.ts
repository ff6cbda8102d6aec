// The build: load -> validate -> compute -> render -> print, in that order.
import fs from "node:fs";
import path from "node:path";
import type { Problems } from "../model/problems.ts";
import type { DataSet, Month, MonthModel } from "../model/types.ts";
import { buildMonthModel, reportMonths } from "../metrics/model.ts";
import { DownloadWriter, type DownloadFiles } from "../output/downloads.ts";
import { MonthCache } from "./monthCache.ts";
import { loadValidData } from "./loadAndValidate.ts";
import { stageOutput } from "./outputDir.ts";
import { buildSiteData, type SiteData } from "../site/siteData.ts";
import { pageStream as streamPages, printRun, renderSite } from "../site/eleventy.ts";
import { pageRenderer, startPagesWorker, type PageRenderer, type PagesWorker } from "../site/pageRenderer.ts";
import type { PageStream } from "../site/pageStream.ts";
import { startStyles, type StylesheetName } from "../site/styles.ts";
import { chartStats } from "../charts/chart.ts";
import type { BrowserStart } from "../pdf/browser.ts";
import { PackQueue } from "./packQueue.ts";
import { longMonth } from "../metrics/months.ts";
import { PhaseTimer } from "./timer.ts";
import type { Progress } from "./progress.ts";
import { planSuppression, type SuppressionPlan } from "../suppress/plan.ts";
import { publicModels } from "../suppress/apply.ts";
import { checkPublicBases, checkPublicCommentary } from "../suppress/commentaryCheck.ts";
import { formatValue } from "../format/number.ts";
import { setBuildV8Flags } from "./v8Flags.ts";
import { forgetSharedNunjucksEnvironments } from "../site/nunjucksEnv.mjs";

export interface BuildOptions {
  data: string;
  out: string;
  /** The month of the PDF board pack (default: the latest month with data). */
  month?: Month;
  /** Skip printing the PDF (a site-only preview). */
  noPdf?: boolean;
  /** Print the board pack of every month with data, not only the report month (for a published archive). */
  allPdfs?: boolean;
  /** internal (default): every figure; public: small numbers suppressed, for a site on the open web. */
  edition?: "internal" | "public";
  /** A local preview (npm run serve): pages may load the preview server's reload script. */
  preview?: boolean;
  /** Where the build says what it is doing (default: nothing). */
  progress?: Progress;
  /**
   * A Chromium already starting, for the packs (the build closes it). The command line starts it before it loads
   * the build, so that its start (about a second, on both cores) is spent while the build loads and reads the data,
   * not on the pack's road after its print page is made. Without it the build starts one when a pack needs it.
   */
  browser?: BrowserStart;
}

export interface BuildResult {
  data: DataSet;
  problems: Problems;
  /** Every month with a report, oldest first. */
  months: Month[];
  /** The models of the report month, the latest month and the months printed (the rest are let go once their pages are made); every month's in the public edition. */
  models: MonthModel[];
  reportMonth: Month;
  outDir: string;
  timer: PhaseTimer;
  /** The public edition's suppression plan (what was withheld), for a public build. */
  suppression: SuppressionPlan | null;
  /** What the site's pages were rendered from (the preview re-renders a page from it). */
  siteData: SiteData;
  /** The printed board pack, unless noPdf. */
  pdf: { file: string; pages: number; contents: { title: string; page: number }[]; layoutWarnings: string[] } | null;
}

export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  setBuildV8Flags();
  // Templates are compiled again for each build (the preview's follow edits to them), once for all its Eleventy runs.
  forgetSharedNunjucksEnvironments();
  // Sass compiles (when the styles are not cached) while the data is read and the first months are made.
  const styles = startStyles();
  // The pages worker loads Eleventy meanwhile too: the pack's print page is the first page asked of it.
  const pagesWorker = startPagesWorker();
  try {
    return await build(options, styles.css, pagesWorker);
  } finally {
    await pagesWorker?.close(); // closed already by the build's renderer, unless the build failed before its pages
    await styles.stop();
    await options.browser?.close(); // closed already, unless the build failed before a pack
  }
}

async function build(options: BuildOptions, styles: Promise<Record<StylesheetName, string>>, pagesWorker: PagesWorker | null): Promise<BuildResult> {
  const timer = new PhaseTimer(options.progress);
  const { data, problems } = await timer.time("load and validate", () => loadValidData(options.data));
  const months = reportMonths(data);
  if (months.length === 0) throw new Error(`There are no month files in ${path.join(options.data, "months")}; add one (npm run new-month -- YYYY-MM).`);
  const reportMonth = options.month ?? months[months.length - 1]!;
  if (!months.includes(reportMonth)) {
    throw new Error(`There is no data for ${reportMonth}: the months with data are ${months[0]} to ${months[months.length - 1]}.`);
  }
  const pdfMonths = options.noPdf ? [] : options.allPdfs ? months : [reportMonth];
  // Models are made month by month as the site's pages are (streamed), and only
  // the latest and printed months' are kept; the public edition needs them all
  // at once to plan what to withhold.
  let models: MonthModel[] | null = null;
  let suppression: SuppressionPlan | null = null;
  if (options.edition === "public") {
    const all = await timer.time("compute", () => months.map((m) => buildMonthModel(data, m)));
    // The public edition is built from suppressed models only: nothing downstream sees a withheld figure.
    suppression = await timer.time("suppress", () => planSuppression(data, all, data.authority.publicEdition));
    models = publicModels(all, suppression, data);
    const plan = suppression;
    const byRef = new Map(data.indicators.map((i) => [i.ref, i]));
    const withheldTexts = new Map<string, Map<string, string>>();
    for (const f of plan.figures) {
      const ind = byRef.get(f.ref);
      if (!ind) continue;
      const text = formatValue(f.value, ind.unit, ind.decimals);
      // Figures of one or two characters are too common in prose to match; the small-number check covers counts.
      if (text.replace(/\D/g, "").length < 2) continue;
      const month = withheldTexts.get(f.report) ?? new Map<string, string>();
      month.set(text, `${f.ref}'s ${f.field.startsWith("cell:") ? `figure for ${f.field.slice(5)}` : f.field.replace("12", " 12 months").replace("ytd", "year to date")}`);
      withheldTexts.set(f.report, month);
    }
    checkPublicCommentary(data.commentary, data.authority.publicEdition, problems, (m) => withheldTexts.get(m) ?? new Map());
    const { exempt, withhold } = data.authority.publicEdition;
    checkPublicBases({ months: data.months, indicators: data.indicators.filter((i) => !exempt.includes(i.ref) && !withhold.includes(i.ref)) }, problems);
  }

  const staging = stageOutput(options.out);
  let pdf: BuildResult["pdf"] = null;
  let site: SiteData;
  let pageStream: PageStream | undefined;
  let packs: PackQueue | undefined;
  let renderer: PageRenderer | undefined;
  let monthCache: MonthCache | null = null;
  const downloadWriter = new DownloadWriter();
  try {
    const siteDir = path.join(staging.dir, "site");
    const dataDir = path.join(siteDir, "data");
    fs.mkdirSync(dataDir, { recursive: true });
    // The months whose models are kept for printing (and for BuildResult); always made, never taken from the cache.
    const keep = new Set([reportMonth, months[months.length - 1]!, ...pdfMonths]);
    const kept = new Map<Month, MonthModel>();
    const spent = { compute: 0, downloads: 0 };
    const atHand = models ? new Map(models.map((m) => [m.month, m])) : null;
    // Earlier months unchanged since a previous build are taken whole from the cache (monthCache.ts); not in the public edition, whose plan spans every month.
    const taking = (monthCache = models ? null : new MonthCache(data, keep, !!options.preview));
    const downloads = new Map<Month, DownloadFiles | null>();
    const modelOf = (month: Month): MonthModel => {
      let start = performance.now();
      const model = atHand?.get(month) ?? buildMonthModel(data, month);
      spent.compute += performance.now() - start;
      start = performance.now();
      downloads.set(month, downloadWriter.write(dataDir, model, data.authority.name));
      spent.downloads += performance.now() - start;
      if (keep.has(month)) kept.set(month, model);
      return model;
    };
    const chartsBefore = chartStats.ms;
    // A pack is printed as soon as its print page is made (while the rest of the site is): with its styles.
    const stylesWritten = styles.then((css) => {
      fs.mkdirSync(path.join(siteDir, "assets"), { recursive: true });
      fs.writeFileSync(path.join(siteDir, "assets", "boardpack.css"), css.boardpack);
      fs.writeFileSync(path.join(siteDir, "assets", "print.css"), css.print);
    });
    stylesWritten.catch(() => {}); // awaited (and its failure reported) after the months
    // Month, section and indicator pages are rendered in batches as they are made (pageStream.ts), not held to the end.
    // Streamed and print pages are rendered on a thread of their own (pageRenderer.ts).
    const pageThread = (renderer = pageRenderer(siteDir, { preview: !!options.preview }, pagesWorker));
    const stream = (pageStream = streamPages(siteDir, { preview: !!options.preview }, pageThread.perBatch, pageThread));
    // Until the months are made, this thread feeds the chart workers: a pack finished meanwhile shares it.
    let monthsMade = false;
    const queue = (packs = new PackQueue({
      siteDir,
      outDir: staging.dir,
      count: pdfMonths.length,
      shared: () => !monthsMade,
      ...(options.browser ? { browser: options.browser } : {}),
      // Its turn is taken at once, and it waits there for the styles: rendered before any batch of pages queued after it.
      render: (page, settings) =>
        stream.exclusive(async () => {
          await stylesWritten;
          await pageThread.run(printRun([page], settings));
        }),
      metadata: (month) => ({
        title: `${data.authority.report.title} – ${longMonth(month)}`,
        author: data.authority.name,
        subject: `${data.authority.report.title}, as at month end ${longMonth(month)}`,
        keywords: ["children's social care", "performance", "board pack", month],
        language: "en-GB",
        date: reportDate(kept.get(month)!.report.created, month),
      }),
    }));
    site = await timer.time("months: models, downloads, charts", () =>
      buildSiteData(
        data,
        { months, model: modelOf, cached: (month) => taking?.take(month, siteDir) ?? null },
        { pdfMonths, onMonth: (done, total) => timer.progress.step(done, total, "months"), pages: stream, onPrintPage: (page, settings) => queue.add(page, settings) },
      ),
    );
    monthsMade = true;
    if (!models) timer.phases.push({ name: "  of which compute", ms: spent.compute });
    timer.phases.push({ name: "  of which downloads", ms: spent.downloads });
    // Charts are drawn while models are made (streamed): their time is only apart in the public edition.
    if (models) timer.phases.push({ name: "  of which charts", ms: chartStats.ms - chartsBefore });
    // What is left of compiling the styles once the months are made (nothing, unless Sass was slower).
    await timer.time("styles", () => stylesWritten);
    models ??= months.filter((m) => kept.has(m)).map((m) => kept.get(m)!);
    if (queue.size > 0) await timer.time("waiting for Chromium to start", () => queue.chromiumStarted);
    await timer.time("eleventy", async () => {
      // The pages not yet rendered go in Eleventy's run over the whole site (the print pages were rendered to be printed).
      const { pageFiles } = await renderSite({ ...site, printPages: [] }, siteDir, { preview: !!options.preview, stream });
      // The month cache records downloads that are written.
      await downloadWriter.finished();
      await taking?.restored();
      taking?.keepMade(site, stream.sectionUrls, downloads, pageFiles);
    });
    // What is left of printing the packs once the site is made.
    for (const [done, month] of [...pdfMonths.filter((m) => m !== reportMonth), ...pdfMonths.filter((m) => m === reportMonth)].entries()) {
      if (pdfMonths.length > 1) timer.progress.step(done, pdfMonths.length, "board packs printed");
      const printed = await timer.time(month === reportMonth ? "pdf" : `pdf ${month}`, () => queue.pack(month));
      fs.mkdirSync(path.join(siteDir, "pdf"), { recursive: true });
      fs.copyFileSync(printed.file, path.join(siteDir, "pdf", path.basename(printed.file)));
      if (month === reportMonth) {
        for (const t of printed.timings) timer.phases.push({ name: `  pdf: ${t.name}`, ms: t.ms });
        pdf = { file: path.join(path.resolve(options.out), path.basename(printed.file)), pages: printed.pages, contents: printed.contents, layoutWarnings: printed.warnings };
      }
    }
    timer.progress.end();
    await queue.close();
    await downloadWriter.close();
    await pageThread.close();
    staging.commit();
  } catch (e) {
    timer.progress.end();
    // A pack being printed reads the staging folder: it stops (its browser closed) before the folder goes, and no other starts.
    await packs?.stop();
    await pageStream?.idle();
    await renderer?.close();
    await downloadWriter.close();
    await monthCache?.settled();
    staging.discard();
    throw e;
  }
  return { data, problems, months, models: models!, reportMonth, outDir: path.resolve(options.out), timer, suppression, siteData: site, pdf };
}

/** The PDF's date: the report's date created, else the last day of its month (from the data, not the clock). */
function reportDate(created: string | undefined, month: Month): Date {
  if (created) return new Date(`${created}T12:00:00Z`);
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0, 12));
}
