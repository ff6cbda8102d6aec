// Prints problems for people (and for CI annotations) and exits without a stack trace.
import { DataError, formatProblem, type Problem } from "../model/problems.ts";

/** Where a command writes: the process's streams, or (for tests running many commands in one process) strings. */
export interface Output {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export const PROCESS_OUTPUT: Output = { stdout: process.stdout, stderr: process.stderr };

export function printProblems(problems: Problem[], stream: Output["stderr"] = process.stderr, stdout: Output["stdout"] = process.stdout): void {
  for (const p of problems) stream.write(formatProblem(p) + "\n");
  // In GitHub Actions, each problem also becomes an annotation on the pull request's changed line.
  if (process.env.GITHUB_ACTIONS === "true") for (const p of problems) stdout.write(githubAnnotation(p) + "\n");
}

/** `::error file=data/months/2020-12.yaml,line=4,title=boardpack::...` */
export function githubAnnotation(p: Problem): string {
  const props = [`file=${p.file}`, ...(p.line ? [`line=${p.line}`] : []), ...(p.column ? [`col=${p.column}`] : []), "title=boardpack"];
  const message = `${p.message}${p.fix ? ` Fix: ${p.fix}` : ""}`.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  return `::${p.severity} ${props.join(",")}::${message}`;
}

export function summarise(problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}

/** Runs a command's main; data problems and expected failures print a message, not a stack. */
export async function runCli(main: () => Promise<number | void>): Promise<void> {
  // Node ends a process whose work waits on something that can no longer happen with exit code 13 and no word
  // (process.exitCode is 13 by the time 'exit' is emitted, the code passed to it 0).
  const unfinished = () => {
    if (process.exitCode === 13) process.stderr.write(`boardpack: stopped before it had finished, waiting on work that could no longer end (a fault of boardpack's, not of the data). Run it again; if it recurs, report it with the output of BOARDPACK_DEBUG=1.\n`);
  };
  process.once("exit", unfinished);
  process.exitCode = await runCommandMain(main, PROCESS_OUTPUT);
  process.off("exit", unfinished);
}

/** Runs a command's main and returns its exit code; a failure is reported on `out` as runCli reports it. */
export async function runCommandMain(main: () => Promise<number | void>, out: Output): Promise<number> {
  try {
    const code = await main();
    return code ?? 0;
  } catch (e) {
    if (e instanceof DataError) {
      printProblems(e.problems, out.stderr, out.stdout);
      out.stderr.write(`\nThe data has ${summarise(e.problems)}; nothing was built. Fix the lines above and run again.\n`);
    } else if (process.env.BOARDPACK_DEBUG) {
      console.error(e);
    } else {
      out.stderr.write(`boardpack: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    return 1;
  }
}
