// Renders charts on worker threads, one per core (at most four); on a
// single core, or with BOARDPACK_CHART_WORKERS=0, in this thread.
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { TopLevelSpec } from "vega-lite";
import type { Rendered } from "./vegaRender.ts";
import { shapeOf } from "./chartShape.ts";
import type { NarrowView, PairedSpec } from "./variantPair.ts";

/** A worker's answer: a chart (svg, warnings), a pair (svg, svgNarrow; unpaired if it warned), or an error. */
export interface Drawn {
  svg?: string;
  warnings?: string[];
  svgNarrow?: string;
  unpaired?: boolean;
  error?: string;
  /** The shape's template, made by this worker, the first time it has one: passed on to the other workers. */
  template?: string;
}

interface Pending {
  resolve: (r: Drawn) => void;
  reject: (e: Error) => void;
  shape: number;
}

/**
 * A chart sent to a worker (renderWorker.ts): its shape (chartShape.ts),
 * lifted here to route the chart, and its lifted values. The shape's key (the
 * spec with placeholders, most of the spec) goes to each worker once, with
 * the first chart of the shape sent to it: the worker makes the spec from the
 * two where it needs it. Sent whole, the example's charts were 8.3 MB of
 * messages to copy; so, 2.1 MB.
 */
export interface ChartJob {
  id: number;
  /** The shape's number in this pool. */
  shape: number;
  /** The shape's key, if the worker has not been sent it. */
  key?: string;
  /** With the key: the shape's template, if another worker has made it (runtimeTemplates.ts). */
  template?: string;
  arrays: string[];
  /** A pair of variants (variantPair.ts): the spec is the paired spec, drawn wide and then narrow. */
  narrow?: NarrowView;
}

interface Lane {
  worker: Worker;
  /** Charts sent to the worker and not yet back (at most IN_FLIGHT). */
  inFlight: number;
  queue: ChartJob[];
  /** The shapes whose keys the worker has been sent. */
  known: Set<number>;
}

/**
 * Charts sent to a worker ahead of the one it draws: the next waits in its
 * port, so the worker goes on while this thread is busy (rendering a batch of
 * pages, say) instead of waiting for this thread to hand it the next chart.
 */
const IN_FLIGHT = 2;

/**
 * Charts of one shape go to one worker, so each shape is compiled once, not
 * once per worker (runtimeTemplates.ts); a worker with nothing queued takes
 * work from the longest queue, so no core waits while another has a backlog,
 * and is sent the shape's template with it if the other worker has made it.
 */
/**
 * A chart worker's heap at most (old generation), in MB. A worker holds Vega,
 * the chart templates and the chart it is drawing (a few megabytes), but left
 * to itself V8 let each worker's heap grow to hundreds of megabytes of garbage
 * in a long first build; with this limit it collects sooner, at no cost in
 * time measured (a ten-year archive's first build peaked at about 1.1 GB, now
 * 0.9 GB). BOARDPACK_CHART_WORKER_HEAP_MB sets another limit.
 */
const workerHeapMb = () => Number(process.env.BOARDPACK_CHART_WORKER_HEAP_MB) || 256;
/**
 * A chart worker's young generation, in MB: twice V8's default. Whatever is
 * alive when the young generation is collected is copied, and in a chart
 * worker that is the whole view of the chart being drawn (a few MB), at every
 * collection: a larger young generation is collected half as often for the
 * same copying. The example's first build (no PDF, 6 alternating rounds) took
 * 13.1 s in the median against 13.8 s, and peaked about 50 MB higher. Only
 * the workers: the build's own thread was slower on a rebuild with it.
 */
const WORKER_YOUNG_MB = 96;

export class ChartPool {
  private lanes: Lane[] = [];
  /** Each shape's number, and by number its key and the lane its charts go to. */
  private shapeNumbers = new Map<string, number>();
  private shapes: { key: string; lane: Lane; template?: string }[] = [];
  private pending = new Map<number, Pending>();
  private next = 0;
  private closed = false;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const heapMb = workerHeapMb();
      const worker = new Worker(new URL("./renderWorker.mjs", import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
      const lane: Lane = { worker, inFlight: 0, queue: [], known: new Set() };
      worker.on("message", (msg: Drawn & { id: number }) => {
        const p = this.pending.get(msg.id)!;
        this.pending.delete(msg.id);
        if (msg.template !== undefined) this.shapes[p.shape]!.template ??= msg.template;
        if (msg.error !== undefined) p.reject(new Error(msg.error));
        else p.resolve(msg);
        lane.inFlight--;
        this.pump();
      });
      worker.on("error", (e: Error & { code?: string }) => {
        if (e.code === "ERR_WORKER_OUT_OF_MEMORY") {
          e = new Error(
            `A chart worker ran out of memory (its limit is ${heapMb} MB). Set BOARDPACK_CHART_WORKER_HEAP_MB to more, or draw the charts in the main thread with BOARDPACK_CHART_WORKERS=0.`,
          );
        }
        this.fail(e);
      });
      // A worker gone without an error (it exited): its charts would otherwise be waited for by nothing alive.
      worker.on("exit", (code) => this.fail(new Error(`A chart worker stopped (exit code ${code}) while drawing. Run the build again; BOARDPACK_CHART_WORKERS=0 draws the charts in the main thread.`)));
      // After its listeners: a "message" listener refs the worker again, and a pool that draws nothing would keep the process alive.
      worker.unref();
      this.lanes.push(lane);
    }
  }

  render(spec: TopLevelSpec, narrow?: NarrowView): Promise<Drawn> {
    const id = this.next++;
    const { key, arrays } = shapeOf(spec);
    let shape = this.shapeNumbers.get(key);
    if (shape === undefined) {
      shape = this.shapes.length;
      this.shapeNumbers.set(key, shape);
      this.shapes.push({ key, lane: this.lanes.reduce((a, b) => (b.queue.length + b.inFlight < a.queue.length + a.inFlight ? b : a)) });
    }
    const target = this.shapes[shape]!.lane;
    const job: ChartJob = { id, shape, arrays, ...(narrow ? { narrow } : {}) };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, shape });
      target.queue.push(job);
      this.pump();
    });
  }

  private pump(): void {
    for (const lane of this.lanes) {
      while (lane.inFlight < IN_FLIGHT) {
        let job = lane.queue.shift();
        if (!job) {
          const longest = this.lanes.reduce((a, b) => (b.queue.length > a.queue.length ? b : a));
          if (longest.queue.length > 1) job = longest.queue.pop();
        }
        if (!job) break;
        // A worker meets a shape first here (taken from another worker's queue or not).
        if (!lane.known.has(job.shape)) {
          lane.known.add(job.shape);
          const { key, template } = this.shapes[job.shape]!;
          job.key = key;
          // Made by another worker already: this one need not compile the shape again.
          if (template !== undefined) job.template = template;
        }
        lane.inFlight++;
        lane.worker.ref();
        lane.worker.postMessage(job);
      }
    }
    if (this.pending.size === 0) for (const lane of this.lanes) lane.worker.unref();
  }

  /** A worker failed or stopped: every chart waiting fails with it, and the next chart asked for starts a new pool. */
  private fail(e: Error): void {
    if (this.closed) return;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
    if (pool === this) pool = undefined;
    void this.close();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.lanes.map((l) => l.worker.terminate()));
  }
}

let pool: ChartPool | null | undefined;

function getPool(): ChartPool | null {
  if (pool !== undefined) return pool;
  const size = Math.min(4, os.availableParallelism());
  pool = size > 1 && process.env.BOARDPACK_CHART_WORKERS !== "0" ? new ChartPool(size) : null;
  return pool;
}

/**
 * Starts the chart workers now rather than at the first chart: each loads Vega
 * while the build is still starting. For a build that will draw charts; idle,
 * the workers keep no process alive.
 */
export function startChartPool(): void {
  getPool();
}

export async function renderOnPool(spec: TopLevelSpec): Promise<Rendered> {
  const p = getPool();
  if (p) {
    const drawn = await p.render(spec);
    return { svg: drawn.svg!, warnings: drawn.warnings ?? [] };
  }
  // Loaded only here: Vega takes about 0.3 s to load, and with workers this thread never draws.
  // Drawn as a worker draws it (renderWorker.ts): by its shape's kept view.
  const { vegaKeptViewToSvg } = await import("./vegaRender.ts");
  return vegaKeptViewToSvg(spec);
}

/** Both variants of a chart drawn by one view (vegaPairToSvg); null if the pair warned (draw each alone). */
export async function renderPairOnPool(paired: PairedSpec): Promise<{ wide: string; narrow: string } | null> {
  const p = getPool();
  if (p) {
    const drawn = await p.render(paired.spec, paired.narrow);
    return drawn.unpaired ? null : { wide: drawn.svg!, narrow: drawn.svgNarrow! };
  }
  const { vegaPairToSvg } = await import("./vegaRender.ts");
  return vegaPairToSvg(paired);
}

export async function closePool(): Promise<void> {
  await pool?.close();
  pool = undefined;
}
