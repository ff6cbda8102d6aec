// Which charts are drawn again for phones: the latest month's, the printed
// months' and the indicator pages' (each chart a wide and a narrow drawing);
// an earlier month's chart is drawn wide only and scrolls sideways on a phone,
// unless authority.yaml asks for every month's (display: phoneCharts).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { buildMonthModel, reportMonths } from "../../scripts/metrics/model.ts";
import { buildSiteData, type SectionPage } from "../../scripts/site/siteData.ts";
import { check, copyFixture, editFile } from "../helpers/fixture.ts";
import { buildInto, readPage } from "../helpers/site.ts";

async function siteOf(dir: string, pdfMonths: string[] = []) {
  const { data } = loadValidData(dir);
  const months = reportMonths(data);
  const site = await buildSiteData(data, months.map((m) => buildMonthModel(data, m)), { pdfMonths });
  return { site, months };
}

/** Per month: how its section pages' charts are drawn ("both" or "wide"). */
function drawnByMonth(pages: SectionPage[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of pages) {
    for (const c of p.charts) {
      if (!c.svg) continue; // nothing drawn (a public edition's withheld chart)
      const kind = c.svgNarrow ? "both" : "wide";
      // Each drawing says how the page shows it.
      expect(c.svg).toContain(kind === "both" ? "bp-chart__svg--wide" : "bp-chart__svg--scroll");
      if (kind === "both") expect(c.svgNarrow).toContain("bp-chart__svg--narrow");
      out[p.month] = [...new Set([...(out[p.month] ?? []), kind])];
    }
  }
  return out;
}

describe("charts drawn for phones", () => {
  it("are the latest month's and the printed months'; an earlier month's are drawn wide only", async () => {
    const dir = copyFixture();
    const printed = months0(dir);
    const { site, months } = await siteOf(dir, [printed]);
    const latest = months.at(-1)!;
    const drawn = drawnByMonth(site.sectionPages);
    expect(Object.keys(drawn).length).toBeGreaterThanOrEqual(3);
    for (const m of months) {
      if (!drawn[m]) continue;
      expect(drawn[m], m).toEqual([m === latest || m === printed ? "both" : "wide"]);
    }
    expect(site.phoneMonths).toEqual([printed, latest]);
    // The indicator pages (every month on record) are the site's current pages: drawn for phones.
    const indicatorCharts = site.indicatorPages.flatMap((p) => [p.chart, p.spcChart]).filter((c) => c?.svg);
    expect(indicatorCharts.length).toBeGreaterThan(0);
    for (const c of indicatorCharts) expect(c!.svgNarrow).toContain("bp-chart__svg--narrow");
  });

  it("are every month's where authority.yaml asks (display: phoneCharts: every-month)", async () => {
    const dir = copyFixture();
    editFile(dir, "authority.yaml", (t) => t + "display: { phoneCharts: every-month }\n");
    const { site, months } = await siteOf(dir);
    const drawn = drawnByMonth(site.sectionPages);
    expect(Object.keys(drawn).length).toBeGreaterThanOrEqual(3);
    for (const kinds of Object.values(drawn)) expect(kinds).toEqual(["both"]);
    expect(site.phoneMonths).toEqual(months);
  });

  it("are asked for in words authority.yaml checks, with the line and the values it takes", () => {
    const dir = copyFixture();
    editFile(dir, "authority.yaml", (t) => t + "display:\n  phoneCharts: sometimes\n");
    const { errors } = check(dir);
    const line = 1 + fs.readFileSync(path.join(dir, "authority.yaml"), "utf8").split("\n").findIndex((l) => l.includes("phoneCharts"));
    expect(errors).toEqual([expect.objectContaining({ file: "authority.yaml", line, message: expect.stringMatching(/phoneCharts.*must be one of: latest, every-month.*sometimes/) })]);
  });

  it("are shown on a built page: an earlier month's chart in a box that scrolls, labelled for assistive technology", async () => {
    const dir = copyFixture();
    const { site, months } = await buildInto(dir, { noPdf: true });
    const earlier = readPage(site, `/${months.at(-2)}/${sectionWithCharts(site, months.at(-2)!)}/`);
    const box = earlier.querySelector(".bp-chart .bp-chart__scroll")!;
    expect(box).not.toBeNull();
    expect(box.getAttribute("role")).toBe("region");
    expect(box.getAttribute("tabindex")).toBe("0");
    expect(box.getAttribute("aria-label")).toMatch(/^Chart: ./);
    expect(box.querySelector("svg.bp-chart__svg--scroll")).not.toBeNull();
    expect(earlier.querySelector(".bp-chart__svg--narrow")).toBeNull();
    const latest = readPage(site, `/${months.at(-1)}/${sectionWithCharts(site, months.at(-1)!)}/`);
    expect(latest.querySelector(".bp-chart__scroll")).toBeNull();
    expect(latest.querySelector(".bp-chart__svg--narrow")).not.toBeNull();
  });
});

/** The fixture's earliest month with a report (printed in the first test). */
function months0(dir: string): string {
  const { data } = loadValidData(dir);
  return reportMonths(data)[0]!;
}

/** The first section of a month whose page has a chart. */
function sectionWithCharts(site: string, month: string): string {
  for (const s of fs.readdirSync(path.join(site, month))) {
    const file = path.join(site, month, s, "index.html");
    if (fs.existsSync(file) && fs.readFileSync(file, "utf8").includes("bp-chart__svg")) return s;
  }
  throw new Error(`no section of ${month} has a chart`);
}
