// A worker thread that renders charts, so a first build uses every core.
import { parentPort } from "node:worker_threads";
import { vegaPairToSvg, vegaToSvg } from "./vegaRender.ts";
import type { ChartJob } from "./pool.ts";

async function draw(job: ChartJob): Promise<void> {
  try {
    if (job.narrow) {
      const pair = await vegaPairToSvg({ spec: job.spec, narrow: job.narrow }, job.shape);
      parentPort!.postMessage(pair ? { id: job.id, svg: pair.wide, svgNarrow: pair.narrow } : { id: job.id, unpaired: true });
    } else parentPort!.postMessage({ id: job.id, ...(await vegaToSvg(job.spec, job.shape)) });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
  }
}

// The pool sends the next chart before this one is done (pool.ts): drawn one after the other, not interleaved.
let drawing = Promise.resolve();
parentPort!.on("message", (job: ChartJob) => {
  drawing = drawing.then(() => draw(job));
});
