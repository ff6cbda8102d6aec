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
