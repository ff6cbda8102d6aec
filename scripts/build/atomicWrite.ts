// Writes a file so that a reader sees the old content or the new, never half
// of it: a build killed while writing a cache entry must not leave a truncated
// SVG or stylesheet for the next build to publish.
import fs from "node:fs";
import path from "node:path";

export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
