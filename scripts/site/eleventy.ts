// Runs Eleventy over content/ with the prepared site data. Links are written
// relative to each page (.eleventy.js), so the site needs no path prefix.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { SiteData } from "./siteData.ts";
import { policyForStyles, type PolicyOptions } from "../build/contentSecurityPolicy.ts";
import { planPages } from "./pageCache.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

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
  const written = await runEleventy({ ...site, sectionPages: plan.renderSections, monthPages: plan.renderMonths }, outDir, policy);
  plan.keep(outDir);
  plan.restore(outDir);
  return { written, pageFiles: plan.files };
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
