// The bad-input corpus (tests/fixtures/bad/): each case is the minimal
// fixture with one defect, given as files laid over it (data/), files to
// delete, or a large file to generate, and the exact first error expected.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { addMonths } from "../../scripts/metrics/months.ts";
import { today } from "../../scripts/validate/dateRules.ts";
import { FIXTURES } from "./fixture.ts";

export const BAD = path.join(FIXTURES, "bad");

export interface BadCase {
  name: string;
  dir: string;
  defect: string;
  /**
   * The first error line, `file:line[:column]: error: message Fix: ...`, paths relative to the data folder.
   * `{today}` and `{lastMonth}` stand for the day the test runs and the month before it (errors about
   * future months name the date of the check).
   */
  expected: string;
  delete?: string[];
  generate?: { file: string; megabytes: number; head: string; line: string };
}

export function badCases(): BadCase[] {
  return fs
    .readdirSync(BAD, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const dir = path.join(BAD, name);
      const c = { name, dir, ...JSON.parse(fs.readFileSync(path.join(dir, "case.json"), "utf8")) } as BadCase;
      return { ...c, expected: withToday(c.expected) };
    });
}

/** The expected line with the date of the check filled in. */
function withToday(expected: string): string {
  const day = today();
  return expected.replaceAll("{today}", day).replaceAll("{lastMonth}", addMonths(day.slice(0, 7), -1));
}

/** A temporary data folder: the minimal fixture with the case's defect. */
export function prepareCase(c: BadCase): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `boardpack-bad-${c.name}-`));
  fs.cpSync(path.join(FIXTURES, "minimal"), dir, { recursive: true });
  const overlay = path.join(c.dir, "data");
  if (fs.existsSync(overlay)) fs.cpSync(overlay, dir, { recursive: true });
  for (const f of c.delete ?? []) fs.rmSync(path.join(dir, f));
  if (c.generate) {
    // Written in chunks, so the test itself never holds the file in memory.
    const fd = fs.openSync(path.join(dir, c.generate.file), "w");
    fs.writeSync(fd, c.generate.head);
    const chunk = c.generate.line.repeat(Math.ceil((1024 * 1024) / c.generate.line.length));
    for (let written = 0; written < c.generate.megabytes * 1024 * 1024; written += chunk.length) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
  }
  return dir;
}
