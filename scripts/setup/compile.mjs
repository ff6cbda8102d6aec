// Compiles the build's TypeScript into one JavaScript file (and its chart
// worker), so `npm run build` starts without compiling TypeScript on every
// run (tsx took about 1.2 s of each build). Done again only when a source
// file changed: the hash of every file under scripts/ is kept beside the output.
// The output sits in scripts/.compiled/, two folders below the project like
// the sources, so the paths the code works out from its own place still hold.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Entry points, and the file each becomes in scripts/.compiled/. */
const ENTRIES = { "cli/build.ts": "build.mjs", "charts/renderWorker.ts": "renderWorker.mjs", "output/downloadsWorker.ts": "downloadsWorker.mjs", "site/stylesWorker.ts": "stylesWorker.mjs", "site/pagesWorker.ts": "pagesWorker.mjs" };

/**
 * Packages bundled into the compiled build, not loaded from node_modules: the
 * ones the build's own thread imports before its first page (checking the
 * data, the models, the pack's print page). Loaded as one file rather than
 * hundreds of modules each resolved and read, the build's modules loaded in
 * about 0.21 s rather than 0.33 s. And Puppeteer, which the command line
 * loads before it starts Chromium (a chunk of its own, 0.13 s rather than
 * 0.23 s). And Vega and Vega-Lite, which each chart worker loads as it
 * starts: as one chunk in about 0.15 s rather than 0.35 s (the two workers'
 * start is on a first build's road). Pure JavaScript, found by no path of
 * their own; the rest (Eleventy, Sass, pdf-lib, Nunjucks, which .eleventy.js
 * imports too) stay in node_modules.
 */
const BUNDLED = ["zod", "js-yaml", "markdown-it", "vega-scale", "csv-parse", "csv-stringify", "iconv-lite", "sirv", "@e965/xlsx", "puppeteer-core", "vega", "vega-lite"];

/** Optional packages a bundled one tries to load and does without (vega-canvas: node-canvas, not installed; Vega draws SVG without it). */
const OPTIONAL = ["canvas"];

/** The package a bare import names ("csv-parse/sync" -> "csv-parse", "@e965/xlsx" -> "@e965/xlsx"). */
function packageOf(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** esbuild: every package external but BUNDLED's. */
const externalButBundled = {
  name: "external-but-bundled",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (OPTIONAL.includes(packageOf(args.path))) return { path: args.path, external: true };
      if (args.path.startsWith("node:") || BUNDLED.includes(packageOf(args.path))) return undefined;
      // Imported from inside a bundled package (its own dependencies) is bundled with it.
      if (args.importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/**
 * Vega's SVG writer escapes every attribute value and text with seven (three)
 * regular-expression replaces, though nearly every value (a number, a colour,
 * a path) has nothing to escape: about a fifth of writing a chart's SVG. In
 * the bundle each first tests for a character to escape and returns the value
 * as it is if there is none (the same text either way). If Vega's code is not
 * found as it was (an upgrade), the bundle keeps it unchanged, and the tests
 * say so (tests/cli/compiled-build.test.ts).
 */
export const SVG_ESCAPES = {
  file: /[\\/]vega-scenegraph[\\/]build[\\/]vega-scenegraph\.js$/,
  from: [
    "const innerText = val => (val + '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');",
    "const attrText = val => innerText(val).replace(/\"/g, '&quot;').replace(/\\t/g, '&#x9;').replace(/\\n/g, '&#xA;').replace(/\\r/g, '&#xD;');",
  ].join("\n"),
  to: [
    "const innerText = val => { const s = val + ''; return /[&<>]/.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : s; };",
    "const attrText = val => { const s = val + ''; return /[&<>\"\\t\\n\\r]/.test(s) ? innerText(s).replace(/\"/g, '&quot;').replace(/\\t/g, '&#x9;').replace(/\\n/g, '&#xA;').replace(/\\r/g, '&#xD;') : s; };",
  ].join("\n"),
};

const svgEscapes = {
  name: "svg-escapes",
  setup(build) {
    build.onLoad({ filter: SVG_ESCAPES.file }, (args) => {
      const text = fs.readFileSync(args.path, "utf8");
      return { contents: text.includes(SVG_ESCAPES.from) ? text.replace(SVG_ESCAPES.from, SVG_ESCAPES.to) : text, loader: "js" };
    });
  },
};

function sourcesHash(dir) {
  const hash = crypto.createHash("sha256");
  // The bundled packages are part of the output: an upgrade (the lock file changes) compiles again.
  const lock = path.join(dir, "..", "package-lock.json");
  if (fs.existsSync(lock)) hash.update(fs.readFileSync(lock));
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const r = path.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== ".compiled") walk(r);
      } else if (/\.(ts|mjs|js|json)$/.test(entry.name)) hash.update(r).update(fs.readFileSync(path.join(dir, r)));
    }
  };
  walk("");
  return hash.digest("hex");
}

/** Brings scripts/.compiled/ up to date; returns the compiled build's path. */
export async function compileBuild(root) {
  const scripts = path.join(root, "scripts");
  const out = path.join(scripts, ".compiled");
  const stamp = path.join(out, "sources.sha256");
  const hash = sourcesHash(scripts);
  const ready = fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === hash && Object.values(ENTRIES).every((f) => fs.existsSync(path.join(out, f)));
  if (!ready) {
    const { build } = await import("esbuild");
    // Built aside and moved into place, so a build that is stopped never leaves half a file to run.
    const temp = `${out}.${process.pid}.tmp`;
    fs.rmSync(temp, { recursive: true, force: true });
    await build({
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([src, file]) => [file.replace(/\.mjs$/, ""), path.join(scripts, src)])),
      outdir: temp,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      plugins: [externalButBundled, svgEscapes],
      // A bundled CommonJS package (iconv-lite) requires Node's modules: in an ES module, `require` is made.
      banner: { js: 'import { createRequire as __boardpackRequire } from "node:module"; const require = __boardpackRequire(import.meta.url);' },
      // Modules the build imports only when needed (the in-thread chart renderer) become chunks of their
      // own, so their packages load only then; beside the entries, so paths worked out from a module's place hold.
      splitting: true,
      chunkNames: "[name]-[hash]",
      logLevel: "warning",
    });
    fs.writeFileSync(path.join(temp, "sources.sha256"), hash);
    fs.rmSync(out, { recursive: true, force: true });
    fs.renameSync(temp, out);
  }
  return path.join(out, "build.mjs");
}
