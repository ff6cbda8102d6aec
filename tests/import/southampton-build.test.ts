// The imported Southampton example builds with the same templates, in the
// "monthly dataset" style: owner and reporter shown, threshold DoT.
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildInto, cellText, readPage } from "../helpers/site.ts";
import { pdfPages } from "../helpers/pdf.ts";

let build: Awaited<ReturnType<typeof buildInto>>;
beforeAll(async () => {
  build = await buildInto("examples/southampton/data");
}, 300_000);

describe("the Southampton example", () => {
  it("builds a site and a PDF board pack", () => {
    expect(build.reportMonth).toBe("2018-06");
    expect(fs.existsSync(build.pdf!.file)).toBe(true);
    expect(pdfPages(build.pdf!.file).join("\n")).toMatch(/As at month end: June 2018/);
  });

  it("shows the monthly-dataset columns and the threshold direction of travel", () => {
    const table = readPage(build.site, "/").querySelector(".bp-summary table")!;
    const head = table.querySelectorAll("thead th").map(cellText);
    // the site shows the key columns first; owner and reporter follow
    expect(head.slice(0, 4)).toEqual(["Ref", "Indicator", "Jun-18", "DoT"]);
    expect(head).toEqual(expect.arrayContaining(["Owner", "Reporter"]));
    expect(head).toContain("12-month average");
    const m2 = table.querySelectorAll("tbody tr").find((r) => cellText(r.querySelector("th, td")!) === "M2")!;
    const cells = m2.querySelectorAll("th, td").map(cellText);
    expect(cells[head.indexOf("Owner")]).toBe("Jane White");
    expect(cells[head.indexOf("Change on last month")]).toBe("−20%");
    expect(cells[head.indexOf("DoT")]).toBe("↓Down 10% or more");
    expect(cells[head.indexOf("12-month average")]).toBe("260");
  });

  it("shows each indicator's outcome on its page", () => {
    expect(readPage(build.site, "/indicators/m1/").text).toMatch(/There is an effective 'front door'/);
  });
});
