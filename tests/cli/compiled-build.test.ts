// `npm run build` runs the build compiled to JavaScript (scripts/setup/compile.mjs):
// it must make the same site as the TypeScript sources do, chart workers
// included, and be compiled again when a source changes.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, editFile } from "../helpers/fixture.ts";
import { hashes } from "../helpers/hashes.ts";
import { ROOT, runCommand } from "../helpers/run.ts";

const COMPILED = path.join(ROOT, "scripts", ".compiled", "build.mjs");

function compile() {
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "setup", "ensure.mjs"), "--compile", "--no-browser"], { cwd: ROOT, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
}

describe("the compiled build", () => {
  it("makes the same site as the TypeScript sources, charts drawn by its own workers, from any directory", () => {
    compile();
    const data = copyFixture();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-compiled-"));
    // Caches off: every chart is drawn, by the compiled worker in one run and the TypeScript one in the other;
    // and each run with a cache folder of its own, so each compiles the stylesheets (on its stylesheet worker).
    const caches = { a: path.join(work, "cache-a"), b: path.join(work, "cache-b") };
    const env = { ...process.env, BOARDPACK_CHART_CACHE: "off", BOARDPACK_PAGE_CACHE: "off", BOARDPACK_CACHE_DIR: caches.a, NO_COLOR: "1" };
    // Run from another directory than the project's: nothing may depend on where it is started.
    const compiled = spawnSync(process.execPath, [COMPILED, "--data", data, "--out", path.join(work, "a"), "--no-pdf", "--quiet"], { cwd: work, encoding: "utf8", env });
    expect(compiled.status, compiled.stderr).toBe(0);
    // Quiet: the build's own summary only, not Eleventy's line for each of its runs.
    expect(compiled.stdout + compiled.stderr).not.toContain("[11ty]");
    const sources = runCommand("build.ts", ["--data", data, "--out", path.join(work, "b"), "--no-pdf", "--quiet"], ROOT, { BOARDPACK_CHART_CACHE: "off", BOARDPACK_PAGE_CACHE: "off", BOARDPACK_CACHE_DIR: caches.b });
    expect(sources.status, sources.stderr).toBe(0);
    for (const cache of Object.values(caches)) expect(fs.readdirSync(cache).filter((f) => f.endsWith(".css"))).toHaveLength(2);
    expect(hashes(path.join(work, "a", "site"))).toEqual(hashes(path.join(work, "b", "site")));
    fs.rmSync(work, { recursive: true, force: true });
  }, 240_000);

  it("loads Puppeteer and pdf-lib only when a pack is printed (not with every build), the workbook library only to write a workbook, Vega only in the chart workers, and the build after Chromium is started", () => {
    compile();
    // The packages a compiled file and the chunks it imports statically load with it: imported from node_modules,
    // or bundled into it (esbuild marks each bundled file with a comment naming its path).
    const loadedBy = (entry: string) => {
      const loaded = new Set<string>();
      const bundled = new Set<string>();
      const visit = (file: string) => {
        if (loaded.has(file)) return;
        loaded.add(file);
        const text = fs.readFileSync(path.join(ROOT, "scripts", ".compiled", file), "utf8");
        for (const m of text.matchAll(/^import\s[^;]*?from\s*"([^"]+)"/gms)) if (m[1]!.startsWith("./")) visit(m[1]!.slice(2));
        else loaded.add(m[1]!);
        for (const m of text.matchAll(/^\/\/ node_modules\/((?:@[^/\n]+\/)?[^/\n]+)\//gm)) {
          loaded.add(m[1]!);
          bundled.add(m[1]!);
        }
      };
      visit(entry);
      return Object.assign(loaded, { bundled });
    };
    // The command line loads little before it starts Chromium (cli/build.ts), then the build, with every build.
    const cli = loadedBy("build.mjs");
    expect(cli.has("zod")).toBe(false);
    expect(cli.has("@11ty/eleventy")).toBe(false);
    const pipeline = fs.readdirSync(path.join(ROOT, "scripts", ".compiled")).find((f) => /^pipeline-.*\.mjs$/.test(f))!;
    expect(fs.readFileSync(COMPILED, "utf8")).toContain(`import("./${pipeline}")`);
    const build = loadedBy(pipeline);
    expect([...build].filter((f) => f.endsWith(".mjs")).length).toBeGreaterThan(1);
    expect(build.has("zod")).toBe(true);
    // Bundled (one file to load, not hundreds of modules), as the data's checks and the models need it at once.
    expect(build.bundled.has("zod")).toBe(true);
    for (const loaded of [cli, build]) {
      expect(loaded.has("puppeteer-core")).toBe(false);
      expect(loaded.has("pdf-lib")).toBe(false);
      // The workbook library: the downloads worker writes the workbooks, and this thread only on one core.
      expect(loaded.has("@e965/xlsx")).toBe(false);
      // Vega: the chart workers draw, and this thread only on one core.
      expect(loaded.has("vega")).toBe(false);
      expect(loaded.has("vega-scenegraph")).toBe(false);
    }
    // A chart worker loads Vega and Vega-Lite bundled, as one chunk rather than dozens of modules (its start is on a first build's road).
    const worker = loadedBy("renderWorker.mjs");
    for (const p of ["vega", "vega-lite", "vega-scenegraph", "vega-dataflow"]) expect(worker.bundled.has(p), p).toBe(true);
  }, 120_000);

  it("escapes SVG text as Vega does, testing first for a character to escape (the site is the sources' byte for byte: above)", async () => {
    compile();
    const { SVG_ESCAPES } = (await import(path.join(ROOT, "scripts", "setup", "compile.mjs"))) as { SVG_ESCAPES: { from: string; to: string } };
    // Vega's escaping as the bundle expects to find it: an upgrade that changes it fails here, not in a build.
    expect(fs.readFileSync(path.join(ROOT, "node_modules", "vega-scenegraph", "build", "vega-scenegraph.js"), "utf8")).toContain(SVG_ESCAPES.from);
    const chunks = fs.readdirSync(path.join(ROOT, "scripts", ".compiled")).filter((f) => f.endsWith(".mjs"));
    const withFastPath = chunks.filter((f) => fs.readFileSync(path.join(ROOT, "scripts", ".compiled", f), "utf8").includes('/[&<>"\\t\\n\\r]/.test('));
    expect(withFastPath.length).toBe(1);
    // The same text as Vega's own, for values with and without characters to escape.
    const fast = new Function(`${SVG_ESCAPES.to}\nreturn [innerText, attrText];`)() as ((v: unknown) => string)[];
    const slow = new Function(`${SVG_ESCAPES.from}\nreturn [innerText, attrText];`)() as ((v: unknown) => string)[];
    for (const v of ["M0,0h584v258h-584Z", 12.5, "a & b < c > d", 'say "no"\tand\nthen\r', "", null, undefined, "’ – ·"]) {
      expect(fast[0]!(v)).toBe(slow[0]!(v));
      expect(fast[1]!(v)).toBe(slow[1]!(v));
    }
  }, 120_000);

  it("stops at once on bad data, with the first build's chart workers started before the data is read", () => {
    compile();
    const data = copyFixture();
    editFile(data, "months/2020-12.yaml", (t) => t.replace("  C1: 663", "  C1: lots"));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-compiled-bad-"));
    // The chart cache off: a first build, whose chart workers start first (cli/build.ts). Idle, they must not keep the process alive.
    const r = spawnSync(process.execPath, [COMPILED, "--data", data, "--out", path.join(out, "dist"), "--quiet"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, BOARDPACK_CHART_CACHE: "off", NO_COLOR: "1" },
      timeout: 60_000,
    });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/months\/2020-12\.yaml:4: error: C1 \(Number of contacts\): "lots" is not a number\. Fix: /);
    expect(fs.existsSync(path.join(out, "dist"))).toBe(false);
    fs.rmSync(out, { recursive: true, force: true });
  }, 120_000);

  it("is compiled again when a source file changes, and not otherwise", () => {
    compile();
    const stamp = path.join(ROOT, "scripts", ".compiled", "sources.sha256");
    const before = fs.statSync(COMPILED).mtimeMs;
    compile();
    expect(fs.statSync(COMPILED).mtimeMs).toBe(before);
    // A change to any source (here a comment in a file of its own, removed after) compiles it again.
    // (In scripts/setup/, which no cache key covers, so builds running beside this test are not disturbed.)
    const probe = path.join(ROOT, "scripts", "setup", `compile-probe-${process.pid}.ts`);
    fs.writeFileSync(probe, "// probe\nexport {};\n");
    const hash = fs.readFileSync(stamp, "utf8");
    try {
      compile();
      expect(fs.readFileSync(stamp, "utf8")).not.toBe(hash);
    } finally {
      fs.rmSync(probe);
      compile();
    }
    expect(fs.readFileSync(stamp, "utf8")).toBe(hash);
  }, 120_000);
});
