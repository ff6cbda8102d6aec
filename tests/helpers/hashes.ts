// Every file of a folder with the hash of its bytes, keyed by its path inside
// the folder (forward slashes), to see that a command changed nothing, or what.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]) {
    if (!e.isFile()) continue;
    const p = path.join(e.parentPath, e.name);
    out.set(path.relative(dir, p).split(path.sep).join("/"), crypto.createHash("sha256").update(fs.readFileSync(p)).digest("hex"));
  }
  return out;
}
