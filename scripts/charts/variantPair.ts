// A chart's two variants (wide and narrow, theme.ts) drawn by one Vega view.
//
// The variants of a chart differ in the view's size and padding and in a few
// values that follow from the size: the y axis's tick count, which x labels
// are shown, point sizes. Their data and everything else are the same, yet
// drawn apart each is compiled, parsed and run from nothing, and making the
// view is about half of a chart's cost. Paired, those values are Vega-Lite
// params (signals) holding the wide chart's values: the view draws the wide
// chart, is resized and given the narrow values, and draws again, re-running
// only what depends on them. Each SVG is the variant drawn alone, byte for
// byte (tests/charts/variant-pair.test.ts).
//
// Only differences at the places below are paired; variants that differ
// anywhere else (a label wrapped to other lines, a layer in one only) are
// not, and each is drawn alone.
// This module loads no Vega: the build's main thread pairs the specs.
import { isDeepStrictEqual } from "node:util";
import type { TopLevelSpec } from "vega-lite";
import type { Json } from "./chartShape.ts";

/** Where the variants may differ and be drawn by one view (paths in the spec; `#` is any layer). */
const SIGNAL_PATHS = new Set([
  "layer.#.encoding.x.axis.values",
  "layer.#.encoding.y.axis.tickCount",
  "layer.#.mark.size",
  "layer.#.encoding.size.value",
  "layer.#.encoding.size.condition.value",
]);

export interface Padding {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** What makes the view that drew the wide chart draw the narrow one. */
export interface NarrowView {
  width: number;
  height: number;
  padding: Padding;
  /** The narrow chart's value of each param the pair added. */
  signals: Record<string, Json>;
}

export interface PairedSpec {
  /** The wide spec, its differing values read from params (set to the wide values). */
  spec: TopLevelSpec;
  narrow: NarrowView;
}

const isObject = (v: Json | undefined): v is { [k: string]: Json } => v !== null && typeof v === "object" && !Array.isArray(v);

function padding(config: Json | undefined): Padding | null {
  const p = isObject(config) ? config.padding : undefined;
  if (!isObject(p)) return null;
  const { left, right, top, bottom } = p;
  return [left, right, top, bottom].every((v) => typeof v === "number") ? (p as unknown as Padding) : null;
}

/** The variants as one spec and what turns its view from wide to narrow; null if they differ where a view cannot follow. */
export function pairVariants(wideSpec: TopLevelSpec, narrowSpec: TopLevelSpec): PairedSpec | null {
  const wide = wideSpec as unknown as { [k: string]: Json };
  const narrow = narrowSpec as unknown as { [k: string]: Json };
  const [wp, np] = [padding(wide.config), padding(narrow.config)];
  if (typeof wide.width !== "number" || typeof wide.height !== "number" || typeof narrow.width !== "number" || typeof narrow.height !== "number") return null;
  if (!wp || !np || "params" in wide || "padding" in wide || "padding" in narrow) return null;

  const params: { name: string; value: Json }[] = [];
  const signals: Record<string, Json> = {};
  /** One param for each distinct pair of values (the x encoding repeats in every layer: one axis, one signal). */
  const byValues = new Map<string, string>();
  let pairable = true;
  // Compared value by value on the way down: a deep comparison at each level would walk each subtree once per level above it.
  const merge = (a: Json | undefined, b: Json | undefined, path: string): Json | undefined => {
    if (Object.is(a, b)) return a;
    if (SIGNAL_PATHS.has(path)) {
      if (isDeepStrictEqual(a, b)) return a;
      // A value only one variant has is null in the other: Vega reads a null as the value not given.
      const [av, bv] = [a ?? null, b ?? null];
      const pair = JSON.stringify([av, bv]);
      let name = byValues.get(pair);
      if (!name) {
        name = `bp_variant_${params.length}`;
        byValues.set(pair, name);
        params.push({ name, value: av });
        signals[name] = bv;
      }
      return { expr: name };
    }
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) return a.map((x, i) => merge(x, b[i], `${path}.#`)!);
    if (isObject(a) && isObject(b)) {
      const out: { [k: string]: Json } = {};
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
        const v = merge(a[k], b[k], path ? `${path}.${k}` : k);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    pairable = false;
    return a;
  };
  const body = (s: { [k: string]: Json }, p: Padding) => {
    const { width: _w, height: _h, config, ...rest } = s;
    const { padding: _p, ...otherConfig } = config as { [k: string]: Json };
    return { ...rest, config: { ...otherConfig, padding: p as unknown as Json } };
  };
  // Size and padding are the view's own (width, height, padding): set on it, not params.
  const merged = merge(body(wide, wp), body(narrow, wp), "");
  if (!pairable || !isObject(merged)) return null;
  const spec = { ...merged, width: wide.width, height: wide.height, ...(params.length ? { params } : {}) };
  return { spec: spec as unknown as TopLevelSpec, narrow: { width: narrow.width, height: narrow.height, padding: np, signals } };
}
