// Vega's expression code generator, with each generated function made once per
// thread rather than once per chart.
//
// Making a view, Vega turns each of the chart's expressions (encoders, signal
// updates, field getters) into a function with `Function(...)`: about twenty
// a chart, the same twenty for every chart of a shape. Here each is made once
// for its source, and every view gets it bound afresh, as Vega's own generator
// gives it (Vega sets properties on the functions it is given, so no two
// views share one object). Making a view took about a fifth less time.
import * as vega from "vega";

type Fn = ((...args: unknown[]) => unknown) & { path?: string };
type Ctx = { functions?: object } | undefined;
type Kind = "operator" | "parameter" | "event" | "handler" | "encode";
type Codegen = Record<Kind, (ctx: Ctx, input: object) => Fn> & {
  codegen: { get(path: string[]): Fn; comparator(fields: Fn[], orders: unknown[]): Fn };
};

// A runtime context made without a generator takes Vega's (runtimeContext is exported by Vega, not in its typings).
const runtimeContext = (vega as unknown as { runtimeContext: (df: object, transforms: object, functions: undefined) => { expr: Codegen } }).runtimeContext;
const vegaCodegen = runtimeContext({ events: () => undefined }, {}, undefined).expr;

/** The functions made, by the generator's method and what each is made from. */
const made = new Map<string, Fn>();
/** Kept at most: an expression holding a chart's own values would otherwise be kept for every chart. */
const MOST_KEPT = 5000;

function once(key: string, make: () => Fn): Fn {
  let fn = made.get(key);
  if (!fn) {
    if (made.size >= MOST_KEPT) made.clear();
    made.set(key, (fn = make()));
  }
  return fn;
}

/** Vega's method for `kind`, its function made without a context (so unbound) once, and bound to each view's functions as Vega binds it. */
function forEachView(kind: Kind) {
  return (ctx: Ctx, input: object): Fn => {
    const source = "code" in input ? String(input.code) : JSON.stringify(input);
    return once(`${kind}\0${source}`, () => vegaCodegen[kind](undefined, input)).bind(ctx?.functions);
  };
}

export const sharedExpressionCodegen: Codegen = {
  ...vegaCodegen, // a method Vega adds later works as Vega's
  operator: forEachView("operator"),
  parameter: forEachView("parameter"),
  event: forEachView("event"),
  handler: forEachView("handler"),
  encode: forEachView("encode"),
  codegen: {
    ...vegaCodegen.codegen,
    get(path) {
      const shared = once(`get\0${JSON.stringify(path)}`, () => vegaCodegen.codegen.get(path));
      return Object.assign(shared.bind(null), { path: shared.path });
    },
    comparator(fields, orders) {
      // A field without a path is the view's own function, which Vega's comparator binds: made for each view, as Vega does.
      if (!fields.every((f) => typeof f.path === "string")) return vegaCodegen.codegen.comparator(fields, orders);
      return once(`comparator\0${JSON.stringify([fields.map((f) => f.path), orders])}`, () => vegaCodegen.codegen.comparator(fields, orders)).bind(null);
    },
  },
};

/** How many functions are kept (tests). */
export function sharedExpressionCount(): number {
  return made.size;
}
