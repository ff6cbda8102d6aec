// Vega-Lite compile and Vega parse, done once per chart *shape*.
//
// Most of a chart's render time is compiling its Vega-Lite spec and parsing
// the Vega spec into a dataflow (about 6 of 11 ms), and a site's charts come
// in few shapes: the same section chart every month, the same history chart
// for every indicator, differing only in their data, scale domains and ranges
// and axis values. Those arrays are lifted out of the spec and replaced by
// placeholders; the placeholder spec is compiled and parsed once, and each
// chart of that shape is the parsed template with its own arrays put back.
//
// A template is kept only if it is proven on the chart that made it: its
// arrays put back must give exactly the dataflow that compiling and parsing
// the chart itself gives. A shape whose compile depends on the lifted arrays
// (Vega-Lite folding a domain into an expression, say) is never templated.
//
// Templates are kept on disk too (with the chart cache), so a later build
// (the next month, a rebuild after an edit) starts with every shape it has
// seen: making a template costs two compiles and two parses, and the first
// charts of a build are otherwise all new shapes to each worker.
import crypto from "node:crypto";
import fs from "node:fs";
import * as vega from "vega";
import { compile, version as vegaLiteVersion, type TopLevelSpec } from "vega-lite";
import { writeFileAtomic } from "../build/atomicWrite.ts";
import { cacheDir, cacheOff, inCache } from "../build/cacheDir.ts";
import { filler, shapeOf, type Shape } from "./chartShape.ts";

/** A template, ready to fill: the parsed dataflow's JSON of a chart of its shape, given its lifted arrays. */
type Template = (arrays: string[]) => string;
/** By shape (the lifted spec's JSON): its template, or null if the shape cannot be templated. */
const templates = new Map<string, Template | null>();
/** By shape: its template's text (the parsed dataflow's JSON with placeholders), for viewReuse.ts. */
const templateTexts = new Map<string, string>();
export const templateStats = { hits: 0, made: 0, refused: 0, read: 0 };

// Bump when lifting or filling changes in a way the shape key does not show.
const TEMPLATE_VERSION = `2-${vega.version}-${vegaLiteVersion}`;
let diskTemplates = !cacheOff("chart");

function templateFile(key: string): string {
  const hash = crypto.createHash("sha256").update(TEMPLATE_VERSION).update(key).digest("hex").slice(0, 32);
  return cacheDir("chart-templates", hash.slice(0, 2), `${hash}.json`);
}

/** The shape's template: known to this thread, else kept on disk by an earlier build; undefined if never seen. */
function knownTemplate(key: string): Template | null | undefined {
  if (templates.has(key) || !diskTemplates) return templates.get(key);
  let kept: { key: string; template: string | null } | undefined;
  const file = templateFile(key);
  if (!inCache(file)) return undefined; // none kept: made again
  try {
    kept = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined; // none kept (or unreadable): made again
  }
  // The file names the shape by a hash: the shape itself is checked.
  if (!kept || kept.key !== key) return undefined;
  const template = kept.template === null ? null : filler(kept.template);
  templates.set(key, template);
  if (kept.template !== null) templateTexts.set(key, kept.template);
  templateStats.read++;
  return template;
}

/**
 * A template another chart worker made and proved for the shape (pool.ts
 * passes it on): this thread takes it as its own rather than compile the
 * shape twice more. Counted as read, as one kept on disk is.
 */
export function adoptTemplate(key: string, text: string): void {
  if (templates.has(key)) return;
  templates.set(key, filler(text));
  templateTexts.set(key, text);
  templateStats.read++;
}

/** Keeps a shape's template (its text, split for filling), or null for a shape refused one. */
function keepTemplate(key: string, kept: { text: string; fill: Template } | null): void {
  templates.set(key, kept?.fill ?? null);
  if (kept) templateTexts.set(key, kept.text);
  if (diskTemplates) writeFileAtomic(templateFile(key), JSON.stringify({ key, template: kept?.text ?? null }));
}

type Logger = ReturnType<typeof vega.logger>;

/**
 * Vega joins a guide's items (axis ticks, labels, grid lines) to their data
 * by value, so that a view run again keeps the items of the values it had in
 * their places and adds new ones after them: the narrow chart drawn by the
 * view that drew the wide one (variantPair.ts) would list its ticks out of
 * order. Joined by datum instead, they are in the order a new view draws them
 * (a view drawn once is the same either way).
 */
function unkeyGuides(runtime: vega.Runtime): vega.Runtime {
  for (const op of (runtime as unknown as { operators: { type: string; params?: { key?: { $field?: string } } }[] }).operators) {
    if (op.type === "datajoin" && op.params?.key?.$field === "value") delete op.params.key;
  }
  return runtime;
}

function compileAndParse(spec: TopLevelSpec, logger: Logger): vega.Runtime {
  return unkeyGuides(vega.parse(compile(spec, { logger }).spec));
}

/**
 * The parsed Vega dataflow of a Vega-Lite spec: from its shape's template
 * when there is one, else compiled and parsed (and its shape's template
 * proven and kept for the next chart). Warnings go to `logger` as usual; a
 * chart whose compile warns makes no template, so its warnings are never lost.
 * `shape`: the spec's shape (shapeOf), when the caller has made it already.
 */
export function parsedRuntime(spec: TopLevelSpec, logger: Logger, warnings: string[], shape: Shape = shapeOf(spec)): vega.Runtime {
  const { key, arrays } = shape;
  const template = knownTemplate(key);
  if (template) {
    templateStats.hits++;
    return JSON.parse(template(arrays)) as vega.Runtime;
  }
  const before = warnings.length;
  const runtime = compileAndParse(spec, logger);
  if (template === null || warnings.length > before) return runtime;
  // The placeholder spec's own warnings do not matter: its result is checked against the real one.
  const quiet = vega.logger(vega.None);
  let made: string | null = null;
  try {
    made = JSON.stringify(compileAndParse(JSON.parse(key) as TopLevelSpec, quiet));
  } catch {
    made = null;
  }
  const proven = made === null ? null : { text: made, fill: filler(made) };
  if (proven && jsonSafe(runtime) && proven.fill(arrays) === JSON.stringify(runtime)) {
    keepTemplate(key, proven);
    templateStats.made++;
  } else {
    keepTemplate(key, null);
    templateStats.refused++;
  }
  return runtime;
}

/** Whether the dataflow survives JSON as it is (no functions, undefined in arrays or non-finite numbers). */
function jsonSafe(node: unknown): boolean {
  if (typeof node === "function" || (typeof node === "number" && !Number.isFinite(node))) return false;
  if (Array.isArray(node)) return node.every((x) => x !== undefined && jsonSafe(x));
  if (node !== null && typeof node === "object") return Object.values(node).every((x) => x === undefined || jsonSafe(x));
  return true;
}

/** The text of the shape's template, if this thread has one (made or read for an earlier chart of the shape). */
export function templateText(key: string): string | undefined {
  return templateTexts.get(key);
}

/** Forgets the templates this thread knows, as a new build would; `disk: false` also stops reading and keeping them on disk (tests that count templates made). */
export function clearTemplates({ disk = false }: { disk?: boolean } = {}): void {
  templates.clear();
  templateTexts.clear();
  diskTemplates = disk;
}
