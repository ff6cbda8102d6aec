// npm run bench [-- --runs N]: times each build phase of the example over
// several runs, each in a fresh process, with the chart cache off (a first
// build) and on (a rebuild), and prints medians.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, data: { type: "string", default: "data" } } });
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

process.stdout.write(`boardpack bench: ${values.data}, ${runs} runs each, ${os.cpus().length} cores, Node ${process.version}\n`);
runOnce(true); // warm the cache and the disk
const cold = report("First build (chart cache off)", Array.from({ length: runs }, () => runOnce(false)));
const warm = report("Rebuild (chart cache on)", Array.from({ length: runs }, () => runOnce(true)));
const ratio = (cold.get("end to end (process)") ?? 0) / (warm.get("end to end (process)") ?? 1);
process.stdout.write(`\nRebuild is ${ratio.toFixed(1)}x faster than a first build end to end.\n`);
