// The performance summary of Rotherham's published December 2020 pack, as
// text exported from the PDF (header repeated on every page with its columns
// shifted, areas in a column or before a reference in the title cell, NEW
// used many times, rows without a reference, YTD and trend columns), imports
// as a 3-month sheet whose December figures are the bundled example's.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { buildMonthModel } from "../../scripts/metrics/model.ts";
import { runCommand } from "../helpers/run.ts";

const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-rotherham-")), "data");
const r = runCommand("import.ts", ["tests/fixtures/import/sheets/rotherham-2020-12-performance-report.txt", "--out", out]);
const norm = (t: string) => t.toLowerCase().replace(/[^a-z0-9%]+/g, " ").trim();

describe("Rotherham's performance summary, from the PDF's text", () => {
  it("imports as a 3-month sheet (October to December 2020) and says what it skipped", () => {
    expect(r.stderr).not.toMatch(/: error: /);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Imported 98 indicators in 11 sections, 3 months \(2020-10 to 2020-12\)/);
    expect(r.stdout).toMatch(/The table ends at row 149/);
  });

  it("has December figures equal to the bundled example's, for every indicator the two share", () => {
    const imported = buildMonthModel(loadValidData(out).data, "2020-12");
    const bundled = buildMonthModel(loadValidData("data").data, "2020-12");
    const byRef = new Map(bundled.indicators.map((i) => [i.ref, i]));
    const byTitle = new Map(bundled.indicators.map((i) => [norm(i.title), i]));
    const shared: string[] = [];
    for (const i of imported.indicators) {
      // Shared: the same reference and title, or (for references the import made up) the same title.
      const same = byRef.get(i.ref);
      const other = same && (norm(same.title) === norm(i.title) || !/^NEW|[a-z]$/.test(i.ref)) ? same : byTitle.get(norm(i.title));
      if (!other) continue;
      shared.push(i.ref);
      if (i.value === null) expect(other.value, i.ref).toBeNull();
      else expect(Math.abs(i.value - other.value!), `${i.ref} ${i.value} against ${other.ref} ${other.value}`).toBeLessThanOrEqual(0.5 * 10 ** -i.decimals + 1e-9);
    }
    expect(shared.length).toBeGreaterThanOrEqual(90);
    expect(shared).toEqual(expect.arrayContaining(["1.1", "1.5", "2.1", "3.3", "4.2", "5.11", "6.1", "7.4", "10.4", "11.8", "NEW"]));
  });

  it("keeps NEW rows apart and areas as the sheet gives them", () => {
    const { data } = loadValidData(out);
    expect(data.indicators.filter((i) => /^NEW/.test(i.ref)).map((i) => i.ref)).toEqual(["NEW", "NEW-2", "NEW-3", "NEW-4", "NEW-5"]);
    expect(data.sections.map((s) => s.title)).toEqual([
      "Other indicators", "Assessments (new only)", "S47's", "CIN", "Child protection", "Looked after children", "Care leavers", "Placements", "Fostering", "Adoptions", "Workforce & caseload",
    ]);
    const ind = (ref: string) => data.indicators.find((i) => i.ref === ref)!;
    expect(ind("2.1").title).toBe("Number of assessments started"); // "ASSESSMENTS (NEW ONLY)\t2.1 Number of assessments started"
    expect(ind("4.2").section).toBe("cin"); // page 3: the area in column 1, NO. in column 2
    expect(ind("1.1").title).toBe("No. contacts identified as 'harm' at source (old form <Oct 20 / New form Nov 20 >)");
    expect(ind("1.6").target).toEqual({ type: "at-least", green: 86, amber: 83 });
    expect(ind("1.7").target).toEqual({ type: "below", green: 23, amber: 26 });
    expect(ind("11.5").target).toEqual({ type: "band", green: [14, 20], amber: 1 });
    expect(ind("3.3").target).toEqual({ type: "around", value: 158.8, green: 5, amber: 15 });
    expect(fs.readFileSync(path.join(out, "IMPORT-NOTES.md"), "utf8")).toMatch(/- S47's \(s47s\): rows 59-67; the sheet's labels "S47's"/);
  });
});
