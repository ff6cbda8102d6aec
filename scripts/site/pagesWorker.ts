// A worker thread that renders batches of pages with Eleventy (pageRenderer.ts),
// so the build's own thread goes on making months (models, chart specs,
// downloads) while pages are rendered and written.
import { parentPort } from "node:worker_threads";
import { loadEleventy, renderRun } from "./eleventy.ts";
import type { PageJob } from "./pageRenderer.ts";

async function render(job: PageJob): Promise<void> {
  try {
    const written = await renderRun(job.run, job.outDir, job.policy);
    parentPort!.postMessage({ id: job.id, written });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
  }
}

// Eleventy loads as the worker starts, while the build reads its data: the first page asked of it is the pack's print
// page, which Chromium waits for. The first run waits for the load (and fails as it did).
let running: Promise<unknown> = loadEleventy().catch(() => {});
parentPort!.on("message", (job: PageJob) => {
  running = running.then(() => render(job));
});
