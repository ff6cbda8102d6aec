// npm run bench [-- --runs N] [--only example|import|archive|all] [--archive 12,60,120]:
// times each build phase of the example over several runs, each in a fresh
// process: a first build (chart and PDF caches off), a rebuild after an edit
// (charts cached, the month's pack printed again) and a rebuild of unchanged
// data (everything cached); the floor (Chromium printing the final print
// page once, Eleventy rendering the same pages without charts) in the same
// run; the import of a generated 200 x 120 workbook; and, with --only archive,
// synthetic archives of 12, 60 and 120 months and adding a month to the
// largest (with --only all, against the floor, measured again in each of its rounds).
// Prints medians and ratios, and ends with `rebuild/floor: X.XXx, first build/floor: Y.YYx`
// (the median over rounds of each round's ratio: a round is one run of each kind).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { benchWorkbook } from "../import/benchWorkbook.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const { values } = parseArgs({
  options: { runs: { type: "string", default: "5" }, data: { type: "string", default: "data" }, only: { type: "string" }, archive: { type: "string", default: "12,60,120" }, indicators: { type: "string", default: "200" } },
});
const runs = Number(values.runs);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
/** The build as `npm run build` runs it: compiled to JavaScript (npm run bench compiles it first). */
const COMPILED = path.join(ROOT, "scripts", ".compiled", "build.mjs");
if (!fs.existsSync(COMPILED)) throw new Error("Run the bench as npm run bench: it compiles the build first (scripts/setup/compile.mjs).");

/** Clock ticks per second of /proc/stat's CPU times. */
const CLOCK_TICKS = (() => {
  const r = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  return Number(r.stdout) || 100;
})();

/**
 * The CPU time (ms) the whole machine has spent busy so far (Linux:
 * /proc/stat); null elsewhere. The machine's speed drifts, and a build's wall
 * time moves with it: its CPU time says whether a change did less work.
 * Counted machine-wide, as Chromium's renderers are not all reaped by the
 * build (their time would be lost from its children's): the bench assumes
 * the machine runs nothing else meanwhile.
 */
function machineBusyMs(): number | null {
  try {
    const [, user, nice, system, , , irq, softirq, steal] = fs.readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!.trim().split(/\s+/).map(Number);
    return (((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** The name of a run's CPU time (ms, itself and its children) among its figures. */
const CPU = "CPU time (machine busy)";

/** Runs `fn` (a process run to its end) and gives the machine's CPU time meanwhile, if known. */
function withCpu<T>(fn: () => T): { result: T; cpu: number | null } {
  const before = machineBusyMs();
  const result = fn();
  const after = machineBusyMs();
  return { result, cpu: before === null || after === null ? null : after - before };
}

interface Caches {
  /** Charts and section pages. */
  charts: boolean;
  pdf: boolean;
}

function runOnce(cache: Caches, data = values.data!, extra: string[] = [], keep?: (out: string) => void): Map<string, number> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-bench-"));
  const timings = path.join(out, "timings.json");
  const start = performance.now();
  const { result: r, cpu } = withCpu(() => spawnSync(process.execPath, [COMPILED, "--data", data, "--out", path.join(out, "dist"), "--timings", timings, "--quiet", ...extra], {
    cwd: ROOT,
    env: { ...process.env, BOARDPACK_CHART_CACHE: cache.charts ? "on" : "off", BOARDPACK_PAGE_CACHE: cache.charts ? "on" : "off", BOARDPACK_PDF_CACHE: cache.pdf ? "on" : "off" },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  }));
  const total = performance.now() - start;
  if (r.status !== 0) throw new Error(`build failed:\n${r.stderr}`);
  const phases = new Map<string, number>((JSON.parse(fs.readFileSync(timings, "utf8")) as { name: string; ms: number }[]).map((p) => [p.name, p.ms]));
  phases.set("end to end (process)", total);
  if (cpu !== null) phases.set(CPU, cpu);
  keep?.(path.join(out, "dist"));
  fs.rmSync(out, { recursive: true, force: true });
  return phases;
}

function report(label: string, samples: Map<string, number>[]): Map<string, number> {
  const names = [...samples[0]!.keys()];
  const medians = new Map(names.map((n) => [n, median(samples.map((s) => s.get(n) ?? 0))]));
  process.stdout.write(`\n${label} (median of ${samples.length} runs)\n`);
  for (const [name, v] of medians) process.stdout.write(`  ${name.padEnd(30)} ${v.toFixed(0).padStart(7)}${name.endsWith("(MB)") ? "" : " ms"}\n`);
  return medians;
}

/**
 * `npm run import` of a generated 200-indicator x 120-month workbook, as a
 * user runs it (a fresh process): into a new directory, then again into the
 * directory it made (nothing to update). The target is under 5 s.
 */
function importRuns(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-bench-import-"));
  const sheet = path.join(dir, "dataset-200x120.xlsx");
  fs.writeFileSync(sheet, benchWorkbook(200, 120));
  const once = (out: string) => {
    const start = performance.now();
    const r = spawnSync(TSX, [path.join(ROOT, "scripts", "cli", "import.ts"), sheet, "--out", out], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`import failed:\n${r.stderr}`);
    return performance.now() - start;
  };
  const fresh = Array.from({ length: runs }, (_, k) => once(path.join(dir, `fresh-${k}`, "data")));
  const again = Array.from({ length: runs }, () => once(path.join(dir, "fresh-0", "data")));
  process.stdout.write(`\nImport of a 200 x 120 .xlsx (median of ${runs} runs, whole process)\n`);
  process.stdout.write(`  ${"into a new directory".padEnd(24)} ${median(fresh).toFixed(0).padStart(7)} ms${median(fresh) < 5000 ? "  (under 5 s)" : "  (OVER 5 s)"}\n`);
  process.stdout.write(`  ${"again (nothing to do)".padEnd(24)} ${median(again).toFixed(0).padStart(7)} ms\n`);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** One fresh process of scripts/bench/floor.ts; its figures in ms (`cpu`: the process's CPU time, if known). */
function floorPart(args: string[]): Record<string, number> {
  // The page cache off: the floor is Eleventy rendering every page, not copying the ones an earlier run rendered.
  const { result: r, cpu } = withCpu(() => spawnSync(TSX, [path.join(ROOT, "scripts", "bench", "floor.ts"), ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, BOARDPACK_PAGE_CACHE: "off" } }));
  if (r.status !== 0) throw new Error(`floor ${args[0]} failed:\n${r.stderr}`);
  if (args[0] === "prepare") return {};
  return { ...(JSON.parse(r.stdout.slice(r.stdout.lastIndexOf("{"))) as Record<string, number>), ...(cpu === null ? {} : { cpu }) };
}

/** The floor once, measured on a build of the example kept in `site` (prepared first): Chromium printing its final print page once, and Eleventy without charts. */
function floorOnce(site: string, month: string): Map<string, number> {
  const c = floorPart(["chromium", site, month]);
  const e = floorPart(["eleventy", values.data!]);
  const chromium = (c.start ?? 0) + (c.load ?? 0) + (c.print ?? 0);
  return new Map([
    ["chromium start", c.start ?? 0],
    ["load final print page", c.load ?? 0],
    ["print once", c.print ?? 0],
    ["eleventy, no charts", e.eleventy ?? 0],
    ["floor", chromium + (e.eleventy ?? 0)],
    // Both whole processes (start-up included): an upper bound on the floor's CPU time.
    ...(c.cpu !== undefined && e.cpu !== undefined ? [[CPU, c.cpu + e.cpu] as [string, number]] : []),
  ]);
}

/** Synthetic archives of each size: a first build (site and the latest pack) and time per month x indicator; then, at the largest size, adding its last month to an archive built without it. */
function archiveRuns(floor: FloorMeasure | null): void {
  const sizes = values.archive!.split(",").map(Number);
  const indicators = Number(values.indicators);
  process.stdout.write(`\nSynthetic archives, ${indicators} indicators (median of ${runs} first builds each, caches off)\n`);
  for (const months of sizes) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-bench-archive-"));
    const data = path.join(dir, "data");
    const gen = spawnSync(TSX, [path.join(ROOT, "scripts", "cli", "generateArchive.ts"), "--out", data, "--months", String(months), "--indicators", String(indicators)], { cwd: ROOT, encoding: "utf8" });
    if (gen.status !== 0) throw new Error(`generate-archive failed:\n${gen.stderr}`);
    const samples = Array.from({ length: runs }, () => runOnce({ charts: false, pdf: false }, data));
    const total = median(samples.map((s) => s.get("end to end (process)")!));
    const peak = median(samples.map((s) => s.get("peak memory (MB)") ?? 0));
    const cpu = samples.every((s) => s.has(CPU)) ? median(samples.map((s) => s.get(CPU)!)) : null;
    process.stdout.write(
      `  ${`${months} months`.padEnd(12)} ${(total / 1000).toFixed(1).padStart(7)} s  ${((total * 1000) / (months * indicators)).toFixed(0).padStart(6)} µs per month x indicator${peak ? `  peak ${peak.toFixed(0)} MB` : ""}${cpu === null ? "" : `  CPU ${(cpu / 1000).toFixed(0)} s`}\n`,
    );
    if (months === Math.max(...sizes)) addMonthRuns(data, months, floor);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The monthly case on a long archive: the last month's file and commentary are
 * held back, the archive is built (every cache on, a cache of its own), the
 * month comes in and the build that follows is timed (site and that month's
 * pack). Each run starts from an empty cache, so no run reuses another's charts.
 */
function addMonthRuns(data: string, months: number, floor: FloorMeasure | null): void {
  const last = fs.readdirSync(path.join(data, "months")).sort().at(-1)!.replace(/\.yaml$/, "");
  const held = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-bench-held-"));
  const move = (from: string, to: string) => fs.existsSync(from) && fs.renameSync(from, to);
  const saved = process.env.BOARDPACK_CACHE_DIR;
  const samples = Array.from({ length: runs }, () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-bench-cache-"));
    process.env.BOARDPACK_CACHE_DIR = cache;
    try {
      move(path.join(data, "months", `${last}.yaml`), path.join(held, "month.yaml"));
      move(path.join(data, "commentary", last), path.join(held, "commentary"));
      runOnce({ charts: true, pdf: true }, data);
      move(path.join(held, "month.yaml"), path.join(data, "months", `${last}.yaml`));
      move(path.join(held, "commentary"), path.join(data, "commentary", last));
      const added = runOnce({ charts: true, pdf: true }, data);
      // The floor again in each round, just after its build: the machine's speed drifts over a bench of many minutes.
      if (floor) added.set(FLOOR, floor());
      return added;
    } finally {
      if (saved === undefined) delete process.env.BOARDPACK_CACHE_DIR;
      else process.env.BOARDPACK_CACHE_DIR = saved;
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });
  const added = report(`Adding ${last} to the ${months - 1}-month archive (site and its pack; earlier months cached)`, samples);
  const e2e = added.get("end to end (process)")!;
  const ratio = floor ? median(samples.map((s) => s.get("end to end (process)")! / s.get(FLOOR)!)) : null;
  process.stdout.write(`  adding a month: ${(e2e / 1000).toFixed(1)} s${ratio === null ? "" : `, ${ratio.toFixed(2)}x the example's floor (median of each round's ratio to the floor measured in it; target under 3x)`}\n`);
  fs.rmSync(held, { recursive: true, force: true });
}

process.stdout.write(`boardpack bench: ${values.data}, ${runs} runs each, ${os.cpus().length} cores, Node ${process.version}\n`);
let ratios = "";
/** Measures the example's floor once more (ms), once the example's runs have prepared it. */
type FloorMeasure = () => number;
let measureFloor: FloorMeasure | null = null;
/** Each add-month round's floor, as a phase of its own in that round's figures. */
const FLOOR = "example's floor, this round";
let keepDir: string | null = null;
if (!values.only || values.only === "example" || values.only === "all") {
  let kept = "";
  // Kept until the archive runs are done: adding a month is set against the floor too.
  const dir = (keepDir = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-bench-floor-")));
  // Warms the caches and the disk, and keeps a build for the floor to print from.
  runOnce({ charts: true, pdf: true }, values.data, [], (out) => {
    kept = path.join(dir, "site");
    fs.cpSync(path.join(out, "site"), kept, { recursive: true });
  });
  const month = fs.readdirSync(path.join(kept, "print")).sort().at(-1)!;
  floorPart(["prepare", kept, month]);
  // Round by round, each kind once a round: a machine that slows down or speeds up during the bench (a shared
  // one does, by a third and more) then moves a round's builds and its floor alike, and each round gives ratios.
  const rounds = Array.from({ length: runs }, () => ({
    cold: runOnce({ charts: false, pdf: false }),
    warm: runOnce({ charts: true, pdf: false }),
    same: runOnce({ charts: true, pdf: true }),
    floor: floorOnce(kept, month),
  }));
  const cold = report("First build (chart and PDF caches off)", rounds.map((r) => r.cold));
  const warm = report("Rebuild after an edit (charts cached, the pack printed again)", rounds.map((r) => r.warm));
  const same = report("Rebuild of unchanged data (charts and pack cached)", rounds.map((r) => r.same));
  const floor = report(`Floor (${month}: Chromium prints the final print page once; Eleventy renders the pages without charts)`, rounds.map((r) => r.floor));
  const f = floor.get("floor")!;
  measureFloor = () => floorOnce(kept, month).get("floor")!;
  const e2e = (m: Map<string, number>) => m.get("end to end (process)")!;
  /** The median over rounds of a build's time over its round's floor. */
  const ratio = (kind: "cold" | "warm" | "same") => median(rounds.map((r) => e2e(r[kind]) / r.floor.get("floor")!)).toFixed(2);
  process.stdout.write(`\nFloor ${(f / 1000).toFixed(2)} s; first build ${(e2e(cold) / 1000).toFixed(2)} s, rebuild after an edit ${(e2e(warm) / 1000).toFixed(2)} s, unchanged ${(e2e(same) / 1000).toFixed(2)} s (medians).\n`);
  process.stdout.write(`Ratios of the medians: rebuild ${(e2e(warm) / f).toFixed(2)}x, first build ${(e2e(cold) / f).toFixed(2)}x; medians of each round's ratios below.\n`);
  process.stdout.write(`unchanged/floor: ${ratio("same")}x\n`);
  if (cold.has(CPU) && floor.has(CPU)) {
    const cpu = (m: Map<string, number>) => (m.get(CPU)! / 1000).toFixed(1);
    process.stdout.write(`CPU time (medians, the machine busy): first build ${cpu(cold)} s, rebuild ${cpu(warm)} s, unchanged ${cpu(same)} s, floor ${cpu(floor)} s (its two processes whole).\n`);
  }
  ratios = `rebuild/floor: ${ratio("warm")}x, first build/floor: ${ratio("cold")}x`;
}
if (!values.only || values.only === "import" || values.only === "all") importRuns();
if (values.only === "archive" || values.only === "all") archiveRuns(measureFloor);
if (keepDir) fs.rmSync(keepDir, { recursive: true, force: true });
// Last, on a line of its own, so runs can be compared from machine to machine.
if (ratios) process.stdout.write(`\n${ratios}\n`);
