// Where a build's streamed pages are rendered: on a worker thread of their own
// (pagesWorker.ts) when there are two cores or more, else in this thread.
//
// Rendering and writing pages was much of the build thread's work on a long
// archive (the ten-year archive's first build took about 20 s less with its
// pages not rendered at all), and while Eleventy rendered a batch this thread
// made no month, so the chart workers ran out of charts. On its own thread, Eleventy renders a batch while
// this thread makes the next months. BOARDPACK_PAGE_WORKER=0 renders them here.
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { PolicyOptions } from "../build/contentSecurityPolicy.ts";
import { pagesPerRun, renderRun, type EleventyRun } from "./eleventy.ts";

/**
 * The worker's heap at most (old generation), in MB: with a limit V8
 * collects sooner. Room to spare: in batches of 200, the ten-year archive's
 * 200 indicator pages did not fit in 192 MB.
 */
const WORKER_HEAP_MB = 512;
/**
 * Pages in a batch rendered on the worker: a batch is copied to the worker
 * and held there with what Eleventy makes of it. In batches of 100 the
 * ten-year archive's build peaked where it did with every page rendered in
 * its own thread (about 790 MB); in batches of 200, at 1,019 MB.
 */
const PAGES_PER_BATCH = 100;
/** The batch size on the worker: PAGES_PER_BATCH, or less if BOARDPACK_PAGES_PER_RUN asks for smaller runs (tests). */
const workerBatch = () => Math.min(PAGES_PER_BATCH, Math.ceil(pagesPerRun() / 2));

/** One Eleventy run asked of the worker. */
export interface PageJob {
  id: number;
  run: EleventyRun;
  outDir: string;
  policy: PolicyOptions;
}

/** Where a build's Eleventy runs are done (the runs: eleventy.ts's pagesRun, printRun, or a run of renderSite). */
export interface PageRenderer {
  /** Pages in a batch (pageStream.ts), if the renderer needs other than the stream's default. */
  readonly perBatch?: number;
  /**
   * Renders on a thread of its own: the stream then hands it whatever is queued whenever it has nothing to render, rather
   * than only full batches (pageStream.ts). In the build's own thread a batch stops the build while it renders, so there
   * the stream waits for a full batch.
   */
  readonly ownThread?: boolean;
  /** Renders `run` into `outDir`; resolves with the number of pages written. */
  run(run: EleventyRun): Promise<number>;
  /** Stops the worker; what it had not rendered fails. */
  close(): Promise<void>;
}

/**
 * The pages worker, started before the build knows where its pages go: loading Eleventy and the templates' modules
 * takes it about half a second, spent while the build reads and checks the data rather than when the first page
 * (the pack's print page, which Chromium waits for) is asked of it. Null on one core or with BOARDPACK_PAGE_WORKER=0.
 */
export function startPagesWorker(): PagesWorker | null {
  if (os.availableParallelism() < 2 || process.env.BOARDPACK_PAGE_WORKER === "0") return null;
  return new PagesWorker();
}

/** The renderer for a build writing into `outDir`: on `worker` (by default one started now), in this thread if there is none. */
export function pageRenderer(outDir: string, policy: PolicyOptions, worker: PagesWorker | null = startPagesWorker()): PageRenderer {
  if (!worker) return inThread(outDir, policy);
  return { perBatch: workerBatch(), ownThread: true, run: (run) => worker.run({ run, outDir, policy }), close: () => worker.close() };
}

/** Renders in this thread (one core, BOARDPACK_PAGE_WORKER=0, or a site rendered whole: renderSite). */
export function inThread(outDir: string, policy: PolicyOptions): PageRenderer {
  return { run: (run) => renderRun(run, outDir, policy), close: async () => {} };
}

export class PagesWorker {
  private worker: Worker | null;
  private pending = new Map<number, { resolve: (written: number) => void; reject: (e: Error) => void }>();
  private next = 0;
  private stopped: Error | null = null;

  constructor() {
    this.worker = this.start();
    // Idle, it does not keep the build's process alive (a build that stops on bad data ends at once).
    this.worker.unref();
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.stopped ??= new Error("The pages worker was closed.");
    for (const p of this.pending.values()) p.reject(this.stopped);
    this.pending.clear();
    await worker?.terminate();
  }

  /** Renders a run into its folder; resolves with the number of pages written. */
  run(job: Omit<PageJob, "id">): Promise<number> {
    if (this.stopped || !this.worker) return Promise.reject(this.stopped ?? new Error("The pages worker was closed."));
    const worker = this.worker;
    const id = this.next++;
    worker.ref();
    const done = new Promise<number>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    worker.postMessage({ ...job, id } satisfies PageJob);
    return done;
  }

  private start(): Worker {
    const worker = new Worker(new URL("./pagesWorker.mjs", import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.on("message", (msg: { id: number; written?: number; error?: string }) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error !== undefined) p.reject(new Error(msg.error));
      else p.resolve(msg.written ?? 0);
      // Idle, it does not keep the build's process alive.
      if (this.pending.size === 0) worker.unref();
    });
    worker.on("error", (e: Error & { code?: string }) =>
      this.lost(
        worker,
        e.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? new Error(`The pages worker ran out of memory (its limit is ${WORKER_HEAP_MB} MB). Run the build again with BOARDPACK_PAGE_WORKER=0 to render the pages in the build's own thread.`)
          : e,
      ),
    );
    // Gone without an error (it exited): what it held fails, rather than being waited for for ever.
    worker.on("exit", (code) => this.lost(worker, new Error(`The pages worker stopped (exit code ${code}).`)));
    return worker;
  }

  private lost(worker: Worker, e: Error): void {
    if (this.worker !== worker) return; // closed
    this.worker = null;
    this.stopped = e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
