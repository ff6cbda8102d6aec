// Compiles the stylesheet (GOV.UK Frontend + boardpack's own) once and keeps
// it in a cache keyed by the sources, so a build pays for Sass only when the
// styles change (~1 s otherwise). Sass itself is loaded only then: importing
// it takes about 0.5 s.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { GOVUK_DIST } from "./govuk.ts";
import { writeFileAtomic } from "../build/atomicWrite.ts";
import { cacheDir, inCache } from "../build/cacheDir.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const STYLES = path.join(ROOT, "templates", "styles");

/** templates/styles/<name>.scss: boardpack for the site, print for the board pack. */
export const STYLESHEETS = ["boardpack", "print"] as const;
export type StylesheetName = (typeof STYLESHEETS)[number];

function sourceHash(): string {
  const hash = crypto.createHash("sha256");
  for (const f of fs.readdirSync(STYLES).sort()) hash.update(fs.readFileSync(path.join(STYLES, f)));
  hash.update(fs.readFileSync(path.join(GOVUK_DIST, "..", "package.json")));
  return hash.digest("hex").slice(0, 16);
}

/** Where the cache keeps a stylesheet compiled from the sources whose hash is `hash`. */
const cachedCss = (name: StylesheetName, hash: string) => cacheDir(`${name}-${hash}.css`);

/** Compiles templates/styles/<name>.scss (boardpack for the site, print for the board pack); `hash` is the sources', if already worked out. */
export async function compileStyles(name: StylesheetName = "boardpack", hash = sourceHash()): Promise<string> {
  const cached = cachedCss(name, hash);
  if (inCache(cached)) return fs.readFileSync(cached, "utf8");
  const sass = await import("sass");
  const result = sass.compile(path.join(STYLES, `${name}.scss`), {
    loadPaths: [GOVUK_DIST],
    style: "compressed",
    quietDeps: true,
    silenceDeprecations: ["import", "global-builtin", "slash-div"],
  });
  writeFileAtomic(cached, result.css);
  return result.css;
}

/**
 * Starts making every stylesheet; `css` gives them by name, `stop` ends the
 * work if it is still under way (a build that failed). When one must be
 * compiled (a first build, or the styles changed), Sass runs on a worker
 * thread (stylesWorker.ts): loading it and compiling GOV.UK Frontend is about
 * 1.5 s of one core, which the build's own thread spends reading the data and
 * making the first months meanwhile.
 */
export function startStyles(): { css: Promise<Record<StylesheetName, string>>; stop: () => Promise<void> } {
  const byName = (css: string[]) => Object.fromEntries(STYLESHEETS.map((name, i) => [name, css[i]!])) as Record<StylesheetName, string>;
  // The sources read once here (they do not change during a build; the preview's next build reads them again).
  const hash = sourceHash();
  if (STYLESHEETS.every((name) => inCache(cachedCss(name, hash))) || os.availableParallelism() < 2) {
    const css = Promise.all(STYLESHEETS.map((name) => compileStyles(name, hash))).then(byName);
    css.catch(() => {}); // the caller's to report
    return { css, stop: async () => {} };
  }
  const worker = new Worker(new URL("./stylesWorker.mjs", import.meta.url), { workerData: { names: STYLESHEETS, hash } });
  const css = new Promise<string[]>((resolve, reject) => {
    worker.once("message", (msg: { css?: string[]; error?: string }) => (msg.error === undefined ? resolve(msg.css!) : reject(new Error(msg.error))));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`The stylesheet worker stopped (exit code ${code}) before it sent the stylesheets.`)));
  }).then(byName);
  css.catch(() => {}); // the caller's to report
  return { css, stop: async () => void (await worker.terminate()) };
}
