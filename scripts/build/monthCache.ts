// A published month's pages and downloads do not change until its data,
// the catalogue or the code does. Each month is kept under the hash of
// everything its model and pages are made from: the code and templates, the
// authority, catalogue, outturns and terms, the month files up to it (a month
// is reported as known then, vintage.ts), its own commentary, and whether it
// is the latest month. A build takes such a month whole from the cache (its
// month page's view, its section pages as written, its downloads) and makes
// no model, chart or page for it: adding a month to a ten-year archive makes
// that month's pages, not 120 months'. BOARDPACK_PAGE_CACHE=off turns it off.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { DataSet, Month } from "../model/types.ts";
import type { MonthPage } from "../site/views.ts";
import { cacheDir, sourcesHash } from "./cacheDir.ts";
import { writeFileAtomic } from "./atomicWrite.ts";
import { DOWNLOADS, type DownloadFiles } from "../output/downloads.ts";
import { pageStats } from "../site/pageCache.ts";

/** What a kept month is: its month page's view, and cache files (relative to the cache folder) of its section pages and downloads. */
export interface MonthRecord {
  monthPage: MonthPage;
  sectionPages: { url: string; file: string }[];
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
  readonly off = process.env.BOARDPACK_PAGE_CACHE === "off";

  /** `latest`: the latest month (its page differs from an earlier month's); `preview`: pages for the local preview. */
  constructor(data: DataSet, latest: Month, preview: boolean) {
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
      this.keys.set(file.month, sha().update(chain).update(JSON.stringify(commentary)).update(file.month === latest ? "latest" : "").digest("hex").slice(0, 32));
    }
  }

  private file(month: Month): string | null {
    const key = this.keys.get(month);
    return key ? cacheDir("months", key.slice(0, 2), `${key}.json`) : null;
  }

  /** The month as kept by an earlier build, if every file of it is still in the cache. */
  take(month: Month): MonthRecord | null {
    const file = this.file(month);
    if (!file || !fs.existsSync(file)) return null;
    const record = JSON.parse(fs.readFileSync(file, "utf8")) as MonthRecord;
    const files = [...record.sectionPages.map((p) => p.file), ...DOWNLOADS.map((ext) => record.downloads[ext])];
    return files.every((f) => fs.existsSync(cacheDir(f))) ? record : null;
  }

  /** Copies a kept month's section pages and downloads into the site. */
  restore(month: Month, record: MonthRecord, siteDir: string): void {
    for (const page of record.sectionPages) {
      const out = path.join(siteDir, page.url.replace(/^\//, ""), "index.html");
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.copyFileSync(cacheDir(page.file), out);
      pageStats.cached++;
    }
    for (const ext of DOWNLOADS) fs.copyFileSync(cacheDir(record.downloads[ext]), path.join(siteDir, "data", `${month}.${ext}`));
    monthStats.taken++;
  }

  /** Keeps a month this build made (after its section pages are in the page cache). */
  keep(month: Month, monthPage: MonthPage, sectionPages: { url: string; file: string }[], downloads: DownloadFiles | null): void {
    const file = this.file(month);
    if (!file || !downloads || sectionPages.some((p) => !fs.existsSync(p.file))) return;
    const record: MonthRecord = {
      monthPage,
      sectionPages: sectionPages.map((p) => ({ url: p.url, file: relative(p.file) })),
      downloads: Object.fromEntries(DOWNLOADS.map((ext) => [ext, relative(downloads[ext])])) as DownloadFiles,
    };
    writeFileAtomic(file, JSON.stringify(record));
    monthStats.kept++;
  }
}
