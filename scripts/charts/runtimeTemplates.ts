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
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Keys whose array values are lifted: inline data, scale domains and ranges, axis values. */
const LIFTED = new Set(["values", "domain", "range"]);

interface Lifted {
  /** The spec with every lifted array replaced by a placeholder (equal arrays share one). */
  spec: Json;
  /** The lifted arrays, as JSON text, by placeholder number. */
  arrays: string[];
}

/** A placeholder Vega-Lite and Vega pass through as they would the array: an array of one string no code reads. */
const placeholder = (k: number): Json => [`__boardpack_lifted_${k}__`];

function lift(spec: Json): Lifted {
  const arrays: string[] = [];
  const index = new Map<string, number>();
  const walk = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== "object") return node;
    const out: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(node)) {
      if (LIFTED.has(k) && Array.isArray(v) && v.length > 0) {
        const text = JSON.stringify(v);
        let n = index.get(text);
        if (n === undefined) {
          n = arrays.length;
          arrays.push(text);
          index.set(text, n);
        }
        out[k] = placeholder(n);
      } else out[k] = walk(v);
    }
    return out;
  };
  return { spec: walk(spec), arrays };
}

/** The template's text with each placeholder replaced by its array. */
function fill(template: string, arrays: string[]): string {
  // Axis values end up as expression code, inside a JSON string: there the array is written escaped.
  return template
    .replace(/\["__boardpack_lifted_(\d+)__"\]/g, (_m, n: string) => arrays[Number(n)]!)
    .replace(/\[\\"__boardpack_lifted_(\d+)__\\"\]/g, (_m, n: string) => JSON.stringify(arrays[Number(n)]!).slice(1, -1));
}

/** What charts of one shape have in common: the spec without its lifted arrays (the pool sends a shape to one worker). */
export function shapeKey(spec: TopLevelSpec): string {
  return JSON.stringify(lift(spec as unknown as Json).spec);
}

/** By shape (the lifted spec's JSON): the parsed dataflow's JSON with placeholders, or null if the shape cannot be templated. */
const templates = new Map<string, string | null>();
export const templateStats = { hits: 0, made: 0, refused: 0 };

type Logger = ReturnType<typeof vega.logger>;

function compileAndParse(spec: TopLevelSpec, logger: Logger): vega.Runtime {
  return vega.parse(compile(spec, { logger }).spec);
}

/**
 * The parsed Vega dataflow of a Vega-Lite spec: from its shape's template
 * when there is one, else compiled and parsed (and its shape's template
 * proven and kept for the next chart). Warnings go to `logger` as usual; a
 * chart whose compile warns makes no template, so its warnings are never lost.
 */
export function parsedRuntime(spec: TopLevelSpec, logger: Logger, warnings: string[]): vega.Runtime {
  const lifted = lift(spec as unknown as Json);
  const key = JSON.stringify(lifted.spec);
  const template = templates.get(key);
  if (template) {
    templateStats.hits++;
    return JSON.parse(fill(template, lifted.arrays)) as vega.Runtime;
  }
  const before = warnings.length;
  const runtime = compileAndParse(spec, logger);
  if (template === null || warnings.length > before) return runtime;
  // The placeholder spec's own warnings do not matter: its result is checked against the real one.
  const quiet = vega.logger(vega.None);
  let made: string | null = null;
  try {
    made = JSON.stringify(compileAndParse(lifted.spec as unknown as TopLevelSpec, quiet));
  } catch {
    made = null;
  }
  if (made !== null && jsonSafe(runtime) && fill(made, lifted.arrays) === JSON.stringify(runtime)) {
    templates.set(key, made);
    templateStats.made++;
  } else {
    templates.set(key, null);
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

/** Forgets every template (tests). */
export function clearTemplates(): void {
  templates.clear();
}
