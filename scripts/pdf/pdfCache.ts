// Published months do not change, so neither do their board packs: a printed
// pack is kept under the hash of everything it is printed from (the print
// page as built, its stylesheets, the metadata, the printing code and the
// Chromium it ran in), and a build whose month hashes the same copies it
// instead of starting Chromium. A change to any figure, word or style of the
// month changes its print page and so its key.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { copyFileAtomic, writeFileAtomic } from "../build/atomicWrite.ts";
import { cacheDir, cacheOff, inCache, sourcesHash } from "../build/cacheDir.ts";
import { findChromium } from "../setup/chromium.mjs";
import type { PdfMetadata } from "./metadata.ts";
import type { PrintResult } from "./print.ts";

/** Packs printed and packs taken from the cache by this process (for the build's summary and the tests). */
export const pdfStats = { printed: 0, cached: 0 };

export type CachedPrint = Pick<PrintResult, "pages" | "contents" | "warnings">;

/** The printing code and the browser: a change to either prints again. */
export function printerHash(): string {
  const chromium = findChromium();
  const st = chromium ? fs.statSync(chromium) : null;
  return `${sourcesHash(["scripts/pdf", "scripts/serve"])}:${chromium}:${st?.size}:${st?.mtimeMs}`;
}

/** The key of a month's pack: its print page and the stylesheets it links to, as built into `siteDir`. */
export function pdfCacheKey(siteDir: string, printPath: string, metadata: PdfMetadata): string {
  const hash = crypto.createHash("sha256").update(printerHash());
  hash.update(fs.readFileSync(path.join(siteDir, printPath, "index.html")));
  const assets = path.join(siteDir, "assets");
  for (const f of fs.readdirSync(assets).sort()) hash.update(f).update(fs.readFileSync(path.join(assets, f)));
  hash.update(JSON.stringify({ ...metadata, date: metadata.date.toISOString() }));
  return hash.digest("hex").slice(0, 32);
}

function entry(key: string): { pdf: string; info: string } {
  const dir = cacheDir("pdf", key.slice(0, 2));
  return { pdf: path.join(dir, `${key}.pdf`), info: path.join(dir, `${key}.json`) };
}

/** Copies a cached pack to `outFile` and returns what its print reported, or null when there is none. */
export function takeCachedPdf(key: string, outFile: string): CachedPrint | null {
  if (cacheOff("pdf")) return null;
  const e = entry(key);
  if (!inCache(e.pdf) || !inCache(e.info)) return null;
  let info: CachedPrint;
  try {
    info = JSON.parse(fs.readFileSync(e.info, "utf8")) as CachedPrint;
  } catch {
    return null;
  }
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.copyFileSync(e.pdf, outFile);
  pdfStats.cached++;
  return info;
}

/** Keeps a printed pack; the PDF first, so an entry whose info exists is whole. */
export function keepPdf(key: string, file: string, printed: CachedPrint): void {
  pdfStats.printed++;
  if (cacheOff("pdf") || printed.warnings.length) return;
  const e = entry(key);
  copyFileAtomic(file, e.pdf);
  writeFileAtomic(e.info, JSON.stringify({ pages: printed.pages, contents: printed.contents, warnings: printed.warnings }));
}
