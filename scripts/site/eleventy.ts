// Runs Eleventy over content/ with the prepared site data. Links are written
// relative to each page (.eleventy.js), so the site needs no path prefix.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { SiteData } from "./siteData.ts";
import { withPolicy, type PolicyOptions } from "../build/contentSecurityPolicy.ts";
import { planPages } from "./pageCache.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/**
 * Renders the site into `outDir`, every page with its Content-Security-Policy
 * (added as Eleventy writes it, not in a second pass over the files); `only`
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
    config(eleventyConfig: { addGlobalData: (name: string, value: unknown) => void; addTransform: (name: string, fn: (this: { page: { outputPath: string | false } }, content: string) => string) => void }) {
      eleventyConfig.addGlobalData("site", site);
      eleventyConfig.addTransform("content-security-policy", function (content) {
        const out = this.page.outputPath;
        return typeof out === "string" && out.endsWith(".html") ? withPolicy(content, policy) : content;
      });
    },
  });
  const result = (await elev.write()) as unknown as [unknown[], { url: string }[]] | { url: string }[];
  return Array.isArray(result) && Array.isArray(result[1]) ? result[1].length : 0;
}
