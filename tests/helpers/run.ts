// Runs a boardpack command as a user would, capturing its output.
import { spawnSync } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

export function runCommand(script: string, args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const r = spawnSync(TSX, [path.join(ROOT, "scripts", "cli", script), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", BOARDPACK_DEBUG: "", ...env },
    timeout: 300_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
