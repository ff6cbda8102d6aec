// The V8 settings of a build, set once when it starts. V8 reads both at run
// time, so they apply from there on, to the chart workers too (V8's flags are
// the process's).
import v8 from "node:v8";

/**
 * How far V8 lets the heap grow past what survived its last full collection
 * before it collects again. By default up to four times: a build makes large
 * short-lived strings (pages, month JSON, charts' SVG) that skip the young
 * generation, so the ten-year archive's build (about 100 MB live) peaked at
 * 1.4 GB. At 1.5 times it peaked at 0.74 GB in the same time.
 */
const HEAP_GROWING_PERCENT = 50;

/**
 * How much bytecode a function runs before V8 considers optimizing it
 * (V8's default: 67,584). A build is short and each of its threads (the
 * build's, two chart workers) optimizes Vega, Nunjucks and the rest for
 * itself: in the example's first build, TurboFan took about a quarter of the
 * CPU time of the build's process (`perf`, V8's helper threads), much of it
 * for functions that then ran a few times. With a larger budget only the
 * truly hot code is optimized. The example's first build (PDF included, 4
 * alternating rounds) took 9% less CPU time (24.1 s against 26.6 s in the
 * median), the ten-year archive's the same as before.
 */
const INTERRUPT_BUDGET = 600_000;

let applied = false;

export function setBuildV8Flags(): void {
  if (applied) return;
  applied = true;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
