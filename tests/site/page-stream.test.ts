// When the page stream hands pages to its renderer (pageStream.ts): a renderer
// on a thread of its own gets what is queued as soon as it has nothing to do
// (a busy one, once it is done); one in the build's own thread, full batches.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PageStream } from "../../scripts/site/pageStream.ts";
import type { PageRenderer } from "../../scripts/site/pageRenderer.ts";
import type { EleventyRun } from "../../scripts/site/eleventy.ts";
import type { IndicatorPage, PageSettings } from "../../scripts/site/views.ts";

const saved = process.env.BOARDPACK_PAGE_CACHE;
// No page-cache keys: the pages here are stand-ins, not whole views.
beforeAll(() => void (process.env.BOARDPACK_PAGE_CACHE = "off"));
afterAll(() => {
  if (saved === undefined) delete process.env.BOARDPACK_PAGE_CACHE;
  else process.env.BOARDPACK_PAGE_CACHE = saved;
});

/** A renderer that records each run's indicator pages and finishes a run only when told to. */
function recordingRenderer(ownThread: boolean) {
  const runs: string[][] = [];
  const finishers: (() => void)[] = [];
  const renderer: PageRenderer = {
    ownThread,
    run: (run: EleventyRun) => {
      runs.push((run.site.indicatorPages ?? []).map((p) => p.url));
      return new Promise<number>((resolve) => finishers.push(() => resolve(run.site.indicatorPages?.length ?? 0)));
    },
    close: async () => {},
  };
  return { renderer, runs, finishNext: () => finishers.shift()!() };
}

const pages = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ url: `/indicators/${from + i}/` }) as IndicatorPage);
const settings = { key: [] } as unknown as PageSettings;
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("pages handed to the renderer (pageStream.ts)", () => {
  it("go to a renderer on its own thread at once when it has nothing to render, and wait in a batch while it renders", async () => {
    const { renderer, runs, finishNext } = recordingRenderer(true);
    const stream = new PageStream("/nowhere", renderer, false, 100);
    await stream.indicators(pages(0, 25), settings);
    await settle();
    // Idle: the 25 pages are rendered now, not when 100 are queued.
    expect(runs.map((r) => r.length)).toEqual([25]);
    // Busy: later pages are queued until it is done.
    await stream.indicators(pages(25, 25), settings);
    await stream.indicators(pages(50, 25), settings);
    await settle();
    expect(runs.map((r) => r.length)).toEqual([25]);
    finishNext();
    await settle();
    // Done: the next pages queued go at once, with those that waited.
    await stream.indicators(pages(75, 10), settings);
    await settle();
    expect(runs.map((r) => r.length)).toEqual([25, 60]);
    expect(runs[1]![0]).toBe("/indicators/25/");
    finishNext();
    // Fewer than ten pages are not worth a run of their own until the end.
    await stream.indicators(pages(85, 3), settings);
    await settle();
    expect(runs.length).toBe(2);
    const left = await stream.finish();
    expect(left.indicatorPages.map((p) => p.url)).toEqual(["/indicators/85/", "/indicators/86/", "/indicators/87/"]);
  });

  it("go to a renderer in the build's own thread only by full batches", async () => {
    const { renderer, runs, finishNext } = recordingRenderer(false);
    const stream = new PageStream("/nowhere", renderer, false, 40);
    await stream.indicators(pages(0, 25), settings);
    await settle();
    expect(runs).toEqual([]);
    const full = stream.indicators(pages(25, 25), settings);
    await settle();
    expect(runs.map((r) => r.length)).toEqual([50]);
    finishNext();
    await full;
  });

  it("render a run given its turn first (the pack's print page, waiting for its styles) before any batch queued after it", async () => {
    const { renderer, runs, finishNext } = recordingRenderer(true);
    const stream = new PageStream("/nowhere", renderer, false, 100);
    let stylesReady = () => {};
    const styles = new Promise<void>((resolve) => (stylesReady = resolve));
    const order: string[] = [];
    const printed = stream.exclusive(async () => {
      await styles;
      order.push("print page");
    });
    await stream.indicators(pages(0, 25), settings);
    await settle();
    // The batch waits behind the print page, which waits for its styles.
    expect(runs).toEqual([]);
    stylesReady();
    await printed;
    await settle();
    expect(order).toEqual(["print page"]);
    expect(runs.map((r) => r.length)).toEqual([25]);
    finishNext();
    await stream.finish();
  });
});
