// A build killed at any phase leaves the previous dist/ whole, and the next
// build leaves no staging folders behind; a build stopped by SIGTERM clears
// its own; two builds of the same data give byte-identical site files.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clearLeftovers, stageOutput } from "../../scripts/build/outputDir.ts";
import { runBuild } from "../../scripts/build/pipeline.ts";
import { copyFixture, editFile } from "../helpers/fixture.ts";
import { ROOT } from "../helpers/run.ts";
import { allFiles } from "../helpers/site.ts";

const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

/** Every file under `dir` with the hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(allFiles(dir).map((f) => [f, crypto.createHash("sha256").update(fs.readFileSync(path.join(dir, f))).digest("hex")]));
}

/** What else is in the output's parent folder: staging folders and stranded old outputs. */
function leftovers(out: string): string[] {
  return fs.readdirSync(path.dirname(out)).filter((f) => f !== path.basename(out));
}

/** A process's state and the fields after it, from /proc (null once it has ended). */
function procStat(pid: number | string): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // pid (name) state ppid ...: the name may hold spaces and brackets, so fields are read after its last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** The parent of each running process. */
function parents(): Map<number, number> {
  const parent = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    const stat = /^\d+$/.test(entry) ? procStat(entry) : null;
    if (stat) parent.set(Number(entry), Number(stat[1]));
  }
  return parent;
}

/** Every process descended from `pid`, now. */
function descendants(pid: number): number[] {
  const parent = parents();
  const found: number[] = [];
  for (let frontier = [pid]; frontier.length; ) {
    frontier = [...parent].filter(([, ppid]) => frontier.includes(ppid)).map(([p]) => p);
    found.push(...frontier);
  }
  return found;
}

/** Whether `pid` is running (a zombie, waiting to be reaped, is not). */
function running(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== null && stat[0] !== "Z";
}

/** Of `pids`, those still running after `ms` (checked every 100 ms). */
async function survivors(pids: number[], ms = 5_000): Promise<number[]> {
  for (const end = Date.now() + ms; Date.now() < end && pids.some(running); ) await new Promise((r) => setTimeout(r, 100));
  return pids.filter(running);
}

/**
 * Runs `npm run build` and sends `signal` as soon as the build starts `phase`; `started` are the processes the build
 * had started (Chromium) when it was sent the signal.
 */
function buildUntil(data: string, out: string, phase: string, signal: NodeJS.Signals, extra: string[] = []): Promise<{ code: number | null; signal: NodeJS.Signals | null; reached: boolean; staged: string[]; stderr: string; started: number[] }> {
  return new Promise((resolve) => {
    // node runs the build directly (tsx's own CLI is a second process that would outlive a SIGKILL sent to it).
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "cli", "build.ts"), "--data", data, "--out", out, ...extra], {
      cwd: ROOT,
      env: { ...process.env, BOARDPACK_TRACE_PHASES: "1", NO_COLOR: "1" },
    });
    let stderr = "";
    let reached = false;
    let staged: string[] = [];
    let started: number[] = [];
    child.stderr.on("data", (d) => {
      stderr += d;
      if (!reached && stderr.includes(`phase: ${phase}\n`)) {
        reached = true;
        staged = leftovers(out);
        started = descendants(child.pid!);
        child.kill(signal);
      }
    });
    child.on("exit", (code, sig) => resolve({ code, signal: sig, reached, staged, stderr, started }));
  });
}

describe("a killed build", () => {
  it("leaves the previous dist/ whole at every phase, and the next build clears what it left", async () => {
    const before = copyFixture();
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-kill-")), "dist");
    await runBuild({ data: before, out, noPdf: true });
    const previous = snapshot(out);
    expect(Object.keys(previous)).toContain("/site/2020-12/front-door/index.html");

    // New data, so a build that got through would change dist/.
    const after = copyFixture();
    editFile(after, "commentary/2020-12/front-door.md", () => "Killed builds lose nothing.\n");

    for (const phase of ["load and validate", "months: models, downloads, charts", "eleventy", "pdf"]) {
      const r = await buildUntil(after, out, phase, "SIGKILL");
      expect(r.reached, `${phase}: ${r.stderr}`).toBe(true);
      expect(r.signal, phase).toBe("SIGKILL");
      if (phase !== "load and validate") expect(r.staged.some((f) => f.startsWith(".dist-building-")), `${phase}: it was writing a staging folder`).toBe(true);
      expect(snapshot(out), `dist/ after a kill during ${phase}`).toEqual(previous);
      // A killed build cannot stop its Chromium: Chromium stops itself when the build's end of its pipe closes.
      expect(await survivors(r.started), `${phase}: processes left running by the killed build`).toEqual([]);
    }
    expect(leftovers(out).length).toBeGreaterThan(0); // what the killed builds left, for the next build to clear

    const r = await buildUntil(after, out, "no such phase", "SIGKILL", ["--no-pdf"]);
    expect(r.code, r.stderr).toBe(0);
    expect(leftovers(out)).toEqual([]);
    expect(fs.readFileSync(path.join(out, "site", "2020-12", "front-door", "index.html"), "utf8")).toContain("Killed builds lose nothing.");
  }, 240_000);

  it("stopped by SIGTERM (Ctrl+C, a cancelled CI job) removes its own staging folder", async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-term-")), "dist");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "previous.txt"), "the last good build");
    const r = await buildUntil(copyFixture(), out, "eleventy", "SIGTERM");
    expect(r.reached).toBe(true);
    expect(r.staged.some((f) => f.startsWith(".dist-building-"))).toBe(true);
    expect(r.signal).toBe("SIGTERM");
    expect(await survivors(r.started), "processes left running by the stopped build").toEqual([]);
    expect(leftovers(out)).toEqual([]);
    expect(fs.readdirSync(out)).toEqual(["previous.txt"]);
  }, 120_000);

  it("killed between the two renames of the swap: the next build puts the previous output back", () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-swap-"));
    const out = path.join(parent, "dist");
    const dead = deadPid();
    // As the swap leaves things if killed after `dist -> dist.old-PID`, before `staging -> dist`.
    fs.mkdirSync(path.join(parent, `dist.old-${dead}`));
    fs.writeFileSync(path.join(parent, `dist.old-${dead}`, "index.html"), "previous");
    fs.mkdirSync(path.join(parent, `.dist-building-${dead}-abc123`));
    clearLeftovers(out);
    expect(fs.readdirSync(parent)).toEqual(["dist"]);
    expect(fs.readFileSync(path.join(out, "index.html"), "utf8")).toBe("previous");

    // A running build's staging folder is left alone.
    const staging = stageOutput(out);
    const other = stageOutput(out);
    expect(fs.existsSync(staging.dir)).toBe(true);
    staging.discard();
    other.discard();
    expect(fs.readdirSync(parent)).toEqual(["dist"]);
  });
});

/** The id of a process that has exited (and been reaped). */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
}

describe("two builds of the same data", () => {
  it("give byte-identical site files and PDF, whatever the output folder and with the chart, page and PDF caches off", async () => {
    const data = copyFixture();
    const a = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-same-a-")), "dist");
    const b = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-same-b-")), "out", "elsewhere");
    await runBuild({ data, out: a });
    // The second build renders and prints everything afresh.
    const names = ["BOARDPACK_CHART_CACHE", "BOARDPACK_PAGE_CACHE", "BOARDPACK_PDF_CACHE"];
    const saved = names.map((n) => process.env[n]);
    for (const n of names) process.env[n] = "off";
    try {
      await runBuild({ data, out: b });
    } finally {
      names.forEach((n, i) => {
        if (saved[i] === undefined) delete process.env[n];
        else process.env[n] = saved[i];
      });
    }
    const first = snapshot(a);
    expect(Object.keys(first).filter((f) => f.endsWith(".html")).length).toBeGreaterThan(10);
    expect(Object.keys(first)).toContain("/board-pack-2020-12.pdf");
    expect(snapshot(b)).toEqual(first);
  }, 240_000);
});
