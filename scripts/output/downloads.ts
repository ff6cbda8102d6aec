// A month's downloads: the computed model (JSON), its figures for people
// (CSV) and as a workbook (XLSX). The JSON holds everything the other two are
// made from, so they are kept under the hash of the JSON (with the authority's
// name and the code that writes them): a published month's workbook, the
// slowest of the three, is written once, not on every build.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../build/atomicWrite.ts";
import { cacheDir, sourcesHash } from "../build/cacheDir.ts";
import type { MonthModel } from "../model/types.ts";
import { modelToCsv } from "./modelCsv.ts";
import { modelToJson } from "./modelJson.ts";
import { modelToXlsx } from "./modelXlsx.ts";

/** The output and formatting code (and the month names they use), and the workbook library's version. */
function writerHash(): string {
  return sourcesHash(["scripts/output", "scripts/format", "scripts/metrics/months.ts", "node_modules/@e965/xlsx/package.json"]);
}

/** The three files of a month's downloads, by extension. */
export const DOWNLOADS = ["json", "csv", "xlsx"] as const;
export type DownloadFiles = Record<(typeof DOWNLOADS)[number], string>;

/**
 * Writes `<month>.json`, `.csv` and `.xlsx` into `dir`; returns where the
 * cache keeps them (null with the cache off), so a month whose model need not
 * be made again can be copied from there (monthCache.ts).
 */
export function writeDownloads(dir: string, model: MonthModel, authorityName: string): DownloadFiles | null {
  const json = modelToJson(model);
  fs.writeFileSync(path.join(dir, `${model.month}.json`), json);
  const off = process.env.BOARDPACK_PAGE_CACHE === "off";
  const key = crypto.createHash("sha256").update(writerHash()).update(authorityName).update(json).digest("hex").slice(0, 32);
  const cached = Object.fromEntries(DOWNLOADS.map((ext) => [ext, cacheDir("downloads", key.slice(0, 2), `${key}.${ext}`)])) as DownloadFiles;
  if (!off && DOWNLOADS.every((ext) => fs.existsSync(cached[ext]))) {
    fs.copyFileSync(cached.csv, path.join(dir, `${model.month}.csv`));
    fs.copyFileSync(cached.xlsx, path.join(dir, `${model.month}.xlsx`));
    return cached;
  }
  const csv = modelToCsv(model);
  const xlsx = modelToXlsx(model, authorityName);
  fs.writeFileSync(path.join(dir, `${model.month}.csv`), csv);
  fs.writeFileSync(path.join(dir, `${model.month}.xlsx`), xlsx);
  if (off) return null;
  // The workbook first, the JSON last: an entry whose JSON exists is whole.
  writeFileAtomic(cached.xlsx, xlsx);
  writeFileAtomic(cached.csv, csv);
  writeFileAtomic(cached.json, json);
  return cached;
}
