// What a long build says while it runs: on a terminal, one line that the
// current phase rewrites with its count ("months: models, downloads, charts 5 of 24 months");
// in a log (CI, a pipe), a line as each phase starts and nothing more;
// with --quiet, nothing.
export interface Progress {
  phase(name: string): void;
  step(done: number, total: number, unit: string): void;
  /** Clears the terminal line before the build prints its summary. */
  end(): void;
}

export const silent: Progress = { phase() {}, step() {}, end() {} };

export function progressFor(stream: NodeJS.WriteStream, quiet: boolean): Progress {
  if (quiet) return silent;
  if (!stream.isTTY || process.env.CI) {
    return { phase: (name) => stream.write(`${name}...\n`), step() {}, end() {} };
  }
  let current = "";
  let shown = false;
  const show = (text: string) => {
    stream.write(`\r\x1b[K${text}`);
    shown = true;
  };
  return {
    phase(name) {
      current = name;
      show(`${name}...`);
    },
    step(done, total, unit) {
      show(`${current}: ${done} of ${total} ${unit}`);
    },
    end() {
      if (shown) stream.write("\r\x1b[K");
      shown = false;
    },
  };
}
