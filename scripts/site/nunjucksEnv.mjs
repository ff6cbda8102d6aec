// The Nunjucks environment of the site: the project's templates, then GOV.UK
// Frontend's components on the search path. Plain JavaScript so that
// .eleventy.js (loaded by Eleventy itself) and the TypeScript build share it.
import { createRequire } from "node:module";
import path from "node:path";
import nunjucks from "nunjucks";

const require = createRequire(import.meta.url);

/** The folder holding `govuk/components/...`. */
export const GOVUK_DIST = path.join(path.dirname(require.resolve("govuk-frontend/package.json")), "dist");

/** @param {string[]} templateDirs */
export function nunjucksEnvironment(templateDirs) {
  return new nunjucks.Environment(new nunjucks.FileSystemLoader([...templateDirs, GOVUK_DIST]), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
}

// Kept on globalThis: .eleventy.js (loaded by Eleventy's own import) and the build each get their own copy of this
// module, both when the build is compiled (esbuild bundles this file) and under Vitest (which loads it through its own
// module graph), so a variable of the module would not be shared.
/** @type {Map<string, import("nunjucks").Environment>} */
const shared = /** @type {any} */ (globalThis)[Symbol.for("boardpack.nunjucksEnvironments")] ??= new Map();

/**
 * The site's environment, one for all the Eleventy runs of a build (a long
 * archive's build has dozens): its partials and GOV.UK Frontend's macros are
 * compiled once, and the functions compiled from them stay the same, so V8
 * optimises them once rather than again in every run.
 * @param {string[]} templateDirs
 */
export function sharedNunjucksEnvironment(templateDirs) {
  const key = templateDirs.join("\0");
  let env = shared.get(key);
  if (!env) shared.set(key, (env = nunjucksEnvironment(templateDirs)));
  // Each run adds its own shortcodes (Eleventy's bundle tags) as extensions, which Nunjucks adds to a list each time:
  // the last run's are let go (with the run they belong to), so the list holds one run's. Filters and globals are replaced by name.
  for (const name of Object.keys(env.extensions)) env.removeExtension(name);
  return env;
}

/** Lets the shared environments go: a new build (the preview's, after a template changed) compiles the templates again. */
export function forgetSharedNunjucksEnvironments() {
  shared.clear();
}
