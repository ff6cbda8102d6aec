// A chart's *shape*: its Vega-Lite spec with the arrays that differ from
// chart to chart (inline data, scale domains and ranges, axis values) lifted
// out and replaced by placeholders. Charts of one shape share a compiled
// template (runtimeTemplates.ts) and go to one chart worker (pool.ts). This
// module loads no Vega: the main thread only routes charts by shape.
import type { TopLevelSpec } from "vega-lite";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

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

export function lift(spec: Json): Lifted {
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
export function fill(template: string, arrays: string[]): string {
  // Axis values end up as expression code, inside a JSON string: there the array is written escaped.
  return template
    .replace(/\["__boardpack_lifted_(\d+)__"\]/g, (_m, n: string) => arrays[Number(n)]!)
    .replace(/\[\\"__boardpack_lifted_(\d+)__\\"\]/g, (_m, n: string) => JSON.stringify(arrays[Number(n)]!).slice(1, -1));
}

/** What charts of one shape have in common: the spec without its lifted arrays (the pool sends a shape to one worker). */
export function shapeKey(spec: TopLevelSpec): string {
  return JSON.stringify(lift(spec as unknown as Json).spec);
}
