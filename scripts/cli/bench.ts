// npm run bench [-- --runs N] [--only import]: times each build phase of the
// example over several runs, each in a fresh process, with the chart cache
// off (a first build) and on (a rebuild), and the import of a generated
// 200 x 120 workbook; prints medians.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { benchWorkbook } from "../import/benchWorkbook.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, data: { type: "string", default: "data" }, only: { type: "string" } } });
const runs = Number(values.runs);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function runOnce(cache: boolean): Map<string, number> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-bench-"));
  const timings = path.join(out, "timings.json");
  const start = performance.now();
  const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "scripts", "cli", "build.ts"), "--data", values.data!, "--out", path.join(out, "dist"), "--timings", timings], {
    cwd: ROOT,
    env: { ...process.env, BOARDPACK_CHART_CACHE: cache ? "on" : "off" },
    encoding: "utf8",
  });
  const total = performance.now() - start;
  if (r.status !== 0) throw new Error(`build failed:\n${r.stderr}`);
  const phases = new Map<string, number>((JSON.parse(fs.readFileSync(timings, "utf8")) as { name: string; ms: number }[]).map((p) => [p.name, p.ms]));
  phases.set("end to end (process)", total);
  fs.rmSync(out, { recursive: true, force: true });
  return phases;
}

function report(label: string, samples: Map<string, number>[]): Map<string, number> {
  const names = [...samples[0]!.keys()];
  const medians = new Map(names.map((n) => [n, median(samples.map((s) => s.get(n) ?? 0))]));
  process.stdout.write(`\n${label} (median of ${samples.length} runs)\n`);
  for (const [name, ms] of medians) process.stdout.write(`  ${name.padEnd(24)} ${ms.toFixed(0).padStart(7)} ms\n`);
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
    const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "scripts", "cli", "import.ts"), sheet, "--out", out], { cwd: ROOT, encoding: "utf8" });
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

process.stdout.write(`boardpack bench: ${values.data}, ${runs} runs each, ${os.cpus().length} cores, Node ${process.version}\n`);
if (values.only !== "import") {
  runOnce(true); // warm the cache and the disk
  const cold = report("First build (chart cache off)", Array.from({ length: runs }, () => runOnce(false)));
  const warm = report("Rebuild (chart cache on)", Array.from({ length: runs }, () => runOnce(true)));
  const ratio = (cold.get("end to end (process)") ?? 0) / (warm.get("end to end (process)") ?? 1);
  process.stdout.write(`\nRebuild is ${ratio.toFixed(1)}x faster than a first build end to end.\n`);
}
importRuns();
