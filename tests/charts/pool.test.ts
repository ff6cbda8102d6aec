// The chart pool keeps each worker's next chart waiting in its port
// (scripts/charts/pool.ts), so a worker goes on while the build's thread is
// busy (rendering pages) instead of waiting to be handed its next chart; a
// chart goes as its shape's number and its values, the shape's key once.
import { describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";

const spec = (y: number): TopLevelSpec => ({
  data: { values: [{ x: 1, y }] },
  mark: "point",
  encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative", scale: { domain: [0, 10] } } },
});

/** What the pool sends each worker, as it sends it: which lane, and whether the job carries a shape's key, spec or template. */
function jobsSent(pool: object): { lane: number; key: boolean; spec: boolean; template: boolean }[] {
  type Lane = { worker: { postMessage: (job: unknown) => void } };
  const sent: { lane: number; key: boolean; spec: boolean; template: boolean }[] = [];
  (pool as { lanes: Lane[] }).lanes.forEach((lane, i) => {
    const post = lane.worker.postMessage.bind(lane.worker);
    lane.worker.postMessage = (job: unknown) => {
      const j = job as { key?: string; spec?: unknown; template?: string };
      sent.push({ lane: i, key: j.key !== undefined, spec: j.spec !== undefined, template: j.template !== undefined });
      post(job);
    };
  });
  return sent;
}

describe("the chart pool", () => {
  it("sends a worker its next chart before the one it draws is back, and each chart comes back as its own", async () => {
    const { ChartPool } = await import("../../scripts/charts/pool.ts");
    const pool = new ChartPool(1);
    try {
      const drawn = [1, 5, 9].map((y) => pool.render(spec(y)));
      const lane = (pool as unknown as { lanes: { inFlight: number; queue: unknown[] }[] }).lanes[0]!;
      expect(lane.inFlight).toBe(2);
      expect(lane.queue).toHaveLength(1);
      const svgs = (await Promise.all(drawn)).map((r) => r.svg);
      // Each chart as this thread draws it: none swapped with another.
      const { vegaToSvg } = await import("../../scripts/charts/vegaRender.ts");
      for (const [i, y] of [1, 5, 9].entries()) expect(svgs[i]).toBe((await vegaToSvg(spec(y))).svg);
      expect(new Set(svgs).size).toBe(3);
      expect(lane.inFlight).toBe(0);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("sends each worker a shape's key once, with its first chart of the shape, also one taken from another worker's queue", async () => {
    const { ChartPool } = await import("../../scripts/charts/pool.ts");
    const pool = new ChartPool(2);
    const sent = jobsSent(pool);
    try {
      // Charts of one shape go to one worker; the other, idle, takes from its queue.
      const ys = [1, 2, 3, 4, 5, 6];
      const svgs = (await Promise.all(ys.map((y) => pool.render(spec(y))))).map((r) => r.svg);
      const { vegaToSvg } = await import("../../scripts/charts/vegaRender.ts");
      for (const [i, y] of ys.entries()) expect(svgs[i]).toBe((await vegaToSvg(spec(y))).svg);
      expect(sent).toHaveLength(6);
      expect(sent.some((s) => s.spec)).toBe(false);
      // Both workers drew charts of the shape, and each was sent its key once.
      for (const lane of [0, 1]) expect(sent.filter((s) => s.lane === lane && s.key)).toHaveLength(1);
      for (const lane of [0, 1]) expect(sent.filter((s) => s.lane === lane).length).toBeGreaterThan(1);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("passes a shape's template from the worker that made it to the other (which then need not compile the shape), and both draw each chart as drawn alone", async () => {
    const { ChartPool } = await import("../../scripts/charts/pool.ts");
    const { vegaLiteSpec } = await import("../../scripts/charts/specs.ts");
    // A chart as the build draws it (this file's own point chart makes no template: its compile reads its domain).
    const spec = (y: number): TopLevelSpec =>
      vegaLiteSpec(
        {
          type: "line",
          title: "t",
          categories: ["Jan-20", "Feb-20", "Mar-20"],
          series: [{ ref: "1", label: "One", unit: "count", decimals: 0, values: [y, y + 1, y + 3] }],
          references: [],
          unit: "count",
          decimals: 0,
        },
        "wide",
      );
    const pool = new ChartPool(2);
    const sent = jobsSent(pool);
    try {
      // The shape's first chart alone: its worker makes the template and hands it back.
      const first = await pool.render(spec(1));
      const ys = [2, 3, 4, 5, 6, 7];
      const svgs = (await Promise.all(ys.map((y) => pool.render(spec(y))))).map((r) => r.svg);
      const { vegaToSvg } = await import("../../scripts/charts/vegaRender.ts");
      expect(first.svg).toBe((await vegaToSvg(spec(1))).svg);
      for (const [i, y] of ys.entries()) expect(svgs[i]).toBe((await vegaToSvg(spec(y))).svg);
      // The first worker was sent the key alone; the other, which took charts from its queue, the key and the template.
      const withKey = sent.filter((s) => s.key);
      expect(withKey).toHaveLength(2);
      expect(withKey[0]).toMatchObject({ template: false });
      expect(withKey[1]).toMatchObject({ template: true });
      expect(withKey[0]!.lane).not.toBe(withKey[1]!.lane);
      expect(sent.filter((s) => !s.key).every((s) => !s.template)).toBe(true);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
