// Writes a file so that a reader sees the old content or the new, never half
// of it: a build killed while writing a cache entry must not leave a truncated
// SVG or stylesheet for the next build to publish.
import fs from "node:fs";
import path from "node:path";

/** Puts a file in place through a temporary one beside it (removed only if something failed: it was renamed otherwise). */
function viaTemp(file: string, write: (temp: string) => void): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    write(temp);
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}

export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  viaTemp(file, (temp) => fs.writeFileSync(temp, content));
}

/** Copies `from` to `file` atomically, the bytes never passing through this process (a page or pack kept in the cache). */
export function copyFileAtomic(from: string, file: string): void {
  viaTemp(file, (temp) => fs.copyFileSync(from, temp));
}
