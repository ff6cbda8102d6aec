// A worker thread that renders charts, so a first build uses every core.
import { parentPort } from "node:worker_threads";
import type { TopLevelSpec } from "vega-lite";
import { vegaToSvg } from "./vegaRender.ts";
import type { Shape } from "./chartShape.ts";

interface Job {
  id: number;
  spec: TopLevelSpec;
  /** Lifted by the pool, which routes charts by their shape. */
  shape: Shape;
}

async function draw(job: Job): Promise<void> {
  try {
    parentPort!.postMessage({ id: job.id, ...(await vegaToSvg(job.spec, job.shape)) });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
  }
}

// The pool sends the next chart before this one is done (pool.ts): drawn one after the other, not interleaved.
let drawing = Promise.resolve();
parentPort!.on("message", (job: Job) => {
  drawing = drawing.then(() => draw(job));
});
