// Words printed in place of a figure ("tbc", a term's note) and footnotes of
// a section, a table or an indicator: read from the data, checked with file
// and line, carried into the model and printed where the source prints them.
import { describe, expect, it } from "vitest";
import { buildMonthModel } from "../../scripts/metrics/model.ts";
import { sectionTable, summaryTable } from "../../scripts/site/tables.ts";
import { check, copyFixture, editFile, writeFile } from "../helpers/fixture.ts";

const cellTexts = (rows: { text?: string; html?: string }[][]) => rows.map((r) => r.map((c) => c.text ?? c.html ?? ""));

describe("a note in place of a figure", () => {
  it("keeps the words of a marker such as tbc, and prints them in the month's tables", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("  R1: 276", "  R1: tbc"));
    const { data, errors } = check(dir);
    expect(errors).toEqual([]);
    const model = buildMonthModel(data!, "2020-12");
    const r1 = model.indicators.find((i) => i.ref === "R1")!;
    expect(r1.value).toBeNull();
    expect(r1.series.at(-1)).toMatchObject({ month: "2020-12", value: null, note: "tbc" });
    const byRef = new Map(model.indicators.map((i) => [i.ref, i]));
    const table = sectionTable(model, { indicators: ["R1"] }, byRef, data!.authority.benchmarks.labels);
    const dec = cellTexts(table.rows).find((r) => r[0] === "Dec-20")!;
    expect(dec[1]).toBe("tbc");
    const summary = summaryTable(model, [r1], data!.authority);
    expect(cellTexts(summary.rows)[0]).toContain("tbc");
  });

  it("shows a dash or n/a as the report's own n/a, not as written", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("  R1: 276", "  R1: -"));
    const { data } = check(dir);
    const r1 = buildMonthModel(data!, "2020-12").indicators.find((i) => i.ref === "R1")!;
    expect(r1.series.at(-1)!.note).toBeUndefined();
  });

  it("reads `note:` under a reference, in month, outturn and term files, and merges one note across a row", () => {
    const dir = copyFixture();
    const down = "\n    note: Recording system down; figure to follow";
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("  R1: 276", `  R1:${down}`).replace("  C1: 663", `  C1:${down}`));
    editFile(dir, "outturns/2019-20.yaml", (t) => t.replace("  C1: 15605", "  C1: { note: not collected }"));
    const { data, errors } = check(dir);
    expect(errors).toEqual([]);
    const model = buildMonthModel(data!, "2020-12");
    const byRef = new Map(model.indicators.map((i) => [i.ref, i]));
    expect(byRef.get("R1")!.series.at(-1)!.note).toBe("Recording system down; figure to follow");
    expect(byRef.get("C1")!.annual.find((a) => a.year === "2019/20")).toMatchObject({ value: null, note: "not collected" });
    const table = sectionTable(model, { indicators: ["C1", "R1"] }, byRef, data!.authority.benchmarks.labels);
    const dec = table.rows.find((r) => r[0]!.text === "Dec-20")!;
    expect(dec).toHaveLength(2);
    expect(dec[1]).toMatchObject({ text: "Recording system down; figure to follow", colspan: 2 });
  });

  it("reads a note column in a CSV month file", () => {
    const dir = copyFixture();
    writeFile(dir, "months/2020-10.csv", "ref,value,note\nC1,1353,\nC2,686,\nR1,,figure to follow\nR1r,3465,\nP1,90.0%,\n11.10,20.4,\n");
    const { data, errors } = check(dir);
    expect(errors).toEqual([]);
    const r1 = buildMonthModel(data!, "2020-10").indicators.find((i) => i.ref === "R1")!;
    expect(r1.series.at(-1)).toMatchObject({ month: "2020-10", value: null, note: "figure to follow" });
  });

  it("prints a CSV note only in place of a figure (beside one it is the team's remark)", () => {
    const dir = copyFixture();
    writeFile(dir, "months/2020-10.csv", "ref,value,note\nC1,1353,checked with the team\nC2,686,\nR1,315,\nR1r,3465,\nP1,90.0%,\n11.10,20.4,\n");
    const { data, errors } = check(dir);
    expect(errors).toEqual([]);
    const c1 = buildMonthModel(data!, "2020-10").indicators.find((i) => i.ref === "C1")!;
    expect(c1.series.at(-1)).toEqual({ month: "2020-10", value: 1353 });
  });

  it("reports an empty note and another key beside a note, with file and line", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("  R1: 276", "  R1:\n    note: \"\"").replace("  C2: 379", "  C2:\n    note: tbc\n    value: 379"));
    const { errors } = check(dir);
    expect(errors.map((e) => `${e.file}:${e.line}`).sort()).toEqual(["months/2020-12.yaml:7", "months/2020-12.yaml:9"]);
    expect(errors.find((e) => e.line === 7)!.message).toMatch(/"value" is not understood/);
    expect(errors.find((e) => e.line === 9)!.message).toMatch(/note is empty/);
  });

  it("keeps the error for a block with no note where a figure belongs", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("  C2: 379", "  C2:\n    value: 379"));
    const { errors } = check(dir);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: "months/2020-12.yaml", line: 5 });
    expect(errors[0]!.message).toMatch(/should be a single value/);
  });
});

describe("footnotes", () => {
  it("prints a section's footnotes under its last table and an indicator's under each table it is in, marked at its title", () => {
    const dir = copyFixture();
    editFile(dir, "indicators/front-door.yaml", (t) =>
      t
        .replace("definition: Contacts and referrals.", "definition: Contacts and referrals.\nfootnotes: Annual trend relates to the reporting year, April to March.")
        .replace("    title: Number of referrals\n", "    title: Number of referrals\n    footnotes: [Includes re-referrals.]\n"),
    );
    const { data, errors } = check(dir);
    expect(errors).toEqual([]);
    const model = buildMonthModel(data!, "2020-12");
    const section = model.sections.find((s) => s.id === "front-door")!;
    expect(section.footnotes).toEqual(["Annual trend relates to the reporting year, April to March."]);
    const byRef = new Map(model.indicators.map((i) => [i.ref, i]));
    const table = sectionTable(model, { indicators: ["C1", "R1"] }, byRef, data!.authority.benchmarks.labels, section.footnotes);
    expect(table.footnotes).toEqual(["Annual trend relates to the reporting year, April to March.", "[1] R1: Includes re-referrals."]);
    expect(table.head[2]!.html).toMatch(/Number of referrals.*\[1\]/);
    const summary = summaryTable(model, [byRef.get("C1")!, byRef.get("R1")!], data!.authority);
    expect(summary.footnotes).toEqual(["[1] R1: Includes re-referrals."]);
  });

  it("reports an empty footnote with its line", () => {
    const dir = copyFixture();
    editFile(dir, "indicators/front-door.yaml", (t) => t.replace("definition: Contacts and referrals.", "definition: Contacts and referrals.\nfootnotes: [\"\"]"));
    const e = check(dir).errors.find((x) => /footnotes/.test(x.message));
    expect(e).toMatchObject({ file: "indicators/front-door.yaml", line: 3 });
  });
});

describe("commentary that points at another page", () => {
  it("is warned about with its line", () => {
    const dir = copyFixture();
    writeFile(dir, "commentary/2020-12/front-door.md", "Figures rose.\n\nPlease see the narrative on the previous page.\n");
    const w = check(dir).warnings.filter((x) => /previous page/.test(x.message));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ file: "commentary/2020-12/front-door.md", line: 3 });
  });
});
