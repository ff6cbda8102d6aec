// The stylesheets: compiled once and cached; on a first build, on a worker
// thread, so the build's own thread goes on meanwhile.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compileStyles, startStyles, STYLESHEETS } from "../../scripts/site/styles.ts";

let saved: string | undefined;
let cache: string;
beforeEach(() => {
  saved = process.env.BOARDPACK_CACHE_DIR;
  cache = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-styles-"));
  process.env.BOARDPACK_CACHE_DIR = cache;
});
afterEach(() => {
  if (saved === undefined) delete process.env.BOARDPACK_CACHE_DIR;
  else process.env.BOARDPACK_CACHE_DIR = saved;
  fs.rmSync(cache, { recursive: true, force: true });
});

const cachedFiles = () => fs.readdirSync(cache).filter((f) => f.endsWith(".css"));

describe("the stylesheets", () => {
  it("are compiled on a worker when not cached, while this thread goes on, and come out as compiled here", async () => {
    const styles = startStyles();
    // This thread is not held while Sass runs: a timer fires long before the stylesheets come.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const css = await styles.css;
    clearInterval(timer);
    await styles.stop();
    expect(ticks).toBeGreaterThan(5);
    expect(cachedFiles().sort()).toEqual(STYLESHEETS.map((n) => expect.stringMatching(new RegExp(`^${n}-[0-9a-f]{16}\\.css$`))));
    // The GOV.UK Frontend styles and boardpack's own are in the site's sheet; the print sheet sets the page.
    expect(css.boardpack).toContain(".govuk-table");
    expect(css.boardpack).toContain(".bp-chart");
    expect(css.print).toContain("@page");
    // The same stylesheets as compiled in this thread (here read from the cache the worker kept).
    for (const name of STYLESHEETS) expect(await compileStyles(name)).toBe(css[name]);
  }, 120_000);

  it("are read from the cache when it has them, with no worker", async () => {
    await startStyles().css;
    for (const f of cachedFiles()) fs.writeFileSync(path.join(cache, f), `/* kept ${f} */`);
    const styles = startStyles();
    const css = await styles.css;
    expect(css.boardpack).toMatch(/^\/\* kept boardpack-/);
    expect(css.print).toMatch(/^\/\* kept print-/);
  }, 120_000);

  it("stop while Sass is still at work: the worker ends and nothing is left waiting", async () => {
    const styles = startStyles();
    await styles.stop();
    await expect(styles.css).rejects.toThrow(/stylesheet worker stopped/);
  }, 60_000);
});
