// Problems found in the data: errors stop the build, warnings are listed.
// Each says where (file and line) and how to fix the data, in plain English.
import type { Location } from "./types.ts";

export type Severity = "error" | "warning";

export interface Problem {
  severity: Severity;
  file: string;
  line?: number;
  column?: number;
  message: string;
  /** What to change in the data. */
  fix?: string;
}

/** The most problems listed for one file: past this, one line says there are more (a wrong file can hold a million). */
export const MAX_PROBLEMS_PER_FILE = 100;

export class Problems {
  readonly list: Problem[] = [];
  private readonly perFile = new Map<string, number>();

  error(at: Location, message: string, fix?: string): void {
    this.add("error", at, message, fix);
  }

  warning(at: Location, message: string, fix?: string): void {
    this.add("warning", at, message, fix);
  }

  private add(severity: Severity, at: Location, message: string, fix?: string): void {
    const n = (this.perFile.get(at.file) ?? 0) + 1;
    this.perFile.set(at.file, n);
    if (n > MAX_PROBLEMS_PER_FILE) {
      if (n === MAX_PROBLEMS_PER_FILE + 1) {
        this.list.push({ severity, file: at.file, message: `This file has more than ${MAX_PROBLEMS_PER_FILE} problems; the rest are not listed.`, fix: "Check it is the right file; fix the problems above and run again." });
      }
      return;
    }
    const problem: Problem = { severity, file: at.file, message };
    if (at.line !== undefined) problem.line = at.line;
    if (at.column !== undefined) problem.column = at.column;
    if (fix) problem.fix = fix;
    this.list.push(problem);
  }

  get errors(): Problem[] {
    return this.list.filter((p) => p.severity === "error");
  }

  get warnings(): Problem[] {
    return this.list.filter((p) => p.severity === "warning");
  }
}

/** `file:line:column: error: message Fix: ...`, the form editors and CI annotations understand. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line, p.line !== undefined ? p.column : undefined]
    .filter((x) => x !== undefined)
    .join(":");
  return `${where}: ${p.severity}: ${p.message}${p.fix ? ` Fix: ${p.fix}` : ""}`;
}

/** Thrown only for problems that make it impossible to go on; carries the problems, never a stack trace to the user. */
export class DataError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "DataError";
  }
}
