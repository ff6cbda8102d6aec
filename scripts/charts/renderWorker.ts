// A worker thread that renders charts, so a first build uses every core.
import { parentPort } from "node:worker_threads";
import type { TopLevelSpec } from "vega-lite";
import { vegaToSvg } from "./vegaRender.ts";

async function draw(job: { id: number; spec: TopLevelSpec }): Promise<void> {
  try {
    parentPort!.postMessage({ id: job.id, ...(await vegaToSvg(job.spec)) });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
  }
}

// The pool sends the next chart before this one is done (pool.ts): drawn one after the other, not interleaved.
let drawing = Promise.resolve();
parentPort!.on("message", (job: { id: number; spec: TopLevelSpec }) => {
  drawing = drawing.then(() => draw(job));
});
