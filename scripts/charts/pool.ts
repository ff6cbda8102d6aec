// Renders charts on worker threads, one per core (at most four); on a
// single core, or with BOARDPACK_CHART_WORKERS=0, in this thread.
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { TopLevelSpec } from "vega-lite";
import { vegaToSvg, type Rendered } from "./vegaRender.ts";

interface Pending {
  resolve: (r: Rendered) => void;
  reject: (e: Error) => void;
}

class ChartPool {
  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private queue: { id: number; spec: TopLevelSpec }[] = [];
  private pending = new Map<number, Pending>();
  private next = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL("./renderWorker.mjs", import.meta.url));
      worker.unref();
      worker.on("message", (msg: { id: number; svg?: string; warnings?: string[]; error?: string }) => {
        const p = this.pending.get(msg.id)!;
        this.pending.delete(msg.id);
        if (msg.error !== undefined) p.reject(new Error(msg.error));
        else p.resolve({ svg: msg.svg!, warnings: msg.warnings ?? [] });
        this.idle.push(worker);
        this.pump();
      });
      worker.on("error", (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  render(spec: TopLevelSpec): Promise<Rendered> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.queue.push({ id, spec });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      worker.ref();
      worker.postMessage(job);
    }
    if (this.queue.length === 0 && this.pending.size === 0) for (const w of this.workers) w.unref();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

let pool: ChartPool | null | undefined;

function getPool(): ChartPool | null {
  if (pool !== undefined) return pool;
  const size = Math.min(4, os.availableParallelism());
  pool = size > 1 && process.env.BOARDPACK_CHART_WORKERS !== "0" ? new ChartPool(size) : null;
  return pool;
}

export async function renderOnPool(spec: TopLevelSpec): Promise<Rendered> {
  const p = getPool();
  return p ? p.render(spec) : vegaToSvg(spec);
}

export async function closePool(): Promise<void> {
  await pool?.close();
  pool = undefined;
}
