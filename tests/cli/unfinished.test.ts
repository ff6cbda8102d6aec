// A command whose work waits on something that can never happen (a promise nothing settles) ends with Node's exit
// code 13 and, left to Node, no word at all: CI once saw only "expected 13 to be 0".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "../helpers/run.ts";

it("says so when a command stops with its work unfinished", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-unfinished-"));
  const script = path.join(dir, "stuck.mts");
  fs.writeFileSync(script, `import { runCli } from ${JSON.stringify(path.join(ROOT, "scripts", "cli", "report.ts"))};\nawait runCli(() => new Promise(() => {}));\n`);
  const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), [script], { encoding: "utf8", cwd: dir });
  expect(r.status).toBe(13);
  expect(r.stderr).toMatch(/^boardpack: stopped before it had finished.*BOARDPACK_DEBUG=1/m);
});
