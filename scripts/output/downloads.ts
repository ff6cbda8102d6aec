// A month's downloads: the computed model (JSON), its figures for people
// (CSV) and as a workbook (XLSX). The JSON holds everything the other two are
// made from, so they are kept under the hash of the JSON (with the authority's
// name and the code that writes them): a published month's workbook, the
// slowest of the three, is written once, not on every build.
//
// The JSON is written at once (the build has it in hand); the CSV and the
// workbook are made from it on a worker thread (downloadsWorker.ts), as the
// build's main thread is the one that makes models and pages: on a ten-year
// archive's first build, the workbooks were about a sixth of its work.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { cacheDir, sourcesHash } from "../build/cacheDir.ts";
import type { MonthModel } from "../model/types.ts";
import { modelToJson } from "./modelJson.ts";
import { writeDownloadFiles, type DownloadJob } from "./downloadFiles.ts";

/** The output and formatting code (and the month names they use), and the workbook library's version. */
function writerHash(): string {
  return sourcesHash(["scripts/output", "scripts/format", "scripts/metrics/months.ts", "node_modules/@e965/xlsx/package.json"]);
}

/** The three files of a month's downloads, by extension. */
export const DOWNLOADS = ["json", "csv", "xlsx"] as const;
export type DownloadFiles = Record<(typeof DOWNLOADS)[number], string>;

/**
 * Writes a build's downloads: `write` returns at once, `finished` waits for
 * every file asked for (and fails with the first that could not be written).
 * `inThread` writes them in the calling thread instead (one core).
 */
export class DownloadWriter {
  private worker: Worker | null = null;
  private pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private written: Promise<void>[] = [];
  private next = 0;

  constructor(private readonly inThread = os.availableParallelism() < 2) {}

  /**
   * Writes `<month>.json`, `.csv` and `.xlsx` into `dir`; returns where the
   * cache keeps them (null with the cache off), so a month whose model need
   * not be made again can be copied from there (monthCache.ts).
   */
  write(dir: string, model: MonthModel, authorityName: string): DownloadFiles | null {
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
    const job: DownloadJob = { json, authorityName, csv: path.join(dir, `${model.month}.csv`), xlsx: path.join(dir, `${model.month}.xlsx`), cached: off ? null : cached };
    if (this.inThread) writeDownloadFiles(job);
    else this.written.push(this.onWorker(job));
    return off ? null : cached;
  }

  /** Resolves when every file asked for so far is written; rejects with the first failure. */
  async finished(): Promise<void> {
    const all = this.written;
    this.written = [];
    await Promise.all(all);
  }

  /** Waits for the files under way (whatever their outcome) and stops the worker. */
  async close(): Promise<void> {
    await Promise.allSettled(this.written);
    this.written = [];
    await this.worker?.terminate();
    this.worker = null;
  }

  private onWorker(job: DownloadJob): Promise<void> {
    if (!this.worker) {
      const worker = new Worker(new URL("./downloadsWorker.mjs", import.meta.url));
      worker.on("message", (msg: { id: number; error?: string }) => {
        const p = this.pending.get(msg.id)!;
        this.pending.delete(msg.id);
        if (msg.error !== undefined) p.reject(new Error(msg.error));
        else p.resolve();
        if (this.pending.size === 0) worker.unref();
      });
      worker.on("error", (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      this.worker = worker;
    }
    const id = this.next++;
    this.worker.ref();
    const done = new Promise<void>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.worker.postMessage({ id, job });
    return done;
  }
}
