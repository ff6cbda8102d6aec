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
import { cacheDir, cacheOff, inCache, sourcesHash } from "../build/cacheDir.ts";
import type { MonthModel } from "../model/types.ts";
import { modelToJson } from "./modelJson.ts";
import type { DownloadJob } from "./downloadFiles.ts";

/** The output and formatting code (and the month names they use), and the workbook library's version. */
function writerHash(): string {
  return sourcesHash(["scripts/output", "scripts/format", "scripts/metrics/months.ts", "node_modules/@e965/xlsx/package.json"]);
}

let writingCode: Promise<typeof import("./downloadFiles.ts")> | undefined;
/**
 * Writes a month's CSV and workbook in this thread (one core, a full worker queue, a lost worker). The code that
 * writes them is loaded only then: the workbook library took about 60 ms of the build's start, and with a worker
 * this thread never writes one.
 */
function writeHere(job: DownloadJob): Promise<void> {
  return (writingCode ??= import("./downloadFiles.ts")).then((m) => m.writeDownloadFiles(job));
}

/** The three files of a month's downloads, by extension. */
export const DOWNLOADS = ["json", "csv", "xlsx"] as const;
export type DownloadFiles = Record<(typeof DOWNLOADS)[number], string>;

/** Months queued on the worker at most: past this the calling thread writes the month itself (it would wait otherwise, holding each queued month's JSON). */
const MOST_QUEUED = 3;
/** The worker's heap at most (old generation), in MB: a ten-year archive's month needs under 48. */
const WORKER_HEAP_MB = 256;
/**
 * The worker's young generation, in MB. A month's model (parsed from its
 * JSON) stays alive while its workbook is written, and each young collection
 * copies it again: with this room, a ten-year archive's first build made 135
 * young collections in this worker, taking 1.4 s, rather than V8's 266 taking
 * 2.9 s (node --trace-gc).
 */
const WORKER_YOUNG_MB = 96;

/**
 * Writes a build's downloads: `write` returns at once, `finished` waits for
 * every file asked for (and fails with the first that could not be written).
 * `inThread` writes them in the calling thread instead (one core); `heapMb`
 * sets the worker's heap limit (tests).
 */
export class DownloadWriter {
  private worker: Worker | null = null;
  private pending = new Map<number, { job: DownloadJob; resolve: () => void; reject: (e: Error) => void }>();
  private written: Promise<void>[] = [];
  private next = 0;

  private inThread: boolean;
  private readonly heapMb: number;

  constructor(options: { inThread?: boolean; heapMb?: number } = {}) {
    this.inThread = options.inThread ?? os.availableParallelism() < 2;
    this.heapMb = options.heapMb ?? WORKER_HEAP_MB;
  }

  /**
   * Writes `<month>.json`, `.csv` and `.xlsx` into `dir`; returns where the
   * cache keeps them (null with the cache off), so a month whose model need
   * not be made again can be copied from there (monthCache.ts).
   */
  write(dir: string, model: MonthModel, authorityName: string): DownloadFiles | null {
    const json = modelToJson(model);
    fs.writeFileSync(path.join(dir, `${model.month}.json`), json);
    const off = cacheOff("page");
    const key = crypto.createHash("sha256").update(writerHash()).update(authorityName).update(json).digest("hex").slice(0, 32);
    const cached = Object.fromEntries(DOWNLOADS.map((ext) => [ext, cacheDir("downloads", key.slice(0, 2), `${key}.${ext}`)])) as DownloadFiles;
    if (!off && DOWNLOADS.every((ext) => inCache(cached[ext]))) {
      fs.copyFileSync(cached.csv, path.join(dir, `${model.month}.csv`));
      fs.copyFileSync(cached.xlsx, path.join(dir, `${model.month}.xlsx`));
      return cached;
    }
    const job: DownloadJob = { json, authorityName, csv: path.join(dir, `${model.month}.csv`), xlsx: path.join(dir, `${model.month}.xlsx`), cached: off ? null : cached };
    this.written.push(this.inThread || this.pending.size >= MOST_QUEUED ? writeHere(job) : this.onWorker(job));
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
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  /** The worker failed or stopped: what it held is written here (`inThread`, and every month after) or fails with `e`. */
  private lost(worker: Worker, e: Error, inThread: boolean): void {
    if (this.worker !== worker) return; // closed, or already replaced
    const pending = [...this.pending.values()];
    this.pending.clear();
    this.worker = null;
    if (inThread) this.inThread = true;
    for (const p of pending) {
      if (this.inThread) writeHere(p.job).then(p.resolve, p.reject);
      else p.reject(e);
    }
  }

  private onWorker(job: DownloadJob): Promise<void> {
    if (!this.worker) {
      const worker = new Worker(new URL("./downloadsWorker.mjs", import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
      worker.on("message", (msg: { id: number; error?: string }) => {
        const p = this.pending.get(msg.id)!;
        this.pending.delete(msg.id);
        if (msg.error !== undefined) p.reject(new Error(msg.error));
        else p.resolve();
        if (this.pending.size === 0) worker.unref();
      });
      // A month too big for the worker's heap: this thread writes it, and every month after.
      worker.on("error", (e: Error & { code?: string }) => this.lost(worker, e, e.code === "ERR_WORKER_OUT_OF_MEMORY"));
      // Gone without an error (it exited): this thread writes what it held, rather than wait for it for ever.
      worker.on("exit", (code) => this.lost(worker, new Error(`The downloads worker stopped (exit code ${code}).`), true));
      this.worker = worker;
    }
    const id = this.next++;
    this.worker.ref();
    const done = new Promise<void>((resolve, reject) => this.pending.set(id, { job, resolve, reject }));
    this.worker.postMessage({ id, job });
    return done;
  }
}
