// The Nunjucks environment of the site: the project's templates, then GOV.UK
// Frontend's components on the search path. Plain JavaScript so that
// .eleventy.js (loaded by Eleventy itself) and the TypeScript build share it.
import { createRequire } from "node:module";
import path from "node:path";
import nunjucks from "nunjucks";

const require = createRequire(import.meta.url);

/** The folder holding `govuk/components/...`. */
export const GOVUK_DIST = path.join(path.dirname(require.resolve("govuk-frontend/package.json")), "dist");

/**
 * Nunjucks's Frame.set, with each variable name split at its dots once, not
 * on every call. A for loop sets seven `loop.*` names per item (each split
 * afresh by Nunjucks), and the site's tables loop over every row and cell: on
 * the ten-year archive's first build, Frame.set was about a seventh of the
 * pages worker's time. Otherwise as Nunjucks's own (nunjucks/src/runtime.js).
 */
function splitNamesOnce() {
  const proto = /** @type {any} */ (nunjucks.runtime.Frame.prototype);
  if (proto[Symbol.for("boardpack.splitNamesOnce")]) return;
  proto[Symbol.for("boardpack.splitNamesOnce")] = true;
  /** @type {Map<string, string[]>} */
  const split = new Map();
  /** @param {string} name @param {unknown} val @param {boolean} [resolveUp] */
  proto.set = function set(name, val, resolveUp) {
    let parts = split.get(name);
    if (parts === undefined) {
      parts = name.split(".");
      // Names come from the templates' code, so they are few; the bound is against a template that makes its own.
      if (split.size < 10_000) split.set(name, parts);
    }
    if (resolveUp) {
      const frame = this.resolve(parts[0], true);
      if (frame) {
        frame.set(name, val);
        return;
      }
    }
    let obj = this.variables;
    for (let i = 0; i < parts.length - 1; i++) {
      const id = parts[i];
      if (!obj[id]) obj[id] = {};
      obj = obj[id];
    }
    obj[parts[parts.length - 1]] = val;
  };
}

/** @param {string[]} templateDirs */
export function nunjucksEnvironment(templateDirs) {
  splitNamesOnce();
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
 * What each shared environment compiled, by template path, text and the tags
 * and async filters the compile knew (the code Nunjucks makes depends on
 * them): the compiled module's functions (`root` and the blocks).
 * @type {WeakMap<import("nunjucks").Environment, Map<string, unknown>>}
 */
const compiledIn = /** @type {any} */ (globalThis)[Symbol.for("boardpack.nunjucksCompiled")] ??= new WeakMap();

/**
 * Eleventy 3.1 makes a new Nunjucks template for every page it paginates (and
 * for each page's permalink), and Nunjucks compiles each one again: an
 * indicator page's template was compiled 200 times in a build, and every copy
 * of its functions started cold in V8. A template of a shared environment
 * takes the compiled functions of the same text compiled before (Nunjucks
 * keeps what its loader loads, not templates made from text).
 */
function compileOnce() {
  const proto = /** @type {any} */ (nunjucks.Template.prototype);
  if (proto[Symbol.for("boardpack.compileOnce")]) return;
  proto[Symbol.for("boardpack.compileOnce")] = true;
  const compile = proto._compile;
  proto._compile = function () {
    const cache = compiledIn.get(this.env);
    if (cache && !this.tmplProps) {
      const key = [this.path, Object.keys(this.env.extensions).join(","), this.env.asyncFilters.join(","), this.tmplStr].join("\0");
      let props = cache.get(key);
      if (!props) {
        const source = nunjucks.compiler.compile(this.tmplStr, this.env.asyncFilters, this.env.extensionsList, this.path, this.env.opts);
        props = new Function(source)(); // as Nunjucks does (Template._compile)
        cache.set(key, props);
      }
      this.tmplProps = props;
    }
    return compile.call(this);
  };
}

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
  if (!env) {
    shared.set(key, (env = nunjucksEnvironment(templateDirs)));
    compiledIn.set(env, new Map());
    compileOnce();
  }
  // Each run adds its own shortcodes (Eleventy's bundle tags) as extensions, which Nunjucks adds to a list each time:
  // the last run's are let go (with the run they belong to), so the list holds one run's. Filters and globals are replaced by name.
  for (const name of Object.keys(env.extensions)) env.removeExtension(name);
  return env;
}

/** Lets the shared environments go: a new build (the preview's, after a template changed) compiles the templates again. */
export function forgetSharedNunjucksEnvironments() {
  shared.clear();
}
