// Every error the import gives on the corpus of bad sheets names the sheet's
// row and column (file:row:column, or Sheet!A1 in a workbook), never a folder
// the import made and never "a bug in the import"; nothing is written.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCommand } from "../helpers/run.ts";

const BAD = path.join(ROOT, "tests", "fixtures", "import", "bad");

describe.each(fs.readdirSync(BAD).sort())("%s", (file) => {
  it("stops with errors that name the sheet's row and column, and writes nothing", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-bad-"));
    const out = path.join(dir, "data");
    const r = runCommand("import.ts", [`tests/fixtures/import/bad/${file}`, "--out", out]);
    expect(r.status).toBe(1);
    const errors = r.stderr.split("\n").filter((l) => / error: /.test(l));
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e).toMatch(new RegExp(`^tests/fixtures/import/bad/${file.replace(/\./g, "\\.")}:(\\d+:\\d+|\\w+![A-Z]+\\d+): error: `));
    expect(r.stderr + r.stdout).not.toMatch(/importing|bug in the import|\n\s+at /);
    expect(r.stderr).toMatch(/Nothing was written\./);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
