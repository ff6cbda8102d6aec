// A worker thread that renders charts, so a first build uses every core.
import { parentPort } from "node:worker_threads";
import { specOf } from "./chartShape.ts";
import { drawOne, drawPair, type ChartInput } from "./vegaRender.ts";
import { adoptTemplate, templateText } from "./runtimeTemplates.ts";
import type { ChartJob } from "./pool.ts";

/** The shapes' keys, by their numbers in the pool (each sent once: pool.ts). */
const keys = new Map<number, string>();

/** The shapes whose template this worker has had back to the pool, or been sent by it. */
const shared = new Set<number>();

/** The chart a job asks for: its shape, and its spec made from the shape when needed. */
function inputOf(job: ChartJob): ChartInput {
  if (job.key !== undefined) keys.set(job.shape, job.key);
  if (job.key !== undefined && job.template !== undefined) {
    adoptTemplate(job.key, job.template);
    shared.add(job.shape);
  }
  const key = keys.get(job.shape);
  if (key === undefined) throw new Error(`A chart worker was sent a chart of a shape (${job.shape}) it does not know.`);
  const shape = { key, arrays: job.arrays };
  return { shape, spec: () => specOf(shape) };
}

/** The shape's template, the first time this worker has one to pass on (the pool sends it to the other workers). */
function templateToShare(shape: number, key: string): { template?: string } {
  const text = shared.has(shape) ? undefined : templateText(key);
  if (text === undefined) return {};
  shared.add(shape);
  return { template: text };
}

async function draw(job: ChartJob): Promise<void> {
  try {
    const input = inputOf(job);
    if (job.narrow) {
      const pair = await drawPair(input, job.narrow);
      const drawn = pair ? { svg: pair.wide, svgNarrow: pair.narrow } : { unpaired: true };
      parentPort!.postMessage({ id: job.id, ...drawn, ...templateToShare(job.shape, input.shape.key) });
    } else parentPort!.postMessage({ id: job.id, ...(await drawOne(input)), ...templateToShare(job.shape, input.shape.key) });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
  }
}

// The pool sends the next chart before this one is done (pool.ts): drawn one after the other, not interleaved.
let drawing = Promise.resolve();
parentPort!.on("message", (job: ChartJob) => {
  drawing = drawing.then(() => draw(job));
});
