// Builds into a staging folder beside the output and swaps it in at the end,
// so a failed or killed build never leaves a half-written dist/.
//
//   dist/                         the last good build, untouched until the swap
//   .dist-building-<pid>-XXXXXX   this build's staging folder
//   dist.old-<pid>                the previous build, for the moment of the swap
//
// A build stopped by Ctrl+C or SIGTERM removes its staging folder on the way
// out. One killed outright (SIGKILL, a power cut) cannot, so every build first
// clears what dead builds left: their staging folders, and a previous output
// stranded as dist.old-<pid> if the kill fell between the two renames of the
// swap (it is put back).
import fs from "node:fs";
import path from "node:path";

export interface Staging {
  /** Write everything here. */
  dir: string;
  /** Replace the output folder with the staging folder. */
  commit(): void;
  /** Remove the staging folder (after a failure). */
  discard(): void;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes what builds into `out` that are no longer running left behind; restores a stranded previous output. */
export function clearLeftovers(out: string): void {
  const parent = path.dirname(out);
  const base = path.basename(out);
  if (!fs.existsSync(parent)) return;
  const staging = new RegExp(`^\\.${escape(base)}-building-(\\d+)-`);
  const old = new RegExp(`^${escape(base)}\\.old-(\\d+)$`);
  for (const name of fs.readdirSync(parent).sort()) {
    const s = staging.exec(name);
    if (s && !alive(Number(s[1]))) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
    const o = old.exec(name);
    if (o && !alive(Number(o[1]))) {
      if (fs.existsSync(out)) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
      else fs.renameSync(path.join(parent, name), out);
    }
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function stageOutput(outDir: string): Staging {
  const out = path.resolve(outDir);
  const parent = path.dirname(out);
  fs.mkdirSync(parent, { recursive: true });
  clearLeftovers(out);
  const dir = fs.mkdtempSync(path.join(parent, `.${path.basename(out)}-building-${process.pid}-`));

  // Ctrl+C or a CI cancellation: remove the staging folder, then stop as the signal would have.
  const onSignal = (signal: NodeJS.Signals) => {
    fs.rmSync(dir, { recursive: true, force: true });
    process.kill(process.pid, signal);
  };
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  const listen = () => signals.forEach((s) => process.once(s, onSignal));
  const unlisten = () => signals.forEach((s) => process.removeListener(s, onSignal));
  listen();

  return {
    dir,
    commit() {
      unlisten();
      const old = `${out}.old-${process.pid}`;
      if (fs.existsSync(out)) fs.renameSync(out, old);
      fs.renameSync(dir, out);
      fs.rmSync(old, { recursive: true, force: true });
    },
    discard() {
      unlisten();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
