// A chart's *shape*: its Vega-Lite spec with what differs from chart to chart
// (inline data, scale domains and ranges, axis values, params; a reference line's
// value, titles and number formats) lifted out and replaced by placeholders.
// Charts of one shape share a compiled template (runtimeTemplates.ts) and go
// to one chart worker (pool.ts). This module loads no Vega: the main thread
// only routes charts by shape.
import type { TopLevelSpec } from "vega-lite";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Keys whose array values are lifted: inline data, scale domains and ranges, axis values, a param's value (variantPair.ts), a label's lines (labels.ts). */
const LIFTED = new Set(["values", "domain", "range", "value", "text"]);
/** Keys whose number or plain text is lifted: a reference line's value (datum), titles and number formats. */
const LIFTED_SCALARS = new Set(["datum", "title", "format"]);
/** Text lifted only if it needs no escaping anywhere (in JSON, or in a string of expression code inside JSON). */
const PLAIN_TEXT = /^[A-Za-z0-9 ,.%~+\-()/:;&$]*$/;

interface Lifted {
  /** The spec with every lifted value replaced by a placeholder (equal values share one). */
  spec: Json;
  /** The lifted values, as JSON text, by placeholder number. */
  arrays: string[];
}

/** A placeholder Vega-Lite and Vega pass through as they would the array: an array of one string no code reads. */
export const placeholder = (k: number): Json => [`__boardpack_lifted_${k}__`];
/** A number placeholder: a number no chart has, written the same way wherever it lands. */
export const NUMBER_BASE = 7_919_000_000;
export const numberPlaceholder = (k: number): number => NUMBER_BASE + k + 0.3125;
export const textPlaceholder = (k: number): string => `__boardpack_text_${k}__`;

function liftable(v: Json): v is number | string {
  return (typeof v === "number" && Number.isFinite(v) && Math.abs(v) < 1e9) || (typeof v === "string" && PLAIN_TEXT.test(v));
}

function lift(spec: Json): Lifted {
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
      // Inline data is lifted even when empty (a bar chart's layer of categories without a figure, specs.ts).
      if (LIFTED.has(k) && Array.isArray(v) && (v.length > 0 || k === "values")) out[k] = placeholder(slot(v));
      else if (LIFTED_SCALARS.has(k) && liftable(v)) out[k] = typeof v === "number" ? numberPlaceholder(slot(v)) : textPlaceholder(slot(v));
      else out[k] = walk(v);
    }
    return out;
  };
  return { spec: walk(spec), arrays };
}

/**
 * Any placeholder as it lands in a template: an array (as JSON, or escaped inside a string of expression
 * code, where axis values end up), a text, a number. Found in one pass, so a value put in is never read
 * again as a placeholder (a data value of 7,919,000,001.3125 stays as it is).
 */
const PLACEHOLDER = new RegExp(
  String.raw`\["__boardpack_lifted_(\d+)__"\]|\[\\"__boardpack_lifted_(\d+)__\\"\]|__boardpack_text_(\d+)__|(${String(NUMBER_BASE).slice(0, 5)}\d{5})\.3125`,
  "g",
);

/**
 * A template split at its placeholders, once: each chart of its shape is then
 * the pieces joined with its own values, with no search of the template's
 * text (tens of kilobytes) for each chart.
 */
export function filler(template: string): (arrays: string[]) => string {
  const texts: string[] = [];
  const slots: ((arrays: string[]) => string)[] = [];
  let at = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    texts.push(template.slice(at, m.index));
    at = m.index + m[0].length;
    const [, array, escaped, text, number] = m;
    if (array !== undefined) slots.push((a) => a[Number(array)]!);
    // Inside a JSON string (expression code), the array is written escaped.
    else if (escaped !== undefined) slots.push((a) => JSON.stringify(a[Number(escaped)]!).slice(1, -1));
    // Lifted text is plain (PLAIN_TEXT), so it goes in as it is wherever its placeholder landed.
    else if (text !== undefined) slots.push((a) => JSON.parse(a[Number(text)]!) as string);
    else slots.push((a) => a[Number(number) - NUMBER_BASE]!);
  }
  texts.push(template.slice(at));
  return (arrays) => {
    let out = texts[0]!;
    for (let i = 0; i < slots.length; i++) out += slots[i]!(arrays) + texts[i + 1]!;
    return out;
  };
}

/** The lifted value a placeholder stands for (its index in a chart's arrays), if `v` is one whole placeholder; else null. */
export function placeholderSlot(v: unknown): number | null {
  if (typeof v === "number") return v >= NUMBER_BASE && v < NUMBER_BASE + 100_000 && v % 1 === 0.3125 ? v - 0.3125 - NUMBER_BASE : null;
  const text = Array.isArray(v) && v.length === 1 ? v[0] : v;
  const m = typeof text === "string" ? /^__boardpack_(?:lifted|text)_(\d+)__$/.exec(text) : null;
  if (!m) return null;
  // An array placeholder stands for an array, a text one for a text: not the other way round.
  return Array.isArray(v) === text.startsWith("__boardpack_lifted_") ? Number(m[1]) : null;
}

/** Any placeholder inside a piece of expression code (parsed out of a template): an array, a quoted text, a number; the rest of a text placeholder (unquoted, in a longer text). */
export const CODE_PLACEHOLDER = /\["__boardpack_lifted_(\d+)__"\]|"__boardpack_text_(\d+)__"|(79190\d{5})\.3125|(__boardpack_(?:lifted|text)_\d+__)/g;
/** Whether a text holds a placeholder anywhere. */
export const hasPlaceholder = (text: string): boolean => /__boardpack_(?:lifted|text)_\d+__|79190\d{5}\.3125/.test(text);

/** A chart's shape: `key`, what charts of one shape have in common (the lifted spec's JSON), and the chart's own lifted values. */
export interface Shape {
  key: string;
  arrays: string[];
}

/** The shape of a chart: the pool sends a shape to one worker, and passes it on so the worker need not lift the spec again. */
export function shapeOf(spec: TopLevelSpec): Shape {
  const lifted = lift(spec as unknown as Json);
  return { key: JSON.stringify(lifted.spec), arrays: lifted.arrays };
}

/** Each key split for filling (specOf), by key. */
const keyFillers = new Map<string, (arrays: string[]) => string>();

/** The chart's spec, from its shape (the inverse of shapeOf): a chart worker is sent the shape alone (pool.ts). */
export function specOf(shape: Shape): TopLevelSpec {
  let fill = keyFillers.get(shape.key);
  if (!fill) keyFillers.set(shape.key, (fill = filler(shape.key)));
  return JSON.parse(fill(shape.arrays)) as TopLevelSpec;
}
