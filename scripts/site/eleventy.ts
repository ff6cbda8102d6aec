// Runs Eleventy over content/ with the prepared site data. Links are written
// relative to each page (.eleventy.js), so the site needs no path prefix.
import path from "node:path";
import type { PageSettings, SiteData } from "./views.ts";
import { policyForStyles, type PolicyOptions } from "../build/contentSecurityPolicy.ts";
import { PageStream } from "./pageStream.ts";
import { inThread, type PageRenderer } from "./pageRenderer.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/**
 * The most section, month and indicator pages one Eleventy run renders (the
 * example's 333 pages fit one run; a run more costs about 0.15 s).
 * Eleventy holds every page it renders (before and after its layout) until
 * the run ends: a ten-year archive in one run held more than a gigabyte of
 * HTML. A site with more pages is rendered in several runs, the later ones of
 * one template each (about 0.1 s a run). BOARDPACK_PAGES_PER_RUN sets another
 * number (the tests render a small site in many runs).
 */
export const pagesPerRun = () => Number(process.env.BOARDPACK_PAGES_PER_RUN) || 400;

/**
 * A page stream (pageStream.ts) that renders its batches into `outDir` (with
 * `renderer`, on its thread: pageRenderer.ts); by default a batch is half an
 * Eleventy run (while one renders, the next fills).
 */
export function pageStream(outDir: string, policy: PolicyOptions, perRun = Math.ceil(pagesPerRun() / 2), renderer: PageRenderer = inThread(outDir, policy)): PageStream {
  return new PageStream(outDir, renderer, !!policy.preview, perRun);
}

/**
 * Renders the site into `outDir`, every page with its Content-Security-Policy
 * (the layouts write it with the contentSecurityPolicy filter); `only`
 * renders one template of content/ (the preview's quick path). Month and
 * section pages unchanged since they were last rendered are copied from the
 * page cache; a build gives the `stream` that took its pages as they were
 * made, and the site's runs go where its batches went (the build's: on the
 * pages worker, where Eleventy is loaded already). Returns the number of
 * pages Eleventy wrote and where the page cache keeps each month and section page.
 */
export async function renderSite(
  site: SiteData,
  outDir: string,
  options: PolicyOptions & { only?: string; stream?: PageStream } = {},
): Promise<{ written: number; pageFiles: Map<string, string> }> {
  const { only, stream: given, ...policy } = options;
  if (only) return { written: await runEleventy(site, outDir, policy, only), pageFiles: new Map() };
  const stream = given ?? pageStream(outDir, policy, Infinity);
  stream.site(site);
  const rest = await stream.finish();
  let written = 0;
  for (const run of eleventyRuns(rest, pagesPerRun())) {
    written += await stream.renderer.run({ site: { ...site, ...run.pages }, ...(run.templates ? { templates: run.templates } : {}) });
  }
  stream.keepLeft();
  return { written, pageFiles: stream.files };
}

/**
 * One Eleventy run: the data its templates see (`site`), and the templates of
 * content/ it renders (every one when `templates` is absent, none when it is
 * empty). Plain data, so that a run can be sent to the pages worker.
 */
export interface EleventyRun {
  site: Partial<SiteData>;
  templates?: string[];
}

/**
 * The run that renders month, section and indicator pages on their own (the
 * build renders them in batches as they are made, pageStream.ts), with the
 * settings every page shows: the templates of the kinds given.
 */
export function pagesRun(pages: Partial<Paged>, settings: PageSettings): EleventyRun {
  return { site: { ...settings, ...pages }, templates: (Object.keys(TEMPLATE_OF) as (keyof Paged)[]).filter((k) => pages[k]?.length).map((k) => TEMPLATE_OF[k]) };
}

/** The run that renders print pages on their own (the build prints a pack while the rest of the site is made). */
export function printRun(pages: SiteData["printPages"], settings: PageSettings): EleventyRun {
  return { site: { ...settings, printPages: pages }, templates: ["print.njk"] };
}

/** Renders `run` into `outDir`; resolves with the number of pages written. */
export function renderRun(run: EleventyRun, outDir: string, policy: PolicyOptions = {}): Promise<number> {
  const { site, templates } = run;
  if (templates?.length === 0) return Promise.resolve(0);
  // Eleventy takes a template, or a glob of templates, as its input.
  const input = templates === undefined ? undefined : templates.length === 1 ? templates[0] : `{${templates.map((t) => t.replace(/\.njk$/, "")).join(",")}}.njk`;
  return runEleventy(site, outDir, policy, input);
}

export type Paged = Pick<SiteData, "sectionPages" | "monthPages" | "indicatorPages">;
/** The template of content/ that paginates each of them. */
const TEMPLATE_OF: Record<keyof Paged, string> = { sectionPages: "section.njk", monthPages: "month.njk", indicatorPages: "indicator.njk" };

/**
 * The runs that render `paged`, at most `perRun` pages each: the first renders
 * every other page of the site too (the whole of content/), later runs one template.
 */
function eleventyRuns(paged: Paged, perRun: number): { templates?: string[]; pages: Paged }[] {
  const none: Paged = { sectionPages: [], monthPages: [], indicatorPages: [] };
  const first: Paged = { ...none };
  const later: { templates: string[]; pages: Paged }[] = [];
  let room = perRun;
  const split = <K extends keyof Paged>(key: K) => {
    const all = paged[key];
    first[key] = all.slice(0, room) as Paged[K];
    for (let i = Math.min(room, all.length); i < all.length; i += perRun) later.push({ templates: [TEMPLATE_OF[key]], pages: { ...none, [key]: all.slice(i, i + perRun) } });
    room = Math.max(0, room - all.length);
  };
  (Object.keys(TEMPLATE_OF) as (keyof Paged)[]).forEach(split);
  return [{ pages: first }, ...later];
}

/** The parts of Eleventy's configuration API used here (its types do not include the benchmarks). */
interface EleventyUserConfig {
  addGlobalData: (name: string, value: unknown) => void;
  addFilter: (name: string, fn: (style: unknown) => string) => void;
  benchmarkManager: { setVerboseOutput(verbose: boolean): void; getAll(): Record<string, { setIsVerbose(verbose: boolean): void }> };
}

let eleventyModule: Promise<typeof import("@11ty/eleventy")> | undefined;

/** Eleventy, loaded (about 0.4 s) when the build first renders a page, or before (the pages worker loads it as it starts). */
export function loadEleventy() {
  // Eleventy registers a module resolver, unless told not to, so that its watch mode reloads changed configuration
  // and data files; the build does not use that mode, and the resolver's loader thread took about 0.15 s of the
  // build's imports (each one goes through it).
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
  return (eleventyModule ??= import("@11ty/eleventy"));
}

/** One Eleventy run; `site` holds what the templates rendered print (a section page prints its view and the settings). */
async function runEleventy(site: Partial<SiteData>, outDir: string, policy: PolicyOptions, only?: string): Promise<number> {
  // Eleventy keeps its last run's configuration (in module-level caches) after
  // the run: given through a holder emptied after the run, the site's pages are not kept with it.
  const holder: { site: Partial<SiteData> | null } = { site };
  const { default: Eleventy } = await loadEleventy();
  const elev = new Eleventy(path.join(ROOT, "content", only ?? ""), outDir, {
    configPath: path.join(ROOT, ".eleventy.js"),
    quietMode: true,
    config(eleventyConfig: EleventyUserConfig) {
      eleventyConfig.addGlobalData("site", () => holder.site);
      // Quiet, Eleventy still prints "Benchmark" lines when a filter or transform takes more than 8% of a run: its
      // benchmark groups are made verbose before quiet mode is applied to new ones. They time Eleventy's steps by
      // the clock, so in a short run (pages copied from the cache) a garbage collection or Chromium printing the pack
      // on the same core is enough; nothing a user can act on, and the build times Eleventy's runs itself.
      eleventyConfig.benchmarkManager.setVerboseOutput(false);
      for (const group of Object.values(eleventyConfig.benchmarkManager.getAll())) group.setIsVerbose(false);
      // The page's policy from its style block (a set block's text; the layout writes the same text in <style>).
      eleventyConfig.addFilter("contentSecurityPolicy", (style) => policyForStyles([String(style)], policy));
    },
  });
  // Eleventy logs "Wrote N files" after every run (a long archive's build has
  // many runs) even in quiet mode; the build says what it built itself. Its
  // warnings and errors still reach stderr.
  (elev as unknown as { logger: { overrideLogger(logger: Pick<Console, "log" | "warn" | "error">): void } }).logger.overrideLogger({
    log: () => {},
    warn: (...args: unknown[]) => console.warn(...args),
    error: (...args: unknown[]) => console.error(...args),
  });
  try {
    const result = (await elev.write()) as unknown as [unknown[], { url: string }[]] | { url: string }[];
    return Array.isArray(result) && Array.isArray(result[1]) ? result[1].length : 0;
  } finally {
    holder.site = null;
  }
}
