// The import corpus: sheets made by hand from the two reference packs in the
// forms councils really keep them (workbooks, PDF text, CSV dialects and
// encodings, untidy labels, repeated references, short histories, damaged
// cells). Each imports, checks and builds, and a dozen figures read by hand
// from the sheet (sheets/oracles.json) come out as the sheet shows them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { buildMonthModel } from "../../scripts/metrics/model.ts";
import { runBuild } from "../../scripts/build/pipeline.ts";
import { ROOT, runCommand } from "../helpers/run.ts";

interface Oracle {
  months: [string, string];
  indicators: number;
  sheet?: string;
  figures: [string, string, number | null][];
  sections?: [string, string[]][];
  titles?: [string, string][];
  warnings?: string[];
  /** Lines IMPORT-NOTES.md must hold. */
  notes?: string[];
}
const SHEETS = path.join(ROOT, "tests", "fixtures", "import", "sheets");
const oracles = Object.entries(JSON.parse(fs.readFileSync(path.join(SHEETS, "oracles.json"), "utf8")) as Record<string, Oracle>).filter(([k]) => !k.startsWith("_"));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-corpus-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it("has at least ten sheets, and an oracle for each", () => {
  const sheets = fs.readdirSync(SHEETS).filter((f) => f !== "oracles.json");
  expect(sheets.length).toBeGreaterThanOrEqual(10);
  expect(sheets.sort()).toEqual(oracles.map(([k]) => k).sort());
  expect(sheets.some((f) => f.endsWith(".xlsx"))).toBe(true);
  expect(sheets.some((f) => f.endsWith(".txt"))).toBe(true);
});

describe.each(oracles)("%s", (file, oracle) => {
  const out = path.join(tmp, file.replace(/\W+/g, "-"), "data");
  const r = runCommand("import.ts", [`tests/fixtures/import/sheets/${file}`, "--out", out]);
  const all = r.stdout + r.stderr;

  it("imports without an error, naming the sheet's cells and never a folder of its own", () => {
    expect(r.stderr).not.toMatch(/: error: /);
    expect(r.status).toBe(0);
    expect(all).not.toMatch(/-importing-|bug in the import/);
    for (const line of r.stderr.split("\n").filter((l) => / warning: /.test(l))) {
      // Warnings about the sheet name its cells; the others name the written data files.
      expect(line).toMatch(new RegExp(`^(tests/fixtures/import/sheets/${file.replace(/\./g, "\\.")}:(\\d+:\\d+|\\w+!\\$?[A-Z]+\\d+)|${out.replace(/[/.]/g, "\\$&")}/)`));
    }
    if (oracle.sheet) expect(r.stdout).toMatch(new RegExp(`Read the sheet "${oracle.sheet}"`));
  });

  it("gives the figures the sheet shows", () => {
    const { data } = loadValidData(out);
    const months = data.months.map((m) => m.month);
    expect([months[0], months.at(-1)]).toEqual(oracle.months);
    expect(data.indicators).toHaveLength(oracle.indicators);
    const model = buildMonthModel(data, oracle.months[1]);
    for (const [ref, month, expected] of oracle.figures) {
      const ind = model.indicators.find((i) => i.ref === ref);
      expect(ind, `${ref} in ${file}`).toBeDefined();
      const value = ind!.series.find((p) => p.month === month)?.value ?? null;
      if (expected === null) expect(value, `${ref} ${month}`).toBeNull();
      else expect(Math.abs((value ?? NaN) - expected), `${ref} ${month}: ${value} for ${expected}`).toBeLessThanOrEqual(0.05 + 1e-9);
    }
    for (const [title, refs] of oracle.sections ?? []) {
      const section = data.sections.find((s) => s.title === title);
      expect(section, title).toBeDefined();
      expect(data.indicators.filter((i) => i.section === section!.id).map((i) => i.ref)).toEqual(refs);
    }
    for (const [ref, title] of oracle.titles ?? []) expect(data.indicators.find((i) => i.ref === ref)!.title).toBe(title);
    for (const w of oracle.warnings ?? []) expect(r.stderr).toContain(w);
    const notes = fs.readFileSync(path.join(out, "IMPORT-NOTES.md"), "utf8");
    for (const n of oracle.notes ?? []) expect(notes, "IMPORT-NOTES.md").toContain(n);
  });

  it("builds", async () => {
    const built = await runBuild({ data: out, out: path.join(tmp, `${file.replace(/\W+/g, "-")}-dist`), noPdf: true });
    expect(built.reportMonth).toBe(oracle.months[1]);
    expect(fs.existsSync(path.join(tmp, `${file.replace(/\W+/g, "-")}-dist`, "site", "index.html"))).toBe(true);
  }, 120_000);

  it("changes nothing when the same sheet is imported again", () => {
    const again = runCommand("import.ts", [`tests/fixtures/import/sheets/${file}`, "--out", out]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^Nothing to update/);
  });
});
