// How far V8 lets the heap grow past what survived its last full collection
// before it collects again. By default up to four times: a build makes large
// short-lived strings (pages, month JSON, charts' SVG) that skip the young
// generation, so the ten-year archive's build (about 100 MB live) peaked at
// 1.4 GB. At 1.5 times it peaked at 0.74 GB in the same time. V8 reads the
// setting at each collection, so it applies from here on (workers included).
import v8 from "node:v8";

const GROWTH_PERCENT = 50;
let applied = false;

export function limitHeapGrowth(): void {
  if (applied) return;
  applied = true;
  v8.setFlagsFromString(`--heap-growing-percent=${GROWTH_PERCENT}`);
}
