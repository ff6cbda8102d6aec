// Vega-Lite -> SVG, the work itself (in the main thread or a worker).
//
// Vega-Lite's and Vega's loggers are captured, not silenced: every warning
// comes back with the SVG, so the build can report it and the chart tests can
// fail on it. A warning means the spec asks for something the library drops.
import * as vega from "vega";
import type { TopLevelSpec } from "vega-lite";
import { parsedRuntime, templateText } from "./runtimeTemplates.ts";
import { shapeOf, type Shape } from "./chartShape.ts";
import { reusableRuntime, setChart, type ReusableRuntime } from "./viewReuse.ts";
import { sharedExpressionCodegen } from "./sharedExpressions.ts";
import { installTextMetrics } from "./vegaTextMetrics.ts";
import type { NarrowView, PairedSpec } from "./variantPair.ts";

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

/**
 * A chart to draw: its shape (chartShape.ts) and its spec. A chart worker is
 * sent the shape alone (pool.ts), and the spec is made from it only where it
 * is needed: to compile a shape's first chart.
 */
export interface ChartInput {
  shape: Shape;
  spec: () => TopLevelSpec;
}

/** A chart at hand as its spec: its shape lifted here. */
const inputOf = (spec: TopLevelSpec): ChartInput => ({ shape: shapeOf(spec), spec: () => spec });

/** Compiles (or takes its shape's template, runtimeTemplates.ts) and runs a spec headless: the view (scales, scenegraph) and every warning on the way. */
export async function runView(spec: TopLevelSpec): Promise<{ view: vega.View; warnings: string[] }> {
  return runInput(inputOf(spec));
}

function runInput(input: ChartInput): Promise<{ view: vega.View; warnings: string[] }> {
  return newView((logger, warnings) => parsedRuntime(input.spec(), logger, warnings, input.shape));
}

/** A view of the runtime `make` gives (with the logger its warnings go to), run: the view and every warning on the way. */
async function newView(make: (logger: ReturnType<typeof capturingLogger>, warnings: string[]) => vega.Runtime): Promise<{ view: vega.View; warnings: string[] }> {
  installTextMetrics();
  const warnings: string[] = [];
  const logger = capturingLogger(warnings);
  const view = new vega.View(make(logger, warnings), { renderer: "none", logger, expr: sharedExpressionCodegen });
  await view.runAsync();
  return { view, warnings };
}

export async function vegaToSvg(spec: TopLevelSpec): Promise<Rendered> {
  return drawAlone(inputOf(spec));
}

/** A chart drawn by a view of its own. */
async function drawAlone(input: ChartInput): Promise<Rendered> {
  const { view, warnings } = await runInput(input);
  try {
    return { svg: await view.toSVG(), warnings };
  } finally {
    view.finalize();
  }
}

/** A view kept for the next chart of its shape (viewReuse.ts), with the warnings of its latest chart. */
interface KeptView {
  view: vega.View;
  reusable: ReusableRuntime;
  warnings: string[];
}
/**
 * By shape: the view that drew its latest chart. The least recently used go
 * past KEPT_VIEWS: a view holds its chart's scenegraph (when the example's
 * charts came in 43 shapes, about 22 a worker, their views added about 45 MB
 * to the build's peak; they now come in 10).
 */
const keptViews = new Map<string, KeptView>();
/** Charts drawn by a kept view, by a new view made for reuse, and by a view of their own (the tests of reuse). */
export const viewStats = { reused: 0, madeForReuse: 0, alone: 0 };
const KEPT_VIEWS = 32;
/** By shape: its template rewritten for reuse, or null if it cannot be. */
const reusables = new Map<string, ReusableRuntime | null>();

function reusableFor(key: string): ReusableRuntime | null {
  if (!reusables.has(key)) {
    const text = templateText(key);
    if (text === undefined) return null; // no template yet: the shape's first chart makes it
    reusables.set(key, reusableRuntime(text));
  }
  return reusables.get(key)!;
}

/**
 * By shape: the view's own size and padding, read from the shape's key once.
 * They are a chart's as they are: chartShape.ts lifts no width, height or padding.
 */
const sizes = new Map<string, { width: number; height: number; padding: object }>();
function viewSize(key: string): { width: number; height: number; padding: object } {
  let size = sizes.get(key);
  if (!size) {
    const { width, height, config } = JSON.parse(key) as { width: number; height: number; config: { padding: object } };
    sizes.set(key, (size = { width, height, padding: config.padding }));
  }
  return size;
}

/** A view of the chart's shape showing the chart (run): the shape's kept view with the chart's values set, a new view made for reuse, or a new view. */
async function viewFor(input: ChartInput): Promise<{ view: vega.View; warnings: string[]; kept: KeptView | null }> {
  const { shape } = input;
  const kept = keptViews.get(shape.key);
  if (kept) {
    keptViews.delete(shape.key); // its own while drawing: a chart of the shape drawn meanwhile gets a view of its own
    kept.warnings.length = 0;
    try {
      setChart(kept.view, kept.reusable, shape.arrays);
      const { width, height, padding } = viewSize(shape.key);
      kept.view.width(width).height(height).padding(padding);
      await kept.view.runAsync();
      viewStats.reused++;
      return { view: kept.view, warnings: kept.warnings, kept };
    } catch {
      kept.view.finalize(); // the chart is drawn by a new view below, which reports any error of its own
    }
  }
  const reusable = reusableFor(shape.key);
  if (!reusable) {
    viewStats.alone++;
    return { ...(await runInput(input)), kept: null };
  }
  const { view, warnings } = await newView(() => JSON.parse(reusable.fill(shape.arrays)) as vega.Runtime);
  viewStats.madeForReuse++;
  return { view, warnings, kept: { view, reusable, warnings } };
}

/** Keeps a view for the next chart of its shape, or lets it go. */
function release(shape: Shape, drawn: { view: vega.View; kept: KeptView | null }, keep: boolean): void {
  if (!keep || !drawn.kept) {
    drawn.view.finalize();
    return;
  }
  // Drawn meanwhile by a view of its own (charts drawn concurrently in this thread): one is kept.
  keptViews.get(shape.key)?.view.finalize();
  keptViews.delete(shape.key);
  keptViews.set(shape.key, drawn.kept);
  if (keptViews.size > KEPT_VIEWS) {
    const [oldest, { view }] = keptViews.entries().next().value!;
    keptViews.delete(oldest);
    view.finalize();
  }
}

/**
 * A chart's two variants drawn by one view (variantPair.ts): the wide chart,
 * then the view resized, given the narrow values and drawn again. The view is
 * the shape's kept one where there is one (viewReuse.ts). Null if the pair
 * warned at all: each variant is then drawn alone, so that every warning is
 * reported as that variant's own spec gives it.
 */
export async function vegaPairToSvg(paired: PairedSpec): Promise<{ wide: string; narrow: string } | null> {
  return drawPair(inputOf(paired.spec), paired.narrow);
}

/** A chart drawn by its shape's kept view (drawOne), as a chart worker draws it: a pair's spec (variantPair.ts) so drawn is its wide variant. */
export async function vegaKeptViewToSvg(spec: TopLevelSpec): Promise<Rendered> {
  return drawOne(inputOf(spec));
}

/**
 * Draws with the shape's kept view where there is one (viewReuse.ts), else a
 * new view made for reuse, and keeps the view for the next chart of the shape
 * unless it warned or failed (the next chart then gets a new one).
 */
async function onKeptView<T>(input: ChartInput, draw: (view: vega.View) => Promise<T>): Promise<{ drawn: T; warnings: string[] }> {
  const viewed = await viewFor(input);
  let ok = false;
  try {
    const drawn = await draw(viewed.view);
    ok = viewed.warnings.length === 0;
    return { drawn, warnings: [...viewed.warnings] };
  } finally {
    release(input.shape, viewed, ok);
  }
}

/**
 * A chart drawn by its shape's kept view: a wide drawing with no narrow one
 * (an earlier month's, siteData.ts). The SVG is the chart drawn alone.
 */
export async function drawOne(input: ChartInput): Promise<Rendered> {
  const { drawn: svg, warnings } = await onKeptView(input, (view) => view.toSVG());
  return { svg, warnings };
}

/** A chart's two variants drawn by one view (vegaPairToSvg): `input` is the paired spec's. */
export async function drawPair(input: ChartInput, n: NarrowView): Promise<{ wide: string; narrow: string } | null> {
  const { drawn, warnings } = await onKeptView(input, async (view) => {
    const wide = await view.toSVG();
    view.width(n.width).height(n.height).padding(n.padding);
    for (const [name, value] of Object.entries(n.signals)) view.signal(name, value);
    await view.runAsync();
    return { wide, narrow: await view.toSVG() };
  });
  return warnings.length === 0 ? drawn : null;
}
