// The CSV download opens cleanly in Excel: UTF-8 with a BOM, figures at the
// indicator's decimals, percentages on one scale, no column empty in every
// row. The JSON beside it keeps full precision. Checked on every month of the
// example and on the Southampton dataset (another council, another style).
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { formatValue } from "../../scripts/format/number.ts";
import { buildMonthModel, reportMonths } from "../../scripts/metrics/model.ts";
import type { MonthModel } from "../../scripts/model/types.ts";
import { modelToCsv } from "../../scripts/output/modelCsv.ts";
import { modelToJson } from "../../scripts/output/modelJson.ts";
import { copyFixture } from "../helpers/fixture.ts";
import { buildInto } from "../helpers/site.ts";

const modelsOf = (dir: string) => {
  const { data } = loadValidData(dir);
  return reportMonths(data).map((m) => buildMonthModel(data, m));
};
const rowsOf = (csv: string) => parse(csv, { bom: true, columns: true }) as Record<string, string>[];
/** The report's own figure for the same value, as a plain number: "1,234" -> "1234", "57.2%" -> "57.2". */
const asPrinted = (v: number | null | undefined, unit: Parameters<typeof formatValue>[1], decimals: number) => (v === null || v === undefined ? "" : formatValue(v, unit, decimals).replace(/[,%]/g, ""));

let example: MonthModel[];
let southampton: MonthModel[];
beforeAll(() => {
  example = modelsOf("data");
  southampton = modelsOf("examples/southampton/data");
});

describe("the CSV download", () => {
  it("is UTF-8 with a byte-order mark and Windows line ends, as written by the build", async () => {
    const { site } = await buildInto(copyFixture(), { noPdf: true });
    const bytes = fs.readFileSync(path.join(site, "data", "2020-12.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    expect(text.split("\r\n").length).toBeGreaterThan(5);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
  }, 300_000);

  it("has no column that is empty in every row, in any month of either example", () => {
    for (const model of [...example, ...southampton]) {
      const rows = rowsOf(modelToCsv(model));
      expect(rows).toHaveLength(model.indicators.length);
      const empty = Object.keys(rows[0]!).filter((col) => rows.every((r) => r[col] === ""));
      expect(empty, model.month).toEqual([]);
    }
    // the example has no regional benchmark and no earlier year, so those columns are left out
    const dec = Object.keys(rowsOf(modelToCsv(example.at(-1)!))[0]!);
    expect(dec).not.toContain("Regional average");
    expect(dec).not.toContain("Same month last year");
  });

  it("gives every figure at the indicator's decimals, as the report prints it", () => {
    let checked = 0;
    for (const model of [...example, ...southampton]) {
      const byRef = new Map(model.indicators.map((i) => [i.ref, i]));
      for (const row of rowsOf(modelToCsv(model))) {
        const i = byRef.get(row.Ref!)!;
        // A termly indicator's figure is its latest term's, the term named as its period.
        const term = i.frequency === "termly" ? [...i.terms].reverse().find((t) => t.value !== null) : undefined;
        expect(row.Figure ?? "", `${model.month} ${i.ref}`).toBe(asPrinted(term ? term.value : i.value, i.unit, i.decimals));
        if (term) expect(row.Period, i.ref).toBe(term.label);
        expect(row["Previous month"] ?? "", `${model.month} ${i.ref}`).toBe(asPrinted(i.previous, i.unit, i.decimals));
        expect(row["12-month average"] ?? "", `${model.month} ${i.ref}`).toBe(asPrinted(i.average12, i.unit, i.decimals));
        const england = model.authority.benchmarks.labels.england;
        if (i.benchmarks?.values.england !== undefined) expect(row[england], i.ref).toBe(asPrinted(i.benchmarks.values.england, i.unit, i.decimals));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1500);
  });

  it("puts percentages on one scale: per cent numbers, changes in per cent, the unit in its own column", () => {
    const dec = rowsOf(modelToCsv(example.at(-1)!));
    // 1.2%: 379 of 663 contacts decided within a working day (57.16%), 50.8% in November
    const row = dec.find((r) => r.Ref === "1.2%")!;
    expect(row).toMatchObject({ Unit: "%", Figure: "57.2", Numerator: "379", Denominator: "663", "Previous month": "50.8", RAG: "Red" });
    expect(row["Change on previous month (% of previous)"]).toBe("12.5"); // 57.16 / 50.80 - 1 = +12.5%
    expect(row["Change on previous month (percentage points)"]).toBe("6.4"); // 57.2% - 50.8%
    // the published December figure of 1.5a (276 referrals, up from 223): a change of +23.8%
    expect(dec.find((r) => r.Ref === "1.5a")).toMatchObject({ Unit: "count", Figure: "276", "Previous month": "223", "Change on previous month (% of previous)": "23.8" });
    // every change is in per cent, as the figures of a percentage are (never a fraction such as 0.125)
    for (const model of [...example, ...southampton]) {
      const byRef = new Map(model.indicators.map((i) => [i.ref, i]));
      for (const r of rowsOf(modelToCsv(model))) {
        const change = byRef.get(r.Ref!)!.changeFromPrevious;
        expect(r["Change on previous month (% of previous)"] ?? "", `${model.month} ${r.Ref}`).toBe(change === null ? "" : formatValue(change * 100, "count", 1).replace(/,/g, "").replace(/^-0\.0$/, "0.0"));
      }
    }
  });

  it("leaves the JSON at full precision, with its documented field names", () => {
    const json = JSON.parse(modelToJson(example.at(-1)!));
    const c = json.indicators.find((i: { ref: string }) => i.ref === "1.2%");
    expect(c.value).toBeCloseTo((379 / 663) * 100, 12);
    expect(c.changeFromPrevious).toBeCloseTo(c.value / c.previous - 1, 12);
    expect(Object.keys(c)).toEqual(expect.arrayContaining(["ref", "section", "title", "unit", "polarity", "value", "numerator", "denominator", "previous", "changeFromPrevious", "lastYear", "changeFromLastYear", "average12", "max12", "ytd", "rolling12", "dot", "rag", "series", "annual", "benchmarks", "benchmarkPosition", "benchmarkBand", "spc", "narrative"]));
  });
});
