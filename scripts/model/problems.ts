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

export class Problems {
  readonly list: Problem[] = [];

  error(at: Location, message: string, fix?: string): void {
    this.add("error", at, message, fix);
  }

  warning(at: Location, message: string, fix?: string): void {
    this.add("warning", at, message, fix);
  }

  private add(severity: Severity, at: Location, message: string, fix?: string): void {
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
