// A chart's *shape*: its Vega-Lite spec with what differs from chart to chart
// (inline data, scale domains and ranges, axis values; a reference line's
// value, titles and number formats) lifted out and replaced by placeholders.
// Charts of one shape share a compiled template (runtimeTemplates.ts) and go
// to one chart worker (pool.ts). This module loads no Vega: the main thread
// only routes charts by shape.
import type { TopLevelSpec } from "vega-lite";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Keys whose array values are lifted: inline data, scale domains and ranges, axis values. */
const LIFTED = new Set(["values", "domain", "range"]);
/** Keys whose number or plain text is lifted: a reference line's value (datum), titles and number formats. */
const LIFTED_SCALARS = new Set(["datum", "title", "format"]);
/** Text lifted only if it needs no escaping anywhere (in JSON, or in a string of expression code inside JSON). */
const PLAIN_TEXT = /^[A-Za-z0-9 ,.%~+\-()/:;&]*$/;

interface Lifted {
  /** The spec with every lifted value replaced by a placeholder (equal values share one). */
  spec: Json;
  /** The lifted values, as JSON text, by placeholder number. */
  arrays: string[];
}

/** A placeholder Vega-Lite and Vega pass through as they would the array: an array of one string no code reads. */
const placeholder = (k: number): Json => [`__boardpack_lifted_${k}__`];
/** A number placeholder: a number no chart has, written the same way wherever it lands. */
const NUMBER_BASE = 7_919_000_000;
const numberPlaceholder = (k: number): number => NUMBER_BASE + k + 0.3125;
/** A number placeholder as it is written in a template: the base's first digits, five more and the fraction. */
const NUMBER_PLACEHOLDER = new RegExp(`(${String(NUMBER_BASE).slice(0, 5)}\\d{5})\\.3125`, "g");
const textPlaceholder = (k: number): string => `__boardpack_text_${k}__`;

function liftable(v: Json): v is number | string {
  return (typeof v === "number" && Number.isFinite(v) && Math.abs(v) < 1e9) || (typeof v === "string" && PLAIN_TEXT.test(v));
}

export function lift(spec: Json): Lifted {
  const arrays: string[] = [];
  const index = new Map<string, number>();
  const slot = (v: Json): number => {
    const text = JSON.stringify(v);
    let n = index.get(text);
    if (n === undefined) {
      n = arrays.length;
      arrays.push(text);
      index.set(text, n);
    }
    return n;
  };
  const walk = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== "object") return node;
    const out: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(node)) {
      if (LIFTED.has(k) && Array.isArray(v) && v.length > 0) out[k] = placeholder(slot(v));
      else if (LIFTED_SCALARS.has(k) && liftable(v)) out[k] = typeof v === "number" ? numberPlaceholder(slot(v)) : textPlaceholder(slot(v));
      else out[k] = walk(v);
    }
    return out;
  };
  return { spec: walk(spec), arrays };
}

/** The template's text with each placeholder replaced by its value. */
export function fill(template: string, arrays: string[]): string {
  // Axis values end up as expression code, inside a JSON string: there the array is written escaped.
  // Lifted text is plain (PLAIN_TEXT), so it goes in as it is wherever its placeholder landed.
  return template
    .replace(/\["__boardpack_lifted_(\d+)__"\]/g, (_m, n: string) => arrays[Number(n)]!)
    .replace(/\[\\"__boardpack_lifted_(\d+)__\\"\]/g, (_m, n: string) => JSON.stringify(arrays[Number(n)]!).slice(1, -1))
    .replace(/__boardpack_text_(\d+)__/g, (_m, n: string) => JSON.parse(arrays[Number(n)]!) as string)
    .replace(NUMBER_PLACEHOLDER, (_m, whole: string) => arrays[Number(whole) - NUMBER_BASE]!);
}

/** What charts of one shape have in common: the spec without its lifted arrays (the pool sends a shape to one worker). */
export function shapeKey(spec: TopLevelSpec): string {
  return JSON.stringify(lift(spec as unknown as Json).spec);
}
