// Runs Eleventy over content/ with the prepared site data. Links are written
// relative to each page (.eleventy.js), so the site needs no path prefix.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { SiteData } from "./siteData.ts";
import { policyForStyles, type PolicyOptions } from "../build/contentSecurityPolicy.ts";
import { planPages } from "./pageCache.ts";

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
const pagesPerRun = () => Number(process.env.BOARDPACK_PAGES_PER_RUN) || 400;

/**
 * Renders the site into `outDir`, every page with its Content-Security-Policy
 * (the layouts write it with the contentSecurityPolicy filter); `only`
 * renders one template of content/ (the preview's quick path). Returns the
 * number of pages Eleventy wrote and where the page cache keeps each section page.
 */
export async function renderSite(site: SiteData, outDir: string, options: PolicyOptions & { only?: string } = {}): Promise<{ written: number; pageFiles: Map<string, string> }> {
  const { only, ...policy } = options;
  if (only) return { written: await runEleventy(site, outDir, policy, only), pageFiles: new Map() };
  // Section and month pages unchanged since they were last rendered are copied (pageCache.ts).
  const plan = planPages(site, !!policy.preview);
  let written = 0;
  for (const run of eleventyRuns({ sectionPages: plan.renderSections, monthPages: plan.renderMonths, indicatorPages: site.indicatorPages }, pagesPerRun())) {
    written += await runEleventy({ ...site, ...run.pages }, outDir, policy, run.template);
  }
  plan.keep(outDir);
  plan.restore(outDir);
  return { written, pageFiles: plan.files };
}

type Paged = Pick<SiteData, "sectionPages" | "monthPages" | "indicatorPages">;
/** The template of content/ that paginates each of them. */
const TEMPLATE_OF: Record<keyof Paged, string> = { sectionPages: "section.njk", monthPages: "month.njk", indicatorPages: "indicator.njk" };

/**
 * The runs that render `paged`, at most `perRun` pages each: the first renders
 * every other page of the site too (the whole of content/), later runs one template.
 */
function eleventyRuns(paged: Paged, perRun: number): { template?: string; pages: Paged }[] {
  const none: Paged = { sectionPages: [], monthPages: [], indicatorPages: [] };
  const first: Paged = { ...none };
  const later: { template: string; pages: Paged }[] = [];
  let room = perRun;
  const split = <K extends keyof Paged>(key: K) => {
    const all = paged[key];
    first[key] = all.slice(0, room) as Paged[K];
    for (let i = Math.min(room, all.length); i < all.length; i += perRun) later.push({ template: TEMPLATE_OF[key], pages: { ...none, [key]: all.slice(i, i + perRun) } });
    room = Math.max(0, room - all.length);
  };
  (Object.keys(TEMPLATE_OF) as (keyof Paged)[]).forEach(split);
  return [{ pages: first }, ...later];
}

async function runEleventy(site: SiteData, outDir: string, policy: PolicyOptions, only?: string): Promise<number> {
  const elev = new Eleventy(path.join(ROOT, "content", only ?? ""), outDir, {
    configPath: path.join(ROOT, ".eleventy.js"),
    quietMode: true,
    config(eleventyConfig: { addGlobalData: (name: string, value: unknown) => void; addFilter: (name: string, fn: (style: unknown) => string) => void }) {
      eleventyConfig.addGlobalData("site", site);
      // The page's policy from its style block (a set block's text; the layout writes the same text in <style>).
      eleventyConfig.addFilter("contentSecurityPolicy", (style) => policyForStyles([String(style)], policy));
    },
  });
  const result = (await elev.write()) as unknown as [unknown[], { url: string }[]] | { url: string }[];
  return Array.isArray(result) && Array.isArray(result[1]) ? result[1].length : 0;
}
