// A month's section pages and its month page do not change once it is
// published, and they are most of the site (months x sections); an
// indicator page changes only when a month comes in. Each is kept,
// as written, under the hash of everything it is rendered from: its own view (figures, charts,
// commentary, links), the settings every page shows (authority, public
// edition notice), the templates and the code that renders them. A build
// renders only the pages whose hash is new and copies the rest.
//
// A chart in a view is hashed by what it is drawn from (its specs and the
// renderer, ChartView.drawnFrom) and the chart code, not by its SVGs' text:
// the SVGs were about two thirds of the views hashed, and hashing a page's
// key was a fifth of the build's own thread on adding a month to a ten-year
// archive.
// BOARDPACK_PAGE_CACHE=off renders every page.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { copyFileAtomic } from "../build/atomicWrite.ts";
import { cacheDir, inCache, sourcesHash } from "../build/cacheDir.ts";
import type { PageSettings } from "./views.ts";

/** Section, month and indicator pages rendered and copied by this process (for the build's tests). */
export const pageStats = { rendered: 0, cached: 0 };

/** The templates, the Eleventy configuration and its helpers, and the versions of Eleventy and GOV.UK Frontend. */
function templatesHash(): string {
  return sourcesHash([
    "content",
    "templates",
    ".eleventy.js",
    "scripts/site/nunjucksEnv.mjs",
    "scripts/site/relativeUrl.mjs",
    "scripts/site/eleventy.ts",
    "scripts/build/contentSecurityPolicy.ts",
    "node_modules/@11ty/eleventy/package.json",
    "node_modules/govuk-frontend/package.json",
    // How a chart's SVG is made from what it is drawn from (accessibleSvg, text metrics): see pageKeyJson.
    "scripts/charts",
  ]);
}

/** A page's view as its key hashes it: a chart's SVGs left out where the chart says what they are drawn from. */
function pageKeyJson(page: object): string {
  return JSON.stringify(page, function (this: { drawnFrom?: unknown }, key: string, value: unknown) {
    return (key === "svg" || key === "svgNarrow") && typeof this.drawnFrom === "string" ? undefined : value;
  });
}

function fileOf(siteDir: string, page: { url: string }): string {
  return path.join(siteDir, page.url.replace(/^\//, ""), "index.html");
}

/** Copies a page kept in the cache to its place in the site (here, and for whole months in monthCache.ts). */
export function restorePage(siteDir: string, url: string, cached: string): void {
  const out = fileOf(siteDir, { url });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.copyFileSync(cached, out);
  pageStats.cached++;
}

/** The same, by libuv's threads rather than this one (the pages of whole months taken from the cache, monthCache.ts). */
export async function restorePageAsync(siteDir: string, url: string, cached: string): Promise<void> {
  const out = fileOf(siteDir, { url });
  await fs.promises.mkdir(path.dirname(out), { recursive: true });
  await fs.promises.copyFile(cached, out);
  pageStats.cached++;
}

/** The hash every section page's key starts from: the templates and code, and the settings every page shows. */
export function sectionPagesHash(settings: PageSettings, preview: boolean): string {
  return crypto.createHash("sha256").update(templatesHash()).update(JSON.stringify({ authority: settings.authority, publicEdition: settings.publicEdition, preview })).digest("hex");
}

/** A month page also shows the key (what the symbols mean), so its hash covers that too. */
export function monthPagesHash(settings: PageSettings, preview: boolean): string {
  return crypto.createHash("sha256").update(sectionPagesHash(settings, preview)).update(JSON.stringify(settings.key)).digest("hex");
}

/** Where the cache keeps `page` rendered (its key: `base` and the page's view), and whether it is there (asked only with the cache on). */
export function cachedPage(base: string, page: { url: string }): { file: string; hit: boolean } {
  const key = crypto.createHash("sha256").update(base).update(pageKeyJson(page)).digest("hex").slice(0, 32);
  const file = cacheDir("pages", key.slice(0, 2), `${key}.html`);
  return { file, hit: inCache(file) };
}

/** Counts a page Eleventy rendered into `siteDir`, and keeps it at `file` (null: the cache is off, pageStream.ts). */
export function keepPage(siteDir: string, page: { url: string }, file: string | null): void {
  pageStats.rendered++;
  if (file !== null) copyFileAtomic(fileOf(siteDir, page), file);
}
