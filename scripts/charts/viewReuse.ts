// One Vega view per chart *shape*, drawn again for each chart of the shape.
//
// Charts of a shape differ only in their lifted values (chartShape.ts): data,
// scale domains and ranges, axis values, titles, formats, reference values.
// Making a view (parsing the dataflow, building its operators) was about a
// third of drawing a chart. Here a shape's template is rewritten so that each
// lifted value is an operator's value (a "slot") that the operators reading
// it take as a parameter, and each inline dataset is a named data source:
// the next chart of the shape sets the slots and the data and runs the view
// again. Each SVG is the chart drawn alone, byte for byte
// (tests/charts/variant-pair.test.ts checks every chart of the example).
//
// A shape whose template holds a lifted value anywhere else (inside a longer
// text, in a data format) is not reused: its charts get a new view each.
import * as vega from "vega";
import { CODE_PLACEHOLDER, filler, hasPlaceholder, NUMBER_BASE, numberPlaceholder, placeholder, placeholderSlot, textPlaceholder, type Json } from "./chartShape.ts";

interface OperatorSpec {
  id: number;
  type: string;
  value?: Json;
  update?: { code: string };
  params?: { [k: string]: Json };
  data?: { [name: string]: string[] };
  signal?: string;
}

export interface ReusableRuntime {
  /** The rewritten template: a chart's values put in make the runtime of its first view. */
  fill: (arrays: string[]) => string;
  /** Operators whose value is a lifted value: set again for each chart. */
  slots: { id: number; k: number }[];
  /** Inline datasets (by name): their values set again for each chart. */
  data: { name: string; k: number }[];
  /** The variant params (variantPair.ts) whose wide value is the same for every chart of the shape: set back after a narrow chart. */
  signals: { name: string; value: Json }[];
}

/** Ids of the operators added for slots: past any id Vega-Lite's compile gives. */
const SLOT_BASE = 1_000_000;
const slotParam = (k: number) => `bp_slot_${k}`;

/** The shape's template rewritten for reuse; null if it cannot be. */
export function reusableRuntime(templateText: string): ReusableRuntime | null {
  const runtime = JSON.parse(templateText) as { operators: OperatorSpec[]; [k: string]: Json | OperatorSpec[] };
  const { operators, ...rest } = runtime;
  if (hasPlaceholder(JSON.stringify(rest))) return null; // streams, updates: not met in the charts drawn
  const slotOps = new Map<number, OperatorSpec>();
  const slotRef = (k: number, value: Json): Json => {
    if (!slotOps.has(k)) slotOps.set(k, { id: SLOT_BASE + k, type: "operator", value });
    return { $ref: SLOT_BASE + k };
  };
  const slots: ReusableRuntime["slots"] = [];
  const data: ReusableRuntime["data"] = [];
  const signals: ReusableRuntime["signals"] = [];
  let reusable = true;

  // A piece of code reading lifted values reads them from its operator's parameters.
  const rewriteCode = (code: string, params: { [k: string]: Json }): string =>
    code.replace(CODE_PLACEHOLDER, (whole, array?: string, text?: string, number?: string) => {
      const k = array ?? text ?? (number !== undefined ? String(Number(number) - NUMBER_BASE) : undefined);
      if (k === undefined) {
        reusable = false; // a placeholder inside a longer text
        return whole;
      }
      const n = Number(k);
      params[slotParam(n)] = slotRef(n, array !== undefined ? placeholder(n) : text !== undefined ? textPlaceholder(n) : numberPlaceholder(n));
      return `_[${JSON.stringify(slotParam(n))}]`;
    });
  const rewrite = (node: Json, params: { [k: string]: Json }): Json => {
    const k = placeholderSlot(node);
    if (k !== null) return slotRef(k, node);
    if (Array.isArray(node)) return node.map((x) => rewrite(x, params));
    if (node !== null && typeof node === "object") {
      const out: { [k: string]: Json } = {};
      for (const [key, v] of Object.entries(node)) {
        // A subflow's operators read their own parameters, not this operator's: a lifted value in one is not reused.
        if (key === "$subflow" && hasPlaceholder(JSON.stringify(v))) reusable = false;
        out[key] = key === "code" && typeof v === "string" ? rewriteCode(v, params) : rewrite(v, params);
      }
      return out;
    }
    if (typeof node === "string" && hasPlaceholder(node)) reusable = false;
    return node;
  };

  const out: OperatorSpec[] = [];
  for (const op of operators) {
    const next: OperatorSpec = { ...op };
    const params: { [k: string]: Json } = {};
    const ingest = op.type === "collect" && op.value !== null && typeof op.value === "object" && !Array.isArray(op.value) ? op.value : null;
    if (ingest && "$ingest" in ingest && hasPlaceholder(JSON.stringify(ingest))) {
      const k = placeholderSlot(ingest.$ingest);
      const names = Object.keys(op.data ?? {});
      // Values ingested as they are (no format to parse them by), into one named dataset.
      const plain = ingest.$format === undefined || ["{}", '{"type":"json"}'].includes(JSON.stringify(ingest.$format));
      if (k === null || names.length !== 1 || !plain) return null;
      data.push({ name: names[0]!, k });
    } else if (op.value !== undefined && !ingest) {
      const k = placeholderSlot(op.value);
      if (k !== null && !op.update) slots.push({ id: op.id, k });
      else if (hasPlaceholder(JSON.stringify(op.value))) return null;
      else if (op.signal?.startsWith("bp_variant_")) signals.push({ name: op.signal, value: op.value });
    }
    if (op.update) next.update = { ...op.update, code: rewriteCode(op.update.code, params) };
    if (op.params) next.params = rewrite(op.params, params) as { [k: string]: Json };
    if (Object.keys(params).length) next.params = { ...(next.params ?? {}), ...params };
    out.push(next);
  }
  if (!reusable) return null;
  // Every lifted value now set per chart: none left where setChart does not reach.
  const set = new Set([...slots.map((s) => s.id), ...[...slotOps.values()].map((op) => op.id)]);
  const dataIds = new Set(operators.filter((op) => data.some((d) => op.data && d.name in op.data)).map((op) => op.id));
  const unset = out.map((op) => (set.has(op.id) || dataIds.has(op.id) ? { ...op, value: null } : op));
  if (hasPlaceholder(JSON.stringify(unset))) return null;
  // The slot operators first: an operator's parameters refer only to operators made before it.
  const text = JSON.stringify({ ...rest, operators: [...slotOps.values(), ...out] });
  return { fill: filler(text), slots: [...slots, ...[...slotOps.keys()].map((k) => ({ id: SLOT_BASE + k, k }))], data, signals };
}

/** Puts a chart's values in a view of its shape, made for an earlier chart: run it next to draw this chart. */
export function setChart(view: vega.View, reusable: ReusableRuntime, arrays: string[]): void {
  const nodes = (view as unknown as { _runtime: { nodes: Record<number, unknown> } })._runtime.nodes;
  const dataflow = view as unknown as { update(op: unknown, value: unknown): void };
  for (const { id, k } of reusable.slots) dataflow.update(nodes[id], JSON.parse(arrays[k]!));
  for (const { name, k } of reusable.data) view.data(name, JSON.parse(arrays[k]!) as object[]);
  for (const { name, value } of reusable.signals) view.signal(name, value);
}
