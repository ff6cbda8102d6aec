// The example's board pack read as a board member reads it, for two months
// (a different month moves every page break): no text under 8pt, no text cut
// short with "…", no heading at the foot of a page without its content, a
// tag structure poppler reads without error, headings nested in order and
// tables tagged as tables. The checks themselves are
// tried on a PDF with each fault, so they can fail.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "puppeteer-core";
import { launchBrowser } from "../../scripts/pdf/browser.ts";
import { buildInto } from "../helpers/site.ts";
import { printQualityProblems, structureErrors } from "../helpers/printQuality.ts";

describe.each(["2020-12", "2020-06"])("the board pack of %s", (month) => {
  let problems: string[];
  let layoutWarnings: string[];
  beforeAll(async () => {
    const build = await buildInto("data", { month });
    problems = await printQualityProblems(build.pdf!.file);
    layoutWarnings = build.pdf!.layoutWarnings;
  }, 600_000);

  it("has every block placed by the layout's rules (none taller or wider than a page)", () => {
    expect(layoutWarnings).toEqual([]);
  });

  it("has no text under 8pt", () => {
    expect(problems.filter((p) => /pt \(under/.test(p))).toEqual([]);
  });
  it("has no heading at the foot of a page without its content", () => {
    expect(problems.filter((p) => /heading/.test(p))).toEqual([]);
  });
  it("has no text cut short with an ellipsis, in its tables or its charts", () => {
    expect(problems.filter((p) => /cut short/.test(p))).toEqual([]);
  });
  it("has no table text running into the next column", () => {
    expect(problems.filter((p) => /runs into/.test(p))).toEqual([]);
  });
  it("has a tag structure poppler reads without error", () => {
    expect(problems.filter((p) => /^pdfinfo/.test(p))).toEqual([]);
  });
  it("has its headings nested in order and its tables tagged as tables", () => {
    expect(problems.filter((p) => /skip a level|TR\)|cell \(|without rows/.test(p))).toEqual([]);
  });
});

describe("the print-quality checks", () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-quality-"));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  const print = async (body: string): Promise<string> => {
    const page = await browser.newPage();
    await page.setContent(`<!DOCTYPE html><html lang="en"><head><style>@page { size: A4; margin: 15mm } body { font: 10pt "Liberation Sans", sans-serif; margin: 0 }</style></head><body>${body}</body></html>`);
    const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
    fs.writeFileSync(file, await page.pdf({ preferCSSPageSize: true, tagged: true }));
    await page.close();
    return file;
  };

  it("find text under 8pt, text cut with an ellipsis, and a heading left at the foot of a page", async () => {
    const rows = Array.from({ length: 6 }, (_, i) => `<tr><th>Row ${i}</th><td>${i}</td></tr>`).join("");
    const file = await print(
      `<p style="font-size:7pt">Small print</p><p>A label cut short…</p><div style="height:235mm"></div>` +
        `<table><caption>A table at the foot</caption><thead><tr><th>Month</th><th>Figure</th></tr></thead><tbody>${rows}</tbody></table>`,
    );
    const problems = await printQualityProblems(file);
    expect(problems.some((p) => /"Small print" is set at 7\.0pt/.test(p))).toBe(true);
    expect(problems.some((p) => /cut short/.test(p))).toBe(true);
    expect(problems.some((p) => /heading "A table at the foot"/.test(p))).toBe(true);
  });

  it("find a table header's long word running into the next column", async () => {
    const file = await print(
      `<table style="table-layout:fixed;width:80mm;border-collapse:collapse"><thead><tr><th style="width:14mm;text-align:right;vertical-align:bottom;padding:0">Maximum caseload in Safeguarding</th><th style="text-align:left;vertical-align:bottom;padding:0">Maximum caseload of workers in LAC</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>`,
    );
    expect((await printQualityProblems(file)).join("\n")).toMatch(/table text "Safeguarding" runs into "[^"]*LAC"/);
  });

  it("pass a page that keeps its heading with its content", async () => {
    const file = await print(`<h1>Title</h1><p>Text under the title, in 10pt.</p>`);
    expect(await printQualityProblems(file)).toEqual([]);
  });

  it("find a heading level skipped", async () => {
    const file = await print(`<h1>Title</h1><p>Text.</p><h3>A level down too far</h3><p>More text.</p>`);
    expect(await printQualityProblems(file)).toEqual(["page 1: an H3 follows an H1: headings skip a level"]);
  });

  it("read poppler's structure errors (a Strong element without a role map)", async () => {
    const file = await print(`<p>Some <strong>bold</strong> words.</p>`);
    expect(structureErrors(file).join("\n")).toMatch(/StructElem object is wrong type \(Strong\)/);
  });
});
