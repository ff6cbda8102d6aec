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
import { pagesPerRun, type Paged } from "./eleventy.ts";
import type { PageSettings, SiteData } from "./views.ts";

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

/** What one Eleventy run on the worker renders: a batch of streamed pages, print pages, or a run over the site (`template`: one of content/). */
export type PageWork =
  | { kind: "pages"; pages: Partial<Paged>; settings: PageSettings }
  | { kind: "print"; pages: SiteData["printPages"]; settings: PageSettings }
  | { kind: "site"; site: Partial<SiteData>; template?: string };

/** One Eleventy run asked of the worker. */
export type PageJob = PageWork & { id: number; outDir: string; policy: PolicyOptions };

export interface PageRenderer {
  /** Pages in a batch (pageStream.ts), if the renderer needs other than the stream's default. */
  readonly perBatch?: number;
  /** Renders month, section and indicator pages into `outDir`; resolves with the number written. */
  pages(pages: Partial<Paged>, settings: PageSettings): Promise<number>;
  /** Renders print pages into `outDir`. */
  print(pages: SiteData["printPages"], settings: PageSettings): Promise<number>;
  /** One Eleventy run over the whole of content/ (or its `template`) with `site`: the last runs of renderSite. */
  site(site: Partial<SiteData>, template?: string): Promise<number>;
  /** Stops the worker; what it had not rendered fails. */
  close(): Promise<void>;
}

/** The renderer for a build writing into `outDir`: on a worker unless there is one core or BOARDPACK_PAGE_WORKER=0. */
export function pageRenderer(outDir: string, policy: PolicyOptions): PageRenderer {
  if (os.availableParallelism() < 2 || process.env.BOARDPACK_PAGE_WORKER === "0") return inThread(outDir, policy);
  return new WorkerRenderer(outDir, policy);
}

/** Renders in this thread (one core, BOARDPACK_PAGE_WORKER=0, or a site rendered whole: renderSite). */
export function inThread(outDir: string, policy: PolicyOptions): PageRenderer {
  // Loaded when first used, as the build loads Eleventy only when it renders.
  const eleventy = () => import("./eleventy.ts");
  return {
    pages: async (pages, settings) => (await eleventy()).renderPages(pages, settings, outDir, policy),
    print: async (pages, settings) => (await eleventy()).renderPrintPages(pages, settings, outDir, policy),
    site: async (site, template) => (await eleventy()).renderSiteRun(site, outDir, policy, template),
    close: async () => {},
  };
}

class WorkerRenderer implements PageRenderer {
  readonly perBatch = workerBatch();
  private worker: Worker | null = null;
  private pending = new Map<number, { resolve: (written: number) => void; reject: (e: Error) => void }>();
  private next = 0;
  private stopped: Error | null = null;

  constructor(
    private readonly outDir: string,
    private readonly policy: PolicyOptions,
  ) {}

  pages(pages: Partial<Paged>, settings: PageSettings): Promise<number> {
    return this.ask({ kind: "pages", pages, settings });
  }

  print(pages: SiteData["printPages"], settings: PageSettings): Promise<number> {
    return this.ask({ kind: "print", pages, settings });
  }

  site(site: Partial<SiteData>, template?: string): Promise<number> {
    return this.ask({ kind: "site", site, ...(template ? { template } : {}) });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.stopped ??= new Error("The pages worker was closed.");
    for (const p of this.pending.values()) p.reject(this.stopped);
    this.pending.clear();
    await worker?.terminate();
  }

  private ask(work: PageWork): Promise<number> {
    if (this.stopped) return Promise.reject(this.stopped);
    const worker = (this.worker ??= this.start());
    const id = this.next++;
    worker.ref();
    const done = new Promise<number>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    const job: PageJob = { ...work, id, outDir: this.outDir, policy: this.policy };
    worker.postMessage(job);
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
