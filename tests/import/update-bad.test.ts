// Updates that cannot go ahead, and what they say: the directory's own
// setting named (never a staging folder, never the sheet blamed for it), a
// person's YAML the import cannot edit named by file and line, and what
// --replace would discard listed before it does.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { unstaged } from "../../scripts/import/run.ts";
import { hashes } from "../helpers/hashes.ts";
import { ROOT, runCommand } from "../helpers/run.ts";

const DECEMBER = path.join(ROOT, "tests", "fixtures", "import", "sequence", "rotherham-2020-12.csv");

/** A copy of the bundled example (data/, to December 2020). */
function example(): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-update-bad-")), "data");
  fs.cpSync(path.join(ROOT, "data"), dir, { recursive: true });
  return dir;
}

/** December's sheet with later month columns added (each a copy of December's figures). */
function sheetWith(dir: string, months: string[]): string {
  const rows = parse(fs.readFileSync(DECEMBER, "utf8"), { relax_column_count: true }) as string[][];
  const h = rows.findIndex((r) => r[0] === "Ref");
  const dec = rows[h]!.indexOf("Dec-20");
  const out = rows.map((r, i) => (i < h ? r : i === h ? [...r.slice(0, dec + 1), ...months, ...r.slice(dec + 1)] : [...r.slice(0, dec + 1), ...months.map(() => r[dec] ?? ""), ...r.slice(dec + 1).map(() => "")]));
  const file = path.join(path.dirname(dir), `sheet-${months.at(-1)}.csv`);
  fs.writeFileSync(file, stringify(out));
  return file;
}

describe("a new month in a reporting year with no population", () => {
  it("stops before staging, naming authority.yaml and the line to add, not the sheet or a staging folder", () => {
    const dir = example();
    const sheet = sheetWith(dir, ["Jan-21", "Feb-21", "Mar-21", "Apr-21"]);
    const before = hashes(dir);
    for (const args of [["--dry-run"], []]) {
      const r = runCommand("import.ts", [sheet, "--out", dir, ...args]);
      expect(r.status).toBe(1);
      const errors = r.stderr.split("\n").filter((l) => / error: /.test(l));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/data\/authority\.yaml:\d+: error: The sheet brings April 2021, in the reporting year 2021\/22, and there is no population for 2021\/22, so the rates 1\.5, .* cannot be computed/);
      expect(errors[0]).toMatch(/Fix: Add `2021\/22: N` under `population:` in authority\.yaml .*2020\/21 is 57522/);
      expect(r.stderr).not.toMatch(/importing|could not tell|bug in the import/);
      expect(r.stderr).toMatch(/Nothing was written\./);
      expect(hashes(dir)).toEqual(before);
    }
    // With the population added, the same sheet updates the directory.
    fs.writeFileSync(path.join(dir, "authority.yaml"), fs.readFileSync(path.join(dir, "authority.yaml"), "utf8").replace("  2020/21: 57522\n", "  2020/21: 57522\n  2021/22: 57600\n"));
    const ok = runCommand("import.ts", [sheet, "--out", dir]);
    expect(ok.stderr).not.toMatch(/: error: /);
    expect(ok.status).toBe(0);
    expect(fs.existsSync(path.join(dir, "months", "2021-04.yaml"))).toBe(true);
  });

  it("rewrites a staging folder's paths inside a check's message and fix, not only its file", () => {
    const staging = path.join(os.tmpdir(), ".data-importing-AbC123");
    const out = path.join(os.tmpdir(), "data");
    const p = unstaged(
      { severity: "error", file: path.join(staging, "authority.yaml"), line: 1, message: `There is no population for 2021/22, so 1.5 cannot be computed for 2021-04 (${staging}/months/2021-04.yaml).`, fix: `See ${staging}.` },
      staging,
      out,
    );
    expect(p.message).toBe(`There is no population for 2021/22, so 1.5 cannot be computed for 2021-04 (${out}/months/2021-04.yaml).`);
    expect(p.fix).toBe(`See ${out}.`);
  });
});

describe("a latest month file whose restated: a person wrote on one line", () => {
  it("stops naming the file and line, and says to write restated: as a block", () => {
    const dir = example();
    fs.appendFileSync(path.join(dir, "months", "2020-12.yaml"), "restated: { 2020-10: { 1.5a: 318 } }\n");
    const line = fs.readFileSync(path.join(dir, "months", "2020-12.yaml"), "utf8").split("\n").findIndex((l) => l.startsWith("restated:")) + 1;
    const before = hashes(dir);
    // December's sheet as the source system re-ran it: two figures differ from the directory's, so they are restatements in December's file.
    const r = runCommand("import.ts", [DECEMBER, "--out", dir]);
    expect(r.status).toBe(1);
    const errors = r.stderr.split("\n").filter((l) => / error: /.test(l));
    expect(errors).toEqual([expect.stringMatching(new RegExp(`data/months/2020-12\\.yaml:${line}: error: restated: is written on one line .* Fix: Write restated: as a block \\(one month per line`))]);
    expect(r.stderr).not.toMatch(/^boardpack: /m);
    expect(r.stderr).toMatch(/Nothing was written\./);
    expect(hashes(dir)).toEqual(before);
  });
});

describe("--replace", () => {
  const NOVEMBER = path.join(ROOT, "tests", "fixtures", "import", "sequence", "rotherham-2020-11.csv");
  /** November's directory with a hand edit to a catalogue file and a commentary file a person wrote. */
  function edited(): string {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-replace-")), "data");
    expect(runCommand("import.ts", [NOVEMBER, "--out", dir]).status).toBe(0);
    fs.appendFileSync(path.join(dir, "indicators", "assessments.yaml"), "# agreed with the board\n");
    fs.mkdirSync(path.join(dir, "commentary", "2020-11"), { recursive: true });
    fs.writeFileSync(path.join(dir, "commentary", "2020-11", "referrals.md"), "Referrals fell to 223 in November.\n");
    return dir;
  }
  const lostLines = (out: string) => out.split("\n").filter((l) => /^- .*\((differs from the sheet's|not made from the sheet)\)$/.test(l));

  it("--dry-run lists what it would discard, naming the hand-edited files, and discards nothing", () => {
    const dir = edited();
    const before = hashes(dir);
    const r = runCommand("import.ts", [NOVEMBER, "--out", dir, "--replace", "--dry-run"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--replace would discard the 30 files of .*data\/ \(IMPORT-NOTES\.md, RECONCILIATION\.md, authority\.yaml, 1 in commentary\/, 15 in indicators\/, 11 in months\/\)\./);
    expect(r.stdout).toMatch(/2 of them are not made again from the sheet as they are .* and would be lost:/);
    expect(lostLines(r.stdout)).toEqual([expect.stringMatching(/data\/commentary\/2020-11\/referrals\.md \(not made from the sheet\)$/), expect.stringMatching(/data\/indicators\/assessments\.yaml \(differs from the sheet's\)$/)]);
    expect(hashes(dir)).toEqual(before);
  });

  it("a real --replace prints the same list before it discards them", () => {
    const dir = edited();
    const r = runCommand("import.ts", [NOVEMBER, "--out", dir, "--replace"]);
    expect(r.status).toBe(0);
    const said = r.stdout.indexOf("Replacing");
    expect(said).toBeGreaterThanOrEqual(0);
    expect(r.stdout.slice(said)).toMatch(/^Replacing .*data\/ \(--replace\): discarding its 30 files .*\n2 of them are not made again .* and are lost:\n- .*referrals\.md \(not made from the sheet\)\n- .*assessments\.yaml \(differs from the sheet's\)\n/);
    expect(said).toBeLessThan(r.stdout.indexOf("Imported 98 indicators"));
    expect(fs.existsSync(path.join(dir, "commentary", "2020-11", "referrals.md"))).toBe(false);
    expect(fs.readFileSync(path.join(dir, "indicators", "assessments.yaml"), "utf8")).not.toMatch(/agreed with the board/);
  });
});

describe("--replace on a folder that is not a data directory", () => {
  it("deletes nothing and says why (a mistyped --out must not lose a folder)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-replace-other-"));
    fs.writeFileSync(path.join(dir, "thesis.docx"), "a person's work");
    const r = runCommand("import.ts", [path.join(ROOT, "tests", "fixtures", "import", "sequence", "rotherham-2020-11.csv"), "--out", dir, "--replace"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/holds no authority\.yaml, so it is not a data directory, and --replace would delete whatever it holds\. Nothing was written or deleted\./);
    expect(fs.readdirSync(dir)).toEqual(["thesis.docx"]);
  });
});

describe("a catalogue indicator missing from the sheet", () => {
  it("is left as it is, with a warning at its catalogue entry, and listed", () => {
    const dir = example();
    const sheet = path.join(path.dirname(dir), "december-without-10.2.csv");
    fs.writeFileSync(sheet, fs.readFileSync(DECEMBER, "utf8").split("\r\n").filter((l) => !l.startsWith("10.2,")).join("\r\n"));
    const catalogue = fs.readFileSync(path.join(dir, "indicators", "adoption.yaml"), "utf8");
    const line = catalogue.split("\n").findIndex((l) => /- ref: "?10\.2"?$/.test(l)) + 1;
    const december = fs.readFileSync(path.join(dir, "months", "2020-12.yaml"), "utf8");
    const r = runCommand("import.ts", [sheet, "--out", dir]);
    expect(r.stderr).not.toMatch(/: error: /);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`data/indicators/adoption\\.yaml:${line}: warning: 10\\.2 \\(Number of adoptions completed within 12 months of SHOBPA\\) is in the catalogue but not in .*december-without-10\\.2\\.csv; it was left as it is\\. Fix: Add its row to the sheet, or enter its figures by hand\\.`));
    expect(r.stdout).toMatch(/^- Not in the sheet, left as it is: 10\.2 \(Number of adoptions completed within 12 months of SHOBPA\)$/m);
    expect(fs.readFileSync(path.join(dir, "IMPORT-NOTES.md"), "utf8")).toMatch(/- Not in the sheet, left as it is: 10\.2 /);
    expect(fs.readFileSync(path.join(dir, "indicators", "adoption.yaml"), "utf8")).toBe(catalogue);
    const after = fs.readFileSync(path.join(dir, "months", "2020-12.yaml"), "utf8");
    expect(after).not.toBe(december); // the restatements went in
    expect(after.match(/^ *10\.2:.*$/m)?.[0]).toBe(december.match(/^ *10\.2:.*$/m)?.[0]);
  });
});
