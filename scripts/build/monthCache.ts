// A published month's pages and downloads do not change until its data,
// the catalogue or the code does. Each month is kept under the hash of
// everything its model and pages are made from: the code and templates, the
// authority, catalogue, outturns and terms, the month files up to it (a month
// is reported as known then, vintage.ts) and its own commentary. A build
// takes such a month whole from the cache (what the archive lists of it, its
// month and section pages as written, its downloads) and makes no model,
// chart, page view or page for it:
// adding a month to a ten-year archive makes that month's pages, not 120
// months'. The latest month and printed months are always made.
// BOARDPACK_PAGE_CACHE=off turns it off.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { DataSet, Month } from "../model/types.ts";
import type { MonthEntry, SiteData } from "../site/views.ts";
import { cacheDir, cacheOff, inCache, sourcesHash } from "./cacheDir.ts";
import { writeFileAtomic } from "./atomicWrite.ts";
import { DOWNLOADS, type DownloadFiles } from "../output/downloads.ts";
import { restorePageAsync } from "../site/pageCache.ts";

/** What a kept month is: what the archive lists of it, and cache files (relative to the cache folder) of its pages and downloads. */
interface MonthRecord {
  entry: MonthEntry;
  /** Its month page and section pages. */
  pages: { url: string; file: string }[];
  downloads: DownloadFiles;
}

export const monthStats = { taken: 0, kept: 0 };

/** The code a month's model, pages and downloads are made with (not the import, preview or bench), and the templates. */
function codeHash(): string {
  return sourcesHash([
    ...["build", "charts", "format", "load", "metrics", "model", "narrative", "output", "schema", "site", "spc", "suppress", "types", "validate"].map((d) => `scripts/${d}`),
    "content",
    "templates",
    ".eleventy.js",
    ...["@11ty/eleventy", "govuk-frontend", "vega", "vega-lite", "@e965/xlsx", "markdown-it", "nunjucks"].map((p) => `node_modules/${p}/package.json`),
  ]);
}

const sha = () => crypto.createHash("sha256");
const relative = (file: string) => path.relative(cacheDir(), file);

export class MonthCache {
  private readonly keys = new Map<Month, string>();
  /** The taken months' files being copied into the site. */
  private readonly restoring: Promise<void>[] = [];
  readonly off = cacheOff("page");

  /**
   * `made`: months this build always makes, never taken or kept (the latest,
   * whose month page differs from an earlier month's, and the printed ones);
   * `preview`: pages for the local preview.
   */
  constructor(data: DataSet, private readonly made: ReadonlySet<Month>, preview: boolean) {
    if (this.off) return;
    const shared = sha()
      .update(codeHash())
      .update(JSON.stringify({ dir: data.dir, authority: data.authority, sections: data.sections, indicators: data.indicators, outturns: data.outturns, terms: data.terms, unreadable: data.unreadable, preview }))
      .digest("hex");
    // A chain over the month files, so each month's key covers every file up to it at the cost of one.
    let chain = shared;
    const files = [...data.months].sort((a, b) => a.month.localeCompare(b.month));
    for (const [i, file] of files.entries()) {
      chain = sha().update(chain).update(JSON.stringify(file)).digest("hex");
      if (files[i + 1]?.month === file.month) continue; // two files of one month: the key covers both
      const commentary = data.commentary.filter((c) => c.month === file.month);
      this.keys.set(file.month, sha().update(chain).update(JSON.stringify(commentary)).digest("hex").slice(0, 32));
    }
  }

  private file(month: Month): string | null {
    const key = this.made.has(month) ? undefined : this.keys.get(month);
    return key ? cacheDir("months", key.slice(0, 2), `${key}.json`) : null;
  }

  /**
   * What the archive lists of a month kept by an earlier build, if every file
   * of it is still in the cache. Its pages and downloads are copied into
   * `siteDir` from now on, by libuv's threads while this one goes on with
   * the build (copied at the end, a ten-year archive's 119 months held up an
   * added month's build by about a second); restored() waits for them.
   */
  take(month: Month, siteDir: string): MonthEntry | null {
    const file = this.file(month);
    if (!file || !inCache(file)) return null;
    const record = JSON.parse(fs.readFileSync(file, "utf8")) as MonthRecord;
    const files = [...record.pages.map((p) => p.file), ...DOWNLOADS.map((ext) => record.downloads[ext])];
    if (!files.every((f) => inCache(cacheDir(f)))) return null;
    const copied = this.restore(siteDir, month, record);
    copied.catch(() => {}); // reported by restored()
    this.restoring.push(copied);
    return record.entry;
  }

  private async restore(siteDir: string, month: Month, record: MonthRecord): Promise<void> {
    const data = path.join(siteDir, "data");
    await fs.promises.mkdir(data, { recursive: true });
    await Promise.all([
      ...record.pages.map((page) => restorePageAsync(siteDir, page.url, cacheDir(page.file))),
      ...DOWNLOADS.map((ext) => fs.promises.copyFile(cacheDir(record.downloads[ext]), path.join(data, `${month}.${ext}`))),
    ]);
    monthStats.taken++;
  }

  /** Resolves when the taken months' files are in the site; rejects with the first that could not be copied. */
  async restored(): Promise<void> {
    await Promise.all(this.restoring);
  }

  /** Resolves when no copy is under way (failed or not): a failed build waits for them before clearing its folder. */
  async settled(): Promise<void> {
    await Promise.allSettled(this.restoring);
  }

  /**
   * Keeps the months this build made for the next one: `downloads`, the
   * months whose model was made, with their cached downloads; `sectionUrls`,
   * each month's section pages; `pageFiles`, where the page cache keeps each
   * month and section page (so after Eleventy).
   */
  keepMade(site: SiteData, sectionUrls: ReadonlyMap<Month, string[]>, downloads: ReadonlyMap<Month, DownloadFiles | null>, pageFiles: ReadonlyMap<string, string>): void {
    for (const [month, files] of downloads) {
      const file = this.file(month);
      const entry = site.months.find((e) => e.month === month);
      if (!file || !files || !entry) continue;
      const pages = [entry.url, ...(sectionUrls.get(month) ?? [])].map((url) => ({ url, file: pageFiles.get(url) }));
      if (pages.some((p) => !p.file || !fs.existsSync(p.file))) continue;
      const record: MonthRecord = {
        entry,
        pages: pages.map((p) => ({ url: p.url, file: relative(p.file!) })),
        downloads: Object.fromEntries(DOWNLOADS.map((ext) => [ext, relative(files[ext])])) as DownloadFiles,
      };
      writeFileAtomic(file, JSON.stringify(record));
      monthStats.kept++;
    }
  }
}
