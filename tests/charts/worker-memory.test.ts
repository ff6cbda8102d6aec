// A chart worker's heap is limited (scripts/charts/pool.ts): one that runs
// out stops the build with what happened and what to set, not a crash or a
// build that waits for ever.
import os from "node:os";
import type { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";

const saved = process.env.BOARDPACK_CHART_WORKER_HEAP_MB;
afterAll(async () => {
  const { closePool } = await import("../../scripts/charts/pool.ts");
  await closePool();
  if (saved === undefined) delete process.env.BOARDPACK_CHART_WORKER_HEAP_MB;
  else process.env.BOARDPACK_CHART_WORKER_HEAP_MB = saved;
});

const spec = { data: { values: [{ x: 1, y: 2 }] }, mark: "point", encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } } } as const;

describe("a chart worker out of memory", () => {
  // The pool has workers only with two cores or more (one core draws in this thread, with no limit).
  it.skipIf(os.availableParallelism() < 2)("fails the chart with the limit and the settings that change it", async () => {
    // Far too little to load Vega, so the worker runs out at once.
    process.env.BOARDPACK_CHART_WORKER_HEAP_MB = "2";
    const { renderOnPool, closePool } = await import("../../scripts/charts/pool.ts");
    await closePool(); // a pool made by an earlier test in this thread would have the usual limit
    await expect(renderOnPool(spec)).rejects.toThrow(/ran out of memory \(its limit is 2 MB\).*BOARDPACK_CHART_WORKER_HEAP_MB.*BOARDPACK_CHART_WORKERS=0/);
  }, 60_000);

  it.skipIf(os.availableParallelism() < 2)("leaves the next build's charts to a new pool, which draws them", async () => {
    process.env.BOARDPACK_CHART_WORKER_HEAP_MB = "2";
    const { renderOnPool, closePool } = await import("../../scripts/charts/pool.ts");
    await closePool();
    await expect(renderOnPool(spec)).rejects.toThrow(/ran out of memory/);
    process.env.BOARDPACK_CHART_WORKER_HEAP_MB = "256";
    expect((await renderOnPool(spec)).svg).toMatch(/^<svg/);
  }, 60_000);
});

describe("a chart worker that stops without an error", () => {
  it("fails the charts it was drawing, rather than leave them waited for by nothing", async () => {
    const { ChartPool } = await import("../../scripts/charts/pool.ts");
    const pool = new ChartPool(1);
    try {
      const drawn = pool.render(spec);
      await (pool as unknown as { lanes: { worker: Worker }[] }).lanes[0]!.worker.terminate();
      await expect(drawn).rejects.toThrow(/A chart worker stopped \(exit code \d+\) while drawing/);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
