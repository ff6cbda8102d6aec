// A month's CSV and workbook, made from its JSON and written to the site
// (and to the cache): the work of the downloads worker (downloads.ts).
import fs from "node:fs";
import { writeFileAtomic } from "../build/atomicWrite.ts";
import type { MonthModel } from "../model/types.ts";
import { modelToCsv } from "./modelCsv.ts";
import { modelToXlsx } from "./modelXlsx.ts";

export interface DownloadJob {
  /** The month's model as modelToJson wrote it. */
  json: string;
  authorityName: string;
  /** Where the site takes the CSV and the workbook. */
  csv: string;
  xlsx: string;
  /** Where the cache keeps the three files, or null with the cache off. */
  cached: { json: string; csv: string; xlsx: string } | null;
}

export function writeDownloadFiles(job: DownloadJob): void {
  const model = JSON.parse(job.json) as MonthModel;
  const csv = modelToCsv(model);
  const xlsx = modelToXlsx(model, job.authorityName);
  fs.writeFileSync(job.csv, csv);
  fs.writeFileSync(job.xlsx, xlsx);
  if (!job.cached) return;
  // The workbook first, the JSON last: an entry whose JSON exists is whole.
  writeFileAtomic(job.cached.xlsx, xlsx);
  writeFileAtomic(job.cached.csv, csv);
  writeFileAtomic(job.cached.json, job.json);
}
