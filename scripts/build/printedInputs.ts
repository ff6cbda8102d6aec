// Remembers the inputs (data, code, templates, options) of builds whose board
// packs were made, so that `npm run build` knows before it loads the build
// whether its packs will come from the PDF cache. If not, it starts Chromium
// first (BuildOptions.browser); if so, starting it would only slow a build of
// about two seconds by one. A guess, never a key: a wrong one costs time only.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { cacheDir, cacheOff, hashFiles, inCache, sourcesHash } from "./cacheDir.ts";
import { printerHash } from "../pdf/pdfCache.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** What a build's packs are made from (the printer too), as far as can be read without loading the build: a hash (null if unreadable: the build says why). */
export function buildInputs(dataDir: string, options: Record<string, unknown>): string | null {
  const hash = crypto.createHash("sha256").update(JSON.stringify(options));
  try {
    hashFiles(hash, dataDir, "");
    const scripts = fs.readdirSync(path.join(ROOT, "scripts")).filter((d) => !d.startsWith("."));
    hash.update(sourcesHash([...scripts.map((d) => `scripts/${d}`), "content", "templates", ".eleventy.js", "package-lock.json"])).update(printerHash());
  } catch {
    return null;
  }
  return hash.digest("hex");
}

const marker = (inputs: string) => cacheDir("printed", inputs);

/** True if a build from these inputs has made its packs (and they are kept in the PDF cache). */
export function packsMadeBefore(inputs: string): boolean {
  return !cacheOff("pdf") && inCache(marker(inputs));
}

/** Notes that a build from these inputs made its packs. */
export function rememberPacksMade(inputs: string): void {
  if (cacheOff("pdf")) return;
  fs.mkdirSync(path.dirname(marker(inputs)), { recursive: true });
  fs.writeFileSync(marker(inputs), "");
}
