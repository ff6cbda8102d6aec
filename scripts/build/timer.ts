// Times the phases of a build, for `npm run bench` and the build summary.
export class PhaseTimer {
  readonly phases: { name: string; ms: number }[] = [];

  async time<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      this.phases.push({ name, ms: performance.now() - start });
    }
  }
}
