// GOV.UK Frontend's macros rendered from TypeScript, for the few table cells
// the build composes (a RAG tag inside a table cell).
import nunjucks from "nunjucks";
import { nunjucksEnvironment } from "./nunjucksEnv.mjs";

export { GOVUK_DIST } from "./nunjucksEnv.mjs";

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
