// Where builds keep what they can reuse (stylesheets, chart SVGs, section
// pages, downloads, printed board packs), keyed by what each was made from.
// BOARDPACK_CACHE_DIR moves it to a folder CI keeps between runs; the default
// lives with the packages.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

export function cacheDir(...parts: string[]): string {
  const base = process.env.BOARDPACK_CACHE_DIR ? path.resolve(process.env.BOARDPACK_CACHE_DIR) : path.join(ROOT, "node_modules", ".cache", "boardpack");
  return path.join(base, ...parts);
}

/**
 * True if the cache holds `file`, which is then marked as used (its
 * modification time set to now): `npm run prune-cache` removes what no build
 * has used for a while (pruneCache.ts). One system call, as a check alone is.
 */
export function inCache(file: string): boolean {
  try {
    const now = new Date();
    fs.utimesSync(file, now, now);
    return true;
  } catch (e) {
    // A cache this process may read but not mark (another user's, a read-only copy) still serves.
    return (e as NodeJS.ErrnoException).code === "ENOENT" ? false : fs.existsSync(file);
  }
}

/** The switches that turn one part of the cache off (`BOARDPACK_<PART>_CACHE=off`): every part is on unless switched off. */
const SWITCHES = { chart: "BOARDPACK_CHART_CACHE", page: "BOARDPACK_PAGE_CACHE", pdf: "BOARDPACK_PDF_CACHE" } as const;

/** Whether a part of the cache is switched off: charts (and their templates), pages (with months and downloads), or packs. */
export function cacheOff(part: keyof typeof SWITCHES): boolean {
  return process.env[SWITCHES[part]] === "off";
}

const sourceHashes = new Map<string, string>();

/**
 * A hash of the project files and folders named (relative to the project,
 * folders read whole), for the part of a cache key that says which code made
 * an entry: a change to any of them makes the entry again. Worked out once a
 * process.
 */
export function sourcesHash(paths: string[]): string {
  const id = paths.join("\n");
  const known = sourceHashes.get(id);
  if (known) return known;
  const hash = crypto.createHash("sha256");
  for (const rel of paths) hashFiles(hash, ROOT, rel);
  const digest = hash.digest("hex");
  sourceHashes.set(id, digest);
  return digest;
}

/** Adds `rel` (under `base`) to `hash`: a file's path and bytes; a folder's files, in name order. */
export function hashFiles(hash: crypto.Hash, base: string, rel: string): void {
  const abs = path.join(base, rel);
  if (fs.statSync(abs).isDirectory()) {
    for (const name of fs.readdirSync(abs).sort()) hashFiles(hash, base, path.join(rel, name));
  } else hash.update(rel).update(fs.readFileSync(abs));
}
