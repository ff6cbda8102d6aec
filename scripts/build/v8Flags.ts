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
 * build's, two chart workers, the downloads worker) optimizes Vega, Nunjucks
 * and the rest for itself: in the example's first build, TurboFan took about a
 * quarter of the CPU time of the build's process (`perf`, V8's helper
 * threads), much of it for functions that then ran a few times. Functions
 * made afresh for each chart or month (closures) are optimized afresh too:
 * the ten-year archive's build optimized the same function up to 124 times.
 * With a larger budget only the truly hot code is optimized (the example at
 * 600,000: 900 functions optimized instead of 2,536).
 *
 * Measured (alternating rounds, `perf` and /proc for CPU time):
 * - the example's first build with its PDF, against the default: faster in
 *   each of 5 rounds, medians 18.3 s against 19.4 s, 33.2 against 35.7 CPU-s;
 * - 2,400,000 against 600,000: faster in each of 4 rounds on the example; on
 *   the ten-year archive (6 rounds) medians 57.6 s against 61.5 s and 92
 *   against 99 CPU-s. Larger budgets (4.8 and 9.6 million) measured the same.
 */
const INTERRUPT_BUDGET = 2_400_000;

let applied = false;

export function setBuildV8Flags(): void {
  if (applied) return;
  applied = true;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
