// Times the phases of a build, for `npm run bench` and the build summary.
// BOARDPACK_TRACE_PHASES=1 also prints each phase to stderr as it starts
// (to see where a slow or stuck build is; the kill test stops builds there);
// BOARDPACK_TRACE_MEMORY=1 prints the memory held after each phase (with
// node --expose-gc, also how much of it is live).
import { silent, type Progress } from "./progress.ts";

export class PhaseTimer {
  readonly phases: { name: string; ms: number }[] = [];

  constructor(readonly progress: Progress = silent) {}

  async time<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
    if (process.env.BOARDPACK_TRACE_PHASES) process.stderr.write(`phase: ${name}\n`);
    this.progress.phase(name);
    const start = performance.now();
    try {
      return await fn();
    } finally {
      this.phases.push({ name, ms: performance.now() - start });
      if (process.env.BOARDPACK_TRACE_MEMORY) {
        const before = process.memoryUsage();
        // With node --expose-gc, also what is still held once garbage is collected.
        const gc = (globalThis as { gc?: () => void }).gc;
        gc?.();
        const live = gc ? `, ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB of it live` : "";
        process.stderr.write(`memory after ${name}: rss ${(before.rss / 1e6).toFixed(0)} MB, heap ${(before.heapUsed / 1e6).toFixed(0)} MB${live}, external ${(before.external / 1e6).toFixed(0)} MB\n`);
      }
    }
  }
}
