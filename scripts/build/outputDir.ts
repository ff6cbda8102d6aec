// Builds into a staging folder beside the output and swaps it in at the end,
// so a failed build never leaves a half-written dist/.
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

export function stageOutput(outDir: string): Staging {
  const out = path.resolve(outDir);
  const parent = path.dirname(out);
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, `.${path.basename(out)}-building-`));
  return {
    dir,
    commit() {
      const old = `${out}.old-${process.pid}`;
      if (fs.existsSync(out)) fs.renameSync(out, old);
      fs.renameSync(dir, out);
      fs.rmSync(old, { recursive: true, force: true });
    },
    discard() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
