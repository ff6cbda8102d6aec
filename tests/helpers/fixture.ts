// Copies a fixture data directory to a temporary folder so a test can break it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadAndValidate } from "../../scripts/build/loadAndValidate.ts";

export const FIXTURES = path.resolve(import.meta.dirname, "..", "fixtures");

export function copyFixture(name = "minimal"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `boardpack-${name}-`));
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

export function writeFile(dir: string, file: string, content: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), content);
}

export function editFile(dir: string, file: string, edit: (text: string) => string): void {
  const p = path.join(dir, file);
  const before = fs.readFileSync(p, "utf8");
  const after = edit(before);
  if (after === before) throw new Error(`editFile: the edit changed nothing in ${file}`);
  fs.writeFileSync(p, after);
}

/** Validates `dir`; problems with file paths relative to `dir`. */
export function check(dir: string) {
  const { data, problems } = loadAndValidate(dir);
  const list = problems.list.map((p) => ({ ...p, file: path.relative(dir, path.resolve(p.file)) }));
  return { data, problems: list, errors: list.filter((p) => p.severity === "error"), warnings: list.filter((p) => p.severity === "warning") };
}
