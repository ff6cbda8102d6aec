// npm run import: a council's wide monthly dataset into a data directory.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { buildMonthModel } from "../../scripts/metrics/model.ts";
import { ROOT, runCommand } from "../helpers/run.ts";

const SOUTHAMPTON = ["examples/southampton/dataset-2018-06.csv", "--name", "Southampton City Council", "--title", "Children's Social Care Monthly Dataset", "--sections", "M=Front door and referrals,EH=Early help and assessment,CP=Child protection,LAC=Looked after children,NI=Looked after children"];

function tmpOut(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-import-")), "data");
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

describe("importing Southampton's June 2018 dataset", () => {
  const out = tmpOut();
  const r = runCommand("import.ts", [...SOUTHAMPTON, "--out", out]);

  it("succeeds and says what it did", () => {
    // Only data-quality warnings (gaps where the sheet has no figure), no errors.
    expect(r.stderr).not.toMatch(/: error: /);
    expect(r.stderr.split("\n").filter((l) => l.trim()).every((l) => /: warning: .*has no figure for/.test(l))).toBe(true);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Imported 58 indicators in 4 sections, 13 months \(2017-06 to 2018-06\)/);
    expect(fs.existsSync(path.join(out, "RECONCILIATION.md"))).toBe(true);
  });

  it("makes the example committed in examples/southampton/data, file for file", () => {
    const committed = path.join(ROOT, "examples", "southampton", "data");
    expect(files(out)).toEqual(files(committed));
    for (const f of files(out)) {
      expect(fs.readFileSync(path.join(out, f), "utf8").replaceAll(out, "OUT"), f).toBe(fs.readFileSync(path.join(committed, f), "utf8"));
    }
  });

  it("keeps references as the sheet writes them and reads its figures", () => {
    const { data } = loadValidData(out);
    const model = buildMonthModel(data, "2018-06");
    const byRef = new Map(model.indicators.map((i) => [i.ref, i]));
    expect(byRef.get("M6-QL (val)")!.value).toBe(25);
    expect(byRef.get("CP2b %")!.unit).toBe("percentage");
    expect(byRef.get("M3")!.value).toBe(15);
    expect(byRef.get("LAC14")!.changeFromPrevious).toBeNull(); // 0 -> 0: the sheet's "- n/a"
    expect(byRef.get("M1")!.owner).toBe("Jane White");
    expect(byRef.get("LAC1")!.polarity).toBe("low"); // the sheet's ▼
    expect(byRef.get("M8-QL")!.polarity).toBe("high"); // ▲
    expect(byRef.get("LAC1")!.target).toEqual({ type: "below", green: 460, amber: 460 }); // the 2018/19 target
    expect(model.authority.dot).toEqual({ convention: "threshold", threshold: 0.1 }); // from the sheet's key
    expect(byRef.get("M2")!.benchmarks).toEqual({ year: "2016/17", values: { statNeighbour: 340, england: 354, region: 470 } });
  });

  it("reconciles the sheet's computed columns: a short table, every row explained", () => {
    const table = r.stdout.slice(r.stdout.indexOf("disagree"));
    const rows = table.split("\n").filter((l) => /^(EH3d%|CP2-NI|CP4|LAC9)\s/.test(l));
    expect(rows).toHaveLength(5);
    expect(table).not.toMatch(/not explained/);
    expect(table).toMatch(/CP4 .*sign of the change is reversed/);
    expect(table).toMatch(/EH3d% .*EH3b%'s Jun-18 figure/);
    expect(table).toMatch(/LAC9 .*rounding convention/);
  });

  it("writes the month's commentary per section", () => {
    const md = fs.readFileSync(path.join(out, "commentary", "2018-06", "front-door-and-referrals.md"), "utf8");
    expect(md).toMatch(/^\*\*M1\*\*: There has been a slight decrease in contacts/);
    expect(md).toMatch(/\*\*M2-NI\*\*/);
  });
});

describe("importing a dataset laid out the same way with other headers", () => {
  const out = tmpOut();
  const r = runCommand("import.ts", ["tests/fixtures/import/sheets/excel-semicolon.csv", "--out", out, "--name", "Anytown Borough Council"]);

  it("accepts a byte-order mark, CRLF line endings and semicolons", () => {
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Imported 6 indicators in 2 sections, 12 months \(2015-09 to 2016-08\)/);
  });

  it("reads headers such as Reference, Service area, Description, Lead officer, Sep 15, Good is", () => {
    const { data } = loadValidData(out);
    expect(data.sections.map((s) => s.title)).toEqual(["Front door", "Looked after children"]);
    const c1 = data.indicators.find((i) => i.ref === "C1")!;
    expect(c1.title).toBe("Number of contacts received in the month"); // HTML stripped
    expect(c1.owner).toBe("A. Smith");
    expect(data.indicators.find((i) => i.ref === "L3")!.title).toBe("Old placement stability measure");
    expect(data.indicators.find((i) => i.ref === "R1")!.polarity).toBe("low");
    expect(data.indicators.find((i) => i.ref === "C2")!.target).toEqual({ type: "at-least", green: 25, amber: 25 });
    expect(data.indicators.find((i) => i.ref === "L1")!.kind).toBe("snapshot");
  });

  it("reads cells as real sheets hold them", () => {
    const { data } = loadValidData(out);
    const model = buildMonthModel(data, "2016-08");
    const series = (ref: string) => model.indicators.find((i) => i.ref === ref)!.series.map((p) => p.value);
    expect(series("C1")[0]).toBe(1234); // "1,234"
    expect(series("C2")[0]).toBe(30); // "30%"
    expect(series("R1").slice(0, 5)).toEqual([null, null, null, null, 18]); // tbc, n/a, -, blank, 18.0%
    expect(series("L2").filter((v) => v !== null)).toEqual([11.5]); // "New measure from Aug 16"
    expect(series("L3").filter((v) => v !== null)).toEqual([85, 84.1, 83.9]); // "Old measure"
  });

  it("states where it guessed", () => {
    expect(r.stdout).toMatch(/guessed settings/);
    const notes = fs.readFileSync(path.join(out, "IMPORT-NOTES.md"), "utf8");
    expect(notes).toMatch(/C1: .*polarity info \(the sheet gives no polarity\)/);
    expect(fs.readFileSync(path.join(out, "indicators", "front-door.yaml"), "utf8")).toMatch(/polarity: info {4}# guess/);
  });
});

describe("bad input: a one-line error naming file and line, and nothing written", () => {
  const HEADER = "Ref,Indicator,Jun-17,Jul-17,Aug-17";
  const cases: [string, string, RegExp][] = [
    ["an empty file", "", /empty\.csv:1:1: error: The file is empty\./],
    ["a month header that can't be read", "Ref,Indicator,Jun-17,Jnu-17,Aug-17\nA1,One,1,2,3\n", /bad\.csv:1:4: error: The column header "Jnu-17" cannot be read as a month\./],
    ["two columns for the same month", "Ref,Indicator,Jun-17,June 2017,Aug-17\nA1,One,1,2,3\n", /bad\.csv:1:4: error: The columns "Jun-17" and "June 2017" are both Jun-17\./],
    ["a row shorter than the header", `${HEADER}\nA1,One,1,2,3\nA2,Two,4\n`, /bad\.csv:3:4: error: The row A2 has 3 cells but the header has 5, so it has no cell for Jul-17 to Aug-17\./],
    ["no month columns", "Ref,Indicator,Value\nA1,One,1\n", /bad\.csv:1:1: error: No header row with month columns/],
    ["a broken formula", `${HEADER}\nA1,One,1,#REF!,3\n`, /bad\.csv:2:4: error: A1 \(One\): the cell holds Excel's error #REF!/],
  ];
  for (const [name, csv, message] of cases) {
    it(name, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-bad-"));
      const file = path.join(dir, name === "an empty file" ? "empty.csv" : "bad.csv");
      fs.writeFileSync(file, csv);
      const out = path.join(dir, "out");
      const r = runCommand("import.ts", [file, "--out", out], dir);
      expect(r.status).toBe(1);
      const errors = r.stderr.split("\n").filter((l) => /: error: /.test(l));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(fs.existsSync(out)).toBe(false);
      expect(fs.readdirSync(dir).filter((f) => f.startsWith(".out"))).toEqual([]);
    });
  }

  it("reads text that is not a figure as no value, with a warning naming the cell", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-text-"));
    fs.writeFileSync(path.join(dir, "sheet.csv"), `${HEADER}\nA1,One,1,c,↑ 3\nA2,Two,"1 234",12.5 days,2\n`);
    const r = runCommand("import.ts", ["sheet.csv", "--out", "out"], dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/sheet\.csv:2:4: warning: A1 \(One\): the cell "c" is not a figure \("c" is not a number\), so it was read as no value\./);
    const jul = fs.readFileSync(path.join(dir, "out", "months", "2017-07.yaml"), "utf8");
    expect(jul).toMatch(/A1: -/);
    expect(jul).toMatch(/A2: 12\.5/);
    expect(fs.readFileSync(path.join(dir, "out", "months", "2017-06.yaml"), "utf8")).toMatch(/A2: 1234/);
    expect(fs.readFileSync(path.join(dir, "out", "months", "2017-08.yaml"), "utf8")).toMatch(/A1: 3/);
  });

  it("cleans references written with quotes or a stray & rather than making one up", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-refs-"));
    fs.writeFileSync(path.join(dir, "sheet.csv"), `Ref,Area,Indicator,Unit,Jun-17,Jul-17\nA1,Front door,Number of visits in the month,Count,5,6\n&B,Front door,Number of calls in the month,Count,1,2\n'C',Front door,Number of letters in the month,Count,4,5\n“D2”,Front door,Number of emails in the month,Count,7,8\n`);
    const r = runCommand("import.ts", ["sheet.csv", "--out", "out"], dir);
    expect(r.stderr).not.toMatch(/: error: /);
    expect(r.status).toBe(0);
    const { data } = loadValidData(path.join(dir, "out"));
    expect(data.indicators.map((i) => [i.ref, i.title])).toEqual([
      ["A1", "Number of visits in the month"],
      ["B", "Number of calls in the month"],
      ["C", "Number of letters in the month"],
      ["D2", "Number of emails in the month"],
    ]);
    const notes = fs.readFileSync(path.join(dir, "out", "IMPORT-NOTES.md"), "utf8");
    expect(notes).not.toMatch(/gives no reference/);
    expect(notes).toMatch(/References written with quotes or a stray character were read without them: `&B` \(sheet\.csv:3:1\) as B, `'C'` \(sheet\.csv:4:1\) as C, `“D2”` \(sheet\.csv:5:1\) as D2\./);
    expect(fs.readFileSync(path.join(dir, "out", "indicators", "front-door.yaml"), "utf8")).not.toMatch(/made up by the import/);
  });

  it("accepts semicolons, a byte-order mark and CRLF in a small sheet", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-ok-"));
    fs.writeFileSync(path.join(dir, "ok.csv"), "\uFEFFRef;Indicator;Jun-17;Jul-17\r\nA1;Number of visits in the month;1 234;1,300\r\n".replace("1 234", "1234"));
    const r = runCommand("import.ts", ["ok.csv", "--out", "out"], dir);
    expect(r.stderr).toBe("");
    expect(fs.readFileSync(path.join(dir, "out", "months", "2017-07.yaml"), "utf8")).toMatch(/A1: 1,300/);
  });
});

describe("choosing a workbook's sheet", () => {
  it("takes the sheet that looks like a dataset, and --sheet names another (listing them when it is wrong)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-sheet-"));
    const wrong = runCommand("import.ts", ["tests/fixtures/import/sheets/southampton-2018-06-dataset.xlsx", "--sheet", "Figures", "--out", path.join(dir, "a")]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/southampton-2018-06-dataset\.xlsx: error: The workbook has no sheet called "Figures"\. Fix: Use --sheet with one of: "Notes", "Dataset"\./);
    const notes = runCommand("import.ts", ["tests/fixtures/import/sheets/southampton-2018-06-dataset.xlsx", "--sheet", "notes", "--out", path.join(dir, "b")]);
    expect(notes.status).toBe(1);
    expect(notes.stderr).toMatch(/southampton-2018-06-dataset\.xlsx:Notes!A1: error: No header row with month columns was found\./);
    const chosen = runCommand("import.ts", ["tests/fixtures/import/sheets/southampton-2018-06-dataset.xlsx", "--sheet", "Dataset", "--out", path.join(dir, "c")]);
    expect(chosen.status).toBe(0);
    expect(fs.existsSync(path.join(dir, "a")) || fs.existsSync(path.join(dir, "b"))).toBe(false);
  });
});
