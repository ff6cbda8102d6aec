// npm run prune-cache removes what no build has used for N days: every cache entry a build finds is marked as
// used, so pruning after a build keeps all the next build of the same data needs, and removes the rest.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cacheDir, inCache } from "../../scripts/build/cacheDir.ts";
import { pruneCache } from "../../scripts/build/pruneCache.ts";
import { runBuild } from "../../scripts/build/pipeline.ts";
import { renderedCharts } from "../../scripts/charts/render.ts";
import { pdfStats } from "../../scripts/pdf/pdfCache.ts";
import { pageStats } from "../../scripts/site/pageCache.ts";
import { copyFixture } from "../helpers/fixture.ts";
import { runCommand } from "../helpers/run.ts";

const saved = process.env.BOARDPACK_CACHE_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.BOARDPACK_CACHE_DIR;
  else process.env.BOARDPACK_CACHE_DIR = saved;
});

const DAY = 86_400_000;
/** Every file under `dir`. */
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
/** Sets a file's times `days` days back. */
const age = (file: string, days: number) => {
  const t = new Date(Date.now() - days * DAY);
  fs.utimesSync(file, t, t);
};
const ownCache = () => (process.env.BOARDPACK_CACHE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-prune-")));

describe("the build cache, pruned", () => {
  it("loses the files not used for the days given, and the folders they leave empty; keeps the rest", () => {
    const root = ownCache();
    const write = (rel: string, days: number) => {
      const file = path.join(root, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, "x".repeat(100));
      age(file, days);
    };
    write("charts/ab/old.svg", 40);
    write("charts/ab/recent.svg", 5);
    write("charts/cd/old.svg", 31);
    write("pages/ef/old.html", 90);
    write("boardpack-1.css", 45);
    const r = pruneCache(30);
    expect(r.removed).toEqual({ files: 4, bytes: 400 });
    expect(r.kept).toEqual({ files: 1, bytes: 100 });
    expect(files(root).map((f) => path.relative(root, f))).toEqual([path.join("charts", "ab", "recent.svg")]);
    // Folders emptied go; the cache folder itself stays.
    expect(fs.readdirSync(root)).toEqual(["charts"]);
    expect(pruneCache(0, Date.now() + DAY).removed.files).toBe(1);
    expect(fs.existsSync(root)).toBe(true);
  });

  it("marks an entry a build finds as used (and finds no entry that is not there)", () => {
    const root = ownCache();
    const file = path.join(root, "charts", "ab", "x.svg");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "<svg/>");
    age(file, 100);
    expect(inCache(file)).toBe(true);
    expect(Date.now() - fs.statSync(file).mtimeMs).toBeLessThan(60_000);
    expect(inCache(path.join(root, "charts", "ab", "missing.svg"))).toBe(false);
  });

  it("after a build, keeps everything the next build of the same data uses: it draws, renders and prints nothing", async () => {
    const root = ownCache();
    const data = copyFixture();
    const out = path.join(root, "..", `${path.basename(root)}-dist`);
    await runBuild({ data, out });
    // All of it last used long ago, and an entry no build asks for.
    const stale = path.join(root, "charts", "zz", "stale.svg");
    fs.mkdirSync(path.dirname(stale), { recursive: true });
    fs.writeFileSync(stale, "<svg/>");
    for (const f of files(root)) age(f, 100);
    // A build of the same data marks what it finds; pruning then removes only what it did not use.
    await runBuild({ data, out });
    const pruned = pruneCache(30);
    expect(pruned.removed.files).toBeGreaterThan(0);
    expect(fs.existsSync(stale)).toBe(false);
    const charts = renderedCharts.length;
    const pages = pageStats.rendered;
    const printed = pdfStats.printed;
    const cached = pdfStats.cached;
    await runBuild({ data, out });
    expect(renderedCharts.slice(charts)).toEqual([]);
    expect(pageStats.rendered - pages).toBe(0);
    expect(pdfStats.printed - printed).toBe(0);
    expect(pdfStats.cached - cached).toBe(1);
    expect(pruneCache(30).removed.files).toBe(0);
    fs.rmSync(out, { recursive: true, force: true });
  }, 240_000);

  it("npm run prune-cache says what it removed and what is left; a wrong number of days is refused plainly", () => {
    const root = ownCache();
    fs.mkdirSync(path.join(root, "charts"), { recursive: true });
    fs.writeFileSync(path.join(root, "charts", "old.svg"), "x".repeat(2048));
    age(path.join(root, "charts", "old.svg"), 10);
    const r = runCommand("pruneCache.ts", ["--days", "7"], undefined, { BOARDPACK_CACHE_DIR: root });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Removed 1 files \(0\.0 MB\) that no build has used for 7 days from .*; it holds 0 files \(0\.0 MB\)\.\n$/);
    expect(cacheDir()).toBe(root);
    const bad = runCommand("pruneCache.ts", ["--days", "soon"], undefined, { BOARDPACK_CACHE_DIR: root });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--days must be a whole number of days, 0 or more/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
