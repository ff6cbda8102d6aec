// Vega-Lite -> SVG, the work itself (in the main thread or a worker).
//
// Vega-Lite's and Vega's loggers are captured, not silenced: every warning
// comes back with the SVG, so the build can report it and the chart tests can
// fail on it. A warning means the spec asks for something the library drops.
import * as vega from "vega";
import type { TopLevelSpec } from "vega-lite";
import { parsedRuntime } from "./runtimeTemplates.ts";
import type { Shape } from "./chartShape.ts";
import { sharedExpressionCodegen } from "./sharedExpressions.ts";
import { installTextMetrics } from "./vegaTextMetrics.ts";
import type { PairedSpec } from "./variantPair.ts";

export interface Rendered {
  svg: string;
  warnings: string[];
}

/** A logger that keeps warnings and errors in `into` (and passes nothing to the console). */
export function capturingLogger(into: string[]) {
  const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : typeof a === "string" ? a : JSON.stringify(a))).join(" ");
  return vega.logger(vega.Warn, undefined, (_method, level, args) => {
    into.push(`${level} ${text(args)}`);
  });
}

/** Compiles (or takes its shape's template, runtimeTemplates.ts) and runs a spec headless: the view (scales, scenegraph) and every warning on the way. */
export async function runView(spec: TopLevelSpec, shape?: Shape): Promise<{ view: vega.View; warnings: string[] }> {
  installTextMetrics();
  const warnings: string[] = [];
  const logger = capturingLogger(warnings);
  const view = new vega.View(parsedRuntime(spec, logger, warnings, shape), { renderer: "none", logger, expr: sharedExpressionCodegen });
  await view.runAsync();
  return { view, warnings };
}

/** `shape`: the spec's shape (chartShape.ts), when the caller has made it already. */
export async function vegaToSvg(spec: TopLevelSpec, shape?: Shape): Promise<Rendered> {
  const { view, warnings } = await runView(spec, shape);
  try {
    return { svg: await view.toSVG(), warnings };
  } finally {
    view.finalize();
  }
}

/**
 * A chart's two variants drawn by one view (variantPair.ts): the wide chart,
 * then the view resized, given the narrow values and drawn again. Null if the
 * pair warned at all: each variant is then drawn alone, so that every warning
 * is reported as that variant's own spec gives it.
 * `shape`: the paired spec's shape, when the caller has made it already.
 */
export async function vegaPairToSvg(paired: PairedSpec, shape?: Shape): Promise<{ wide: string; narrow: string } | null> {
  const { view, warnings } = await runView(paired.spec, shape);
  try {
    const wide = await view.toSVG();
    const n = paired.narrow;
    view.width(n.width).height(n.height).padding(n.padding);
    for (const [name, value] of Object.entries(n.signals)) view.signal(name, value);
    await view.runAsync();
    const narrow = await view.toSVG();
    return warnings.length === 0 ? { wide, narrow } : null;
  } finally {
    view.finalize();
  }
}
