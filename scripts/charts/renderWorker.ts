// A worker thread that renders charts, so a first build uses every core.
import { parentPort } from "node:worker_threads";
import type { TopLevelSpec } from "vega-lite";
import { vegaToSvg } from "./vegaRender.ts";

parentPort!.on("message", async (job: { id: number; spec: TopLevelSpec }) => {
  try {
    parentPort!.postMessage({ id: job.id, ...(await vegaToSvg(job.spec)) });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
  }
});
