// Issue 14: the team's sheet stays the source. November's sheet makes a data
// directory; a person edits it; December's sheet (a new column, three
// earlier figures re-run) updates it as a reviewable, minimal change that
// keeps every edit, and the same update again changes nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadAndValidate, loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { buildMonthModel } from "../../scripts/metrics/model.ts";
import { modelToXlsx } from "../../scripts/output/modelXlsx.ts";
import { runBuild } from "../../scripts/build/pipeline.ts";
import { hashes } from "../helpers/hashes.ts";
import { ROOT, runCommand } from "../helpers/run.ts";

const SEQ = "tests/fixtures/import/sequence";

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).sort();
}

/** November's directory, edited as a person would: a target, a definition, a comment line, commentary. */
function novemberEdited(kind: "csv" | "xlsx"): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-update-")), "data");
  const r = runCommand("import.ts", [`${SEQ}/rotherham-2020-11.${kind}`, "--out", dir]);
  expect(r.status, r.stderr).toBe(0);
  const edit = (rel: string, f: (t: string) => string) => fs.writeFileSync(path.join(dir, rel), f(fs.readFileSync(path.join(dir, rel), "utf8")));
  edit("indicators/assessments.yaml", (t) =>
    t
      .replace("title: Assessments\n", "title: Assessments\ndefinition: >-\n  If a child meets the definition of a child in need, an assessment of needs is started.\n")
      .replace(/(  - ref: 2\.2\n(?: {4}.*\n)*? {4}kind: .*\n)/, "$1    target: { type: at-least, green: 95, amber: 90 }    # agreed with the board, Nov 2020\n"),
  );
  edit("months/2020-11.yaml", (t) => t.replace("values:\n", "values:\n  # Checked by the performance team on 3 December 2020\n"));
  fs.mkdirSync(path.join(dir, "commentary", "2020-11"), { recursive: true });
  fs.writeFileSync(path.join(dir, "commentary", "2020-11", "referrals.md"), "Referrals fell to 223 in November.\n");
  fs.mkdirSync(path.join(dir, "commentary", "2020-12"), { recursive: true });
  fs.writeFileSync(path.join(dir, "commentary", "2020-12", "referrals.md"), "The team's own words on December's referrals.\n");
  return dir;
}

const PERSON = ["indicators/assessments.yaml", "months/2020-11.yaml", "commentary/2020-11/referrals.md", "commentary/2020-12/referrals.md"];

describe.each(["csv", "xlsx"] as const)("November -> December from a %s sheet", (kind) => {
  const dir = novemberEdited(kind);
  const before = hashes(dir);
  const dry = runCommand("import.ts", [`${SEQ}/rotherham-2020-12.${kind}`, "--out", dir, "--dry-run"]);
  const afterDry = hashes(dir);

  it("--dry-run lists the change and writes nothing", () => {
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/Dry run: .*1 new month, 3 restated figures, 0 new indicators\. Nothing was written\./);
    expect(dry.stdout).toMatch(/- Restated: 1\.5a Oct-20: 315 -> 318/);
    expect(changed(before, afterDry)).toEqual([]);
  });

  const r = runCommand("import.ts", [`${SEQ}/rotherham-2020-12.${kind}`, "--out", dir]);
  const after = hashes(dir);

  it("adds exactly one month and records the three re-run figures as restatements, old -> new", () => {
    expect(r.stderr).not.toMatch(/: error: /);
    expect(r.status).toBe(0);
    const files = changed(before, after);
    expect(files.filter((f) => f.startsWith("months/"))).toEqual(["months/2020-12.yaml"]);
    expect(r.stdout).toMatch(/- New month: December 2020/);
    expect(r.stdout).toMatch(/- Restated: 6\.3 Sep-20: 20 -> 21 \(Admissions of Looked After Children; sheet .*rotherham-2020-12\.(csv:\d+:\d+|xlsx:Dataset!N\d+)\)/);
    expect(r.stdout).toMatch(/- Restated: 1\.5a Oct-20: 315 -> 318/);
    expect(r.stdout).toMatch(/- Restated: 2\.1 Nov-20: 221 -> 224/);
    const { data } = loadValidData(dir);
    const model = buildMonthModel(data, "2020-12");
    expect(model.restatements.map((x) => [x.ref, x.month, x.published, x.restated]).sort()).toEqual([
      ["1.5a", "2020-10", 315, 318],
      ["2.1", "2020-11", 221, 224],
      ["6.3", "2020-09", 20, 21],
    ]);
    expect(model.indicators.find((i) => i.ref === "1.5a")!.value).toBe(276);
    const dec = fs.readFileSync(path.join(dir, "months", "2020-12.yaml"), "utf8");
    expect(dec).toMatch(/^month: 2020-12\nreport:\n  status: Draft\n/m); // as new-month writes it
    expect(dec).toMatch(/\nrestated:\n  2020-09:\n    6\.3: 21 +# Admissions of Looked After Children\n  2020-10:\n    1\.5a: 318/);
  });

  it("keeps every edit a person made, byte for byte, and leaves the catalogue alone", () => {
    for (const f of PERSON) expect(after.get(f), f).toBe(before.get(f));
    expect(changed(before, after).filter((f) => f.startsWith("indicators/") || f === "authority.yaml")).toEqual([]);
    expect(fs.readFileSync(path.join(dir, "commentary", "2020-12", "from-sheet", "referrals.md"), "utf8")).toMatch(/There were 276 referrals in December 20/);
    expect(r.stdout).toMatch(/- Commentary kept: Referrals, December 2020/);
    expect(fs.readFileSync(path.join(dir, "commentary", "2020-12", "assessments.md"), "utf8")).toMatch(/^\*\*2\.1\*\*: /);
  });

  it("checks and builds", async () => {
    const { data, problems } = loadAndValidate(dir);
    expect(problems.errors).toEqual([]);
    expect(data).not.toBeNull();
    const built = await runBuild({ data: dir, out: path.join(path.dirname(dir), "dist"), noPdf: true });
    expect(built.reportMonth).toBe("2020-12");
  }, 120_000);

  it("changes nothing when run again", () => {
    const again = runCommand("import.ts", [`${SEQ}/rotherham-2020-12.${kind}`, "--out", dir]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^Nothing to update/);
    expect(changed(after, hashes(dir))).toEqual([]);
  });

  it("shows the reviewer the update in npm run summary", () => {
    const s = runCommand("summary.ts", ["--data", dir]);
    expect(s.status).toBe(0);
    expect(s.stdout).toMatch(/### Update from the team's sheet\n\n- New month: December 2020/);
    expect(s.stdout).toMatch(/- Restated: 1\.5a Oct-20: 315 → 318 \(No\. of referrals;/);
    expect(s.stdout).toMatch(/\| 1\.5a \| Oct-20 \| 315 \| 318 \|/);
  });
});

describe("new indicators, and a sheet that cannot be read", () => {
  it("appends a new indicator to its section, keeping the file's comments, and lists it", () => {
    const dir = novemberEdited("csv");
    const sheet = path.join(path.dirname(dir), "december-plus.csv");
    const csv = fs.readFileSync(path.join(ROOT, SEQ, "rotherham-2020-12.csv"), "utf8").trimEnd().split("\r\n");
    const cols = csv[3]!.split(",").length;
    const row = ["2.9", "Assessments", "Number of assessments stepped across to early help", "Info", "Count", "-", "-", "-", "-", "-", "-", "-", "-", "-", "12", "9", "14"];
    csv.splice(20, 0, [...row, ...Array(cols - row.length).fill("")].join(","));
    const newArea = ["Y1", "Youth justice", "Number of first-time entrants to the youth justice system", "Low", "Count", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "3", "2"];
    csv.push([...newArea, ...Array(cols - newArea.length).fill("")].join(","));
    fs.writeFileSync(sheet, csv.join("\r\n") + "\r\n");
    const before = hashes(dir);
    const r = runCommand("import.ts", [sheet, "--out", dir]);
    expect(r.stderr).not.toMatch(/: error: /);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/- New indicator: 2\.9 \(Number of assessments stepped across to early help\) in Assessments/);
    expect(r.stdout).toMatch(/- New section: Youth justice \(.*indicators\/youth-justice\.yaml\)/);
    const section = fs.readFileSync(path.join(dir, "indicators", "assessments.yaml"), "utf8");
    expect(section).toMatch(/# agreed with the board, Nov 2020\n/);
    expect(section.trimEnd()).toMatch(/ {4}kind: snapshot {4}# guess\n\n {2}- ref: 2\.9\n {4}title: Number of assessments stepped across to early help\n {4}unit: count\n {4}polarity: info\n {4}kind: flow {4}# guess$/);
    expect(changed(before, hashes(dir)).filter((f) => f.startsWith("indicators/") || f === "authority.yaml")).toEqual(["authority.yaml", "indicators/assessments.yaml", "indicators/youth-justice.yaml"]);
    const { data } = loadValidData(dir);
    const model = buildMonthModel(data, "2020-12");
    const series = (ref: string) => model.indicators.find((i) => i.ref === ref)!.series.filter((p) => p.value !== null).map((p) => [p.month, p.value]);
    expect(series("2.9")).toEqual([["2020-10", 12], ["2020-11", 9], ["2020-12", 14]]); // its history goes into the earlier months' files
    expect(series("Y1")).toEqual([["2020-11", 3], ["2020-12", 2]]);
    expect(model.restatements).toHaveLength(3);
  });

  it("stops at a broken cell, naming the sheet's row and column, and leaves the directory byte-identical", () => {
    const dir = novemberEdited("csv");
    const sheet = path.join(path.dirname(dir), "december-broken.csv");
    const lines = fs.readFileSync(path.join(ROOT, SEQ, "rotherham-2020-12.csv"), "utf8").split("\r\n");
    lines[9] = lines[9]!.replace(/,([\d.]+%?),([^,]*)$/, ",#REF!,$2");
    fs.writeFileSync(sheet, lines.join("\r\n"));
    const before = hashes(dir);
    const r = runCommand("import.ts", [sheet, "--out", dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/december-broken\.csv:10:\d+: error: .*#REF!/);
    expect(r.stderr).toMatch(/Nothing was written\./);
    expect(changed(before, hashes(dir))).toEqual([]);
    expect(fs.readdirSync(path.dirname(dir)).filter((f) => f.includes("importing"))).toEqual([]);
  });
});

describe("export -> import", () => {
  it("the bundled example's December workbook, imported into the directory it came from, changes nothing", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-roundtrip-")), "data");
    fs.cpSync(path.join(ROOT, "data"), dir, { recursive: true });
    const { data } = loadValidData(dir);
    const sheet = path.join(path.dirname(dir), "2020-12.xlsx");
    fs.writeFileSync(sheet, modelToXlsx(buildMonthModel(data, "2020-12"), data.authority.name));
    const before = hashes(dir);
    const r = runCommand("import.ts", [sheet, "--out", dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Nothing to update/);
    expect(r.stdout).toMatch(/The sheet's own computed columns all agree with the engine/);
    expect(changed(before, hashes(dir))).toEqual([]);
  });
});
