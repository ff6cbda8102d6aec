// Compiles a Vega-Lite specification and renders it to SVG in Node, at build
// time: pages carry the chart as inline SVG and need no script to show it.
//
// Rendering costs ~15 ms a chart and most charts of past months never change,
// so SVGs are cached on disk by the hash of their specification. A chart whose
// rendering warned is reported on every build and never cached.
import crypto from "node:crypto";
import fs from "node:fs";
import type { TopLevelSpec } from "vega-lite";
import { renderOnPool, renderPairOnPool } from "./pool.ts";
import { pairVariants } from "./variantPair.ts";
import { escapeHtml } from "../format/escape.ts";
import { writeFileAtomic } from "../build/atomicWrite.ts";
import { cacheDir, cacheOff, inCache } from "../build/cacheDir.ts";
import { packageVersion } from "./packageVersion.ts";

// Bump when the renderer or text metrics change in a way the spec does not show.
const RENDERER_VERSION = `2-${packageVersion("vega")}`;

export const cacheStats = { hits: 0, misses: 0 };
/** Names of the charts this process rendered (cache misses), for the tests of caching. */
export const renderedCharts: string[] = [];
/** Warnings of this process's renders ("<chart>: <warning>"), for the build and its tests. */
export const chartWarnings: string[] = [];

/**
 * This process's recent renders by key: a chart that appears twice in a build
 * (the same figures in two months, a section chart in the pack) is drawn once,
 * even with the cache off (about a tenth of the example's charts). Only the
 * latest DRAWN_KEPT are held: a twice-drawn chart comes within the same or the
 * next months, and a ten-year archive's every SVG held was hundreds of megabytes.
 */
const drawn = new Map<string, Promise<{ svg: string; warnings: string[] }>>();
const DRAWN_KEPT = 500;

/** A chart's key in the cache and in `drawn`: its spec and the renderer. */
function chartCacheKey(spec: TopLevelSpec): string {
  return crypto.createHash("sha256").update(RENDERER_VERSION).update(JSON.stringify(spec)).digest("hex").slice(0, 32);
}
const cacheFile = (key: string) => cacheDir("charts", key.slice(0, 2), `${key}.svg`);

/** Whether no chart is kept from an earlier build (a first build: every chart will be drawn). */
export function noChartsKept(): boolean {
  return cacheOff("chart") || !fs.existsSync(cacheDir("charts"));
}

/** The chart if it need not be drawn: kept on disk, or drawn by this process already. */
function alreadyDrawn(key: string, name: string, useCache: boolean): Promise<string> | undefined {
  const file = cacheFile(key);
  if (useCache && inCache(file)) {
    cacheStats.hits++;
    return Promise.resolve(fs.readFileSync(file, "utf8"));
  }
  const again = drawn.get(key);
  if (!again) return undefined;
  cacheStats.hits++;
  return again.then(({ svg, warnings }) => {
    // Reported under this chart's name too: every chart that warned is named.
    for (const w of warnings) chartWarnings.push(`${name}: ${w}`);
    return svg;
  });
}

/** Remembers a chart being drawn, counts and reports it when drawn, and keeps it on disk if it did not warn. */
async function drawing(key: string, name: string, useCache: boolean, rendering: Promise<{ svg: string; warnings: string[] }>): Promise<string> {
  drawn.set(key, rendering);
  if (drawn.size > DRAWN_KEPT) drawn.delete(drawn.keys().next().value!);
  rendering.catch(() => drawn.delete(key)); // a failed render is not remembered (its error reaches the first caller)
  const { svg, warnings } = await rendering;
  cacheStats.misses++;
  renderedCharts.push(name);
  for (const w of warnings) {
    const line = `${name}: ${w}`;
    chartWarnings.push(line);
    console.warn(`chart warning: ${line}`);
  }
  if (useCache && warnings.length === 0) writeFileAtomic(cacheFile(key), svg);
  return svg;
}

/**
 * A chart's wide variant with no narrow drawing (an earlier month's, siteData.ts), and its key: what its SVG is
 * drawn from (the spec and the renderer). It is drawn from the pair's spec where the two pair (variantPair.ts), so
 * that it is of the shape the charts drawn in pairs are, and drawn by their kept views (viewReuse.ts); a pair's
 * spec drawn wide is the wide spec's SVG. If it warns, the wide spec is drawn alone to report its own warnings.
 */
export async function renderWideSvg(wide: TopLevelSpec, narrow: TopLevelSpec, name: string, useCache = !cacheOff("chart")): Promise<{ svg: string; key: string }> {
  const key = chartCacheKey(wide);
  const done = alreadyDrawn(key, name, useCache);
  if (done) return { svg: await done, key };
  const paired = pairVariants(wide, narrow);
  const rendering = paired ? renderOnPool(paired.spec).then((r) => (r.warnings.length ? renderOnPool(wide) : r)) : renderOnPool(wide);
  return { svg: await drawing(key, name, useCache, rendering), key };
}

/**
 * A chart's wide and narrow variants: drawn by one view where they pair
 * (variantPair.ts), else each alone. Each is cached and counted as its own
 * chart, under its own spec, as if drawn alone (the SVGs are the same).
 * `keys`: what the two SVGs are drawn from (the specs and the renderer).
 */
export async function renderSvgPair(
  wide: TopLevelSpec,
  narrow: TopLevelSpec,
  wideName: string,
  narrowName: string,
  useCache = !cacheOff("chart"),
): Promise<{ svgs: [string, string]; keys: string }> {
  const [wideKey, narrowKey] = [chartCacheKey(wide), chartCacheKey(narrow)];
  const keys = `${wideKey} ${narrowKey}`;
  const [wideDone, narrowDone] = [alreadyDrawn(wideKey, wideName, useCache), alreadyDrawn(narrowKey, narrowName, useCache)];
  const paired = wideDone || narrowDone ? null : pairVariants(wide, narrow);
  if (!paired) {
    const svgs = await Promise.all([wideDone ?? drawing(wideKey, wideName, useCache, renderOnPool(wide)), narrowDone ?? drawing(narrowKey, narrowName, useCache, renderOnPool(narrow))]);
    return { svgs, keys };
  }
  const both = renderPairOnPool(paired);
  // A pair that warned is drawn again as two charts, each reporting its own warnings.
  const each = (spec: TopLevelSpec, variant: "wide" | "narrow") => both.then((svgs) => (svgs ? { svg: svgs[variant], warnings: [] } : renderOnPool(spec)));
  const svgs = await Promise.all([drawing(wideKey, wideName, useCache, each(wide, "wide")), drawing(narrowKey, narrowName, useCache, each(narrow, "narrow"))]);
  return { svgs, keys };
}

/**
 * Makes the SVG an image with a text alternative: `role="img"`, labelled by
 * a `<title>` and `<desc>`, a class per variant (CSS shows the one that fits
 * the screen) and a size that scales with the page. Ids inside the SVG get
 * the chart's id as a prefix, as a page holds several charts.
 */
export function accessibleSvg(svg: string, id: string, title: string, description: string, cls = "bp-chart__svg"): string {
  return svg
    // The chart is one image to assistive technology: Vega's per-mark roles would contradict that.
    .replace(/ (role|aria-roledescription|aria-label|aria-hidden)="[^"]*"/g, "")
    .replace(/ id="([^"]+)"/g, ` id="${id}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${id}-$1)`)
    .replace(
      /^<svg([^>]*?) width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/,
      (_m, attrs: string, w: string, h: string) =>
        `<svg${attrs.replace(/ class="marks"/, ` class="${cls}"`)} width="${w}" height="${h}" role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false"`,
    )
    .replace(/^(<svg[^>]*>)/, `$1<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>`);
}
