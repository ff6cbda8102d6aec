// GOV.UK Frontend's Nunjucks macros, for the site's templates and for the
// few table cells the build composes (a RAG tag inside a table cell).
import { createRequire } from "node:module";
import path from "node:path";
import nunjucks from "nunjucks";

const require = createRequire(import.meta.url);

/** The folder holding `govuk/components/...`. */
export const GOVUK_DIST = path.join(path.dirname(require.resolve("govuk-frontend/package.json")), "dist");

export function nunjucksEnvironment(templateDirs: string[]): nunjucks.Environment {
  return new nunjucks.Environment(new nunjucks.FileSystemLoader([...templateDirs, GOVUK_DIST]), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
}

const MACROS = {
  govukTag: "govuk/components/tag/macro.njk",
} as const;

let env: nunjucks.Environment | null = null;
const compiled = new Map<string, nunjucks.Template>();

/** Renders one GOV.UK macro to HTML. */
export function govukMacro(name: keyof typeof MACROS, params: Record<string, unknown>): string {
  env ??= nunjucksEnvironment([]);
  let template = compiled.get(name);
  if (!template) {
    template = nunjucks.compile(`{% from "${MACROS[name]}" import ${name} %}{{ ${name}(params) }}`, env);
    compiled.set(name, template);
  }
  return template.render({ params }).trim();
}
