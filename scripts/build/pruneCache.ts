// Removes from the build cache (cacheDir.ts) what no build has used for a
// while. Every entry a build finds is marked as used (inCache), so what goes is
// what no build has asked for since: the charts and pages of months replaced
// (the indicator pages of every earlier month, the latest month's pages, its
// pack), and what older code or templates made. Safe whatever it removes: a
// build makes again what is missing (a month whose pages are gone is made).
import fs from "node:fs";
import path from "node:path";
import { cacheDir } from "./cacheDir.ts";

export interface PruneResult {
  removed: { files: number; bytes: number };
  kept: { files: number; bytes: number };
}

/** Removes the files of the cache not used for `days` days (as of `now`), and the folders left empty. */
export function pruneCache(days: number, now = Date.now()): PruneResult {
  if (!(days >= 0)) throw new Error(`The number of days must be 0 or more (got ${days}).`);
  const before = now - days * 86_400_000;
  const result: PruneResult = { removed: { files: 0, bytes: 0 }, kept: { files: 0, bytes: 0 } };
  const root = cacheDir();
  const walk = (dir: string): boolean => {
    let empty = true;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (walk(file)) fs.rmdirSync(file);
        else empty = false;
        continue;
      }
      const st = fs.statSync(file);
      if (st.mtimeMs < before) {
        fs.rmSync(file, { force: true });
        result.removed.files++;
        result.removed.bytes += st.size;
      } else {
        result.kept.files++;
        result.kept.bytes += st.size;
        empty = false;
      }
    }
    return empty;
  };
  if (fs.existsSync(root)) walk(root);
  return result;
}
