// The import degrades rather than fails (scripts/import/run.ts, degrade()):
// a figure the checks of `npm run check` refuse is read as no value with a
// warning naming the sheet's cell, and the rest imports. Figures a single
// cell shows to be impossible (a negative count, 101%) are caught as the
// sheet is read; the rest (a count larger than England's children, a part
// larger than its whole across two rows) only when the written data is
// checked, and those are read back to their cells.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { ROOT, runCommand } from "../helpers/run.ts";

describe("figures the checks refuse", () => {
  it("imports a sheet with 101%, a negative count and a count of 15 million, each read as no value with a warning naming its cell", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-degrade-"));
    fs.writeFileSync(path.join(dir, "sheet.csv"), "Ref,Indicator,Unit,Jun-17,Jul-17,Aug-17\nA1,Number of visits in the month,Count,5,-3,15000000\nA2,Percentage of visits on time,%,98%,101%,99%\n");
    const r = runCommand("import.ts", ["sheet.csv", "--out", "out"], dir);
    expect(r.stderr).not.toMatch(/: error: /);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^sheet\.csv:2:5: warning: A1 \(Number of visits in the month\): the cell "-3" cannot be used \(a count cannot be negative\), so it was read as no value\./m);
    expect(r.stderr).toMatch(/^sheet\.csv:3:5: warning: A2 \(Percentage of visits on time\): the cell "101%" cannot be used \(a percentage cannot be over 100\), so it was read as no value\./m);
    // Caught only by the checks of the written data, and read back to its cell by degrade().
    expect(r.stderr).toMatch(/^sheet\.csv:2:6: warning: A1: the figure "15000000" cannot be used \(A1 \(Number of visits in the month\) is 15,000,000 for 2017-08, more than the number of children in England \(about 12 million\)\.\), so it was read as no value\. Fix: Check the figure in the sheet\./m);
    expect(r.stdout + r.stderr).not.toMatch(/-importing-|bug in the import/);
    const { data } = loadValidData(path.join(dir, "out"));
    const figure = (ref: string, month: string) => data.months.find((m) => m.month === month)!.values.find((e) => e.ref === ref)!.figure?.value ?? null;
    expect([figure("A1", "2017-06"), figure("A1", "2017-07"), figure("A1", "2017-08")]).toEqual([5, null, null]);
    expect([figure("A2", "2017-06"), figure("A2", "2017-07"), figure("A2", "2017-08")]).toEqual([98, null, 99]);
  });

  it("in an update, a part larger than its whole (10.2 adoptions in 12 months over 10.1 adoptions) is read as no value, naming the cell", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-degrade-")), "data");
    fs.cpSync(path.join(ROOT, "data"), dir, { recursive: true });
    const lines = fs.readFileSync(path.join(ROOT, "tests", "fixtures", "import", "sequence", "rotherham-2020-12.csv"), "utf8").split("\r\n");
    const row = lines.findIndex((l) => l.startsWith("10.2,"));
    lines[row] = lines[row]!.replace(/^((?:[^,]*,){16})0,/, "$15,"); // Dec-20, column 17: 5 adoptions within 12 months, of 2
    const sheet = path.join(path.dirname(dir), "december.csv");
    fs.writeFileSync(sheet, lines.join("\r\n"));
    const r = runCommand("import.ts", [sheet, "--out", dir]);
    expect(r.stderr).not.toMatch(/: error: /);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`december\\.csv:${row + 1}:17: warning: 10\\.2: the figure "5" cannot be used \\(.*10\\.2 \\(5\\) is larger than 10\\.1 \\(2\\) in 2020-12.*\\), so it was read as no value\\.`));
    expect(r.stdout + r.stderr).not.toMatch(/-importing-|bug in the import/);
    const { data } = loadValidData(dir);
    expect(data.months.at(-1)!.values.find((e) => e.ref === "10.2")!.figure?.value).toBe(0); // the directory's own figure stays
  });

  it("warns of a bare 0.5 among 99.5% and 100.0% in a percentage row: probably a fraction (it is read as written)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-degrade-"));
    fs.writeFileSync(path.join(dir, "sheet.csv"), "Ref,Indicator,Unit,Jun-17,Jul-17,Aug-17,Sep-17\nA2,Percentage of visits on time,%,99.5%,0.5,100.0%,99.0%\nA3,Percentage of visits cancelled,%,0.5%,0.4,1.2%,0.9%\n");
    const r = runCommand("import.ts", ["sheet.csv", "--out", "out"], dir);
    expect(r.status).toBe(0);
    const warnings = r.stderr.split("\n").filter((l) => /probably a fraction/.test(l));
    expect(warnings).toEqual([
      'sheet.csv:2:5: warning: A2 (Percentage of visits on time): the cell "0.5" has no % sign among figures written as percentages (99.5%, 100.0%, 99.0%), so it is probably a fraction (50%); it was read as 0.5%. Fix: Check the figure in the sheet: write it as 50% if it is a fraction.',
    ]); // not A3's 0.4 among 0.5% to 1.2%: small percentages
  });
});
