// A worker thread that renders charts, so a first build uses every core.
import { parentPort } from "node:worker_threads";
import { specOf } from "./chartShape.ts";
import { drawOne, drawPair, type ChartInput } from "./vegaRender.ts";
import type { ChartJob } from "./pool.ts";

/** The shapes' keys, by their numbers in the pool (each sent once: pool.ts). */
const keys = new Map<number, string>();

/** The chart a job asks for: its shape, and its spec made from the shape when needed. */
function inputOf(job: ChartJob): ChartInput {
  if (job.key !== undefined) keys.set(job.shape, job.key);
  const key = keys.get(job.shape);
  if (key === undefined) throw new Error(`A chart worker was sent a chart of a shape (${job.shape}) it does not know.`);
  const shape = { key, arrays: job.arrays };
  return { shape, spec: () => specOf(shape) };
}

async function draw(job: ChartJob): Promise<void> {
  try {
    const input = inputOf(job);
    if (job.narrow) {
      const pair = await drawPair(input, job.narrow);
      parentPort!.postMessage(pair ? { id: job.id, svg: pair.wide, svgNarrow: pair.narrow } : { id: job.id, unpaired: true });
    } else parentPort!.postMessage({ id: job.id, ...(await drawOne(input)) });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
  }
}

// The pool sends the next chart before this one is done (pool.ts): drawn one after the other, not interleaved.
let drawing = Promise.resolve();
parentPort!.on("message", (job: ChartJob) => {
  drawing = drawing.then(() => draw(job));
});
