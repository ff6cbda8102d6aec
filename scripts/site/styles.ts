// Compiles the stylesheet (GOV.UK Frontend + boardpack's own) once and keeps
// it in a cache keyed by the sources, so a build pays for Sass only when the
// styles change (~1 s otherwise). Sass itself is loaded only then: importing
// it takes about 0.5 s.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { GOVUK_DIST } from "./govuk.ts";
import { writeFileAtomic } from "../build/atomicWrite.ts";
import { cacheDir } from "../build/cacheDir.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const STYLES = path.join(ROOT, "templates", "styles");

function sourceHash(): string {
  const hash = crypto.createHash("sha256");
  for (const f of fs.readdirSync(STYLES).sort()) hash.update(fs.readFileSync(path.join(STYLES, f)));
  hash.update(fs.readFileSync(path.join(GOVUK_DIST, "..", "package.json")));
  return hash.digest("hex").slice(0, 16);
}

/** Compiles templates/styles/<name>.scss (boardpack for the site, print for the board pack). */
export async function compileStyles(name: "boardpack" | "print" = "boardpack"): Promise<string> {
  const cached = cacheDir(`${name}-${sourceHash()}.css`);
  if (fs.existsSync(cached)) return fs.readFileSync(cached, "utf8");
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
