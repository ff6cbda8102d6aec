// The printed board pack of the example, read back from the PDF.
import fs from "node:fs";
import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { readOutline } from "../../scripts/pdf/outline.ts";
import { printBoardPack } from "../../scripts/pdf/print.ts";
import { launchBrowser } from "../../scripts/pdf/browser.ts";
import { findChromium, findFullBrowser, isHeadlessShell } from "../../scripts/setup/chromium.mjs";
import type { BuildResult } from "../../scripts/build/pipeline.ts";
import { buildInto } from "../helpers/site.ts";
import { pdfInfo, pdfPages } from "../helpers/pdf.ts";
import { readLayout, type PageLayout } from "../helpers/pdfLayout.ts";
import { buildMonthModel } from "../../scripts/metrics/model.ts";
import { usesTerm } from "../../scripts/site/glossary.ts";
import { GLOSSARY_TERMS } from "../../scripts/site/glossaryTerms.ts";

let build: BuildResult & { site: string };
let file: string;
let pages: string[];
let layout: PageLayout[];

beforeAll(async () => {
  build = await buildInto("data");
  file = build.pdf!.file;
  pages = pdfPages(file);
  layout = await readLayout(file);
}, 600_000);

/** Pages (1-based) with a part's title set as a part heading (18pt); sections may start part-way down a page. */
const headingPages = (title: string) =>
  layout
    .filter((p) => {
      const lines = [...new Map(p.boxes.filter((b) => b.size >= 17).map((b) => [Math.round(b.top), ""])).keys()].map((top) =>
        p.boxes.filter((b) => b.size >= 17 && Math.round(b.top) === top).map((b) => b.text).join(" ").replace(/\s+/g, " ").trim(),
      );
      return lines.some((l, i) => l === title || `${l} ${lines[i + 1] ?? ""}`.trim() === title);
    })
    .map((p) => p.page);

/** Runs `fn` with BOARDPACK_CHROMIUM set to `executable`, and puts the variable back as it was. */
async function withChromium<T>(executable: string, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.BOARDPACK_CHROMIUM;
  process.env.BOARDPACK_CHROMIUM = executable;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.BOARDPACK_CHROMIUM;
    else process.env.BOARDPACK_CHROMIUM = saved;
  }
}

const body = (text: string) =>
  text
    .split("\n")
    .slice(1, -2) // running header, footer
    .join("\n")
    .trim();

describe("the board pack PDF", () => {
  it("is written as dist/board-pack-YYYY-MM.pdf and offered on the site", () => {
    expect(file.endsWith("board-pack-2020-12.pdf")).toBe(true);
    expect(fs.existsSync(`${build.site}/pdf/board-pack-2020-12.pdf`)).toBe(true);
  });

  it("has a page count in the expected range", () => {
    expect(pages.length - 1).toBe(build.pdf!.pages);
    expect(build.pdf!.pages).toBeGreaterThanOrEqual(40);
    expect(build.pdf!.pages).toBeLessThanOrEqual(120);
  });

  it("starts with a cover: title, authority, month, status, date created, author and caveat", () => {
    const cover = pages[1]!;
    expect(cover).toContain("Rotherham Metropolitan Borough Council");
    expect(cover).toMatch(/Safeguarding Children & Families\s+Monthly Performance Report/);
    expect(cover).toMatch(/As at month end: December 2020/);
    expect(cover).toMatch(/Status\s+Issue 1/);
    expect(cover).toMatch(/Date created\s+23 February 2021/);
    expect(cover).toMatch(/Created by\s+Performance & Quality Team/);
    expect(cover).toMatch(/changes in figures when reports are re-run/);
  });

  it("contains every section title and every indicator reference", () => {
    const all = pages.join("\n");
    for (const s of build.data.sections) expect(all, s.title).toContain(s.title);
    const words = new Set(all.split(/\s+/));
    const missing = build.data.indicators.map((i) => i.ref).filter((ref) => !words.has(ref));
    expect(missing).toEqual([]);
  });

  it("gives in its contents the page where each part starts, and under the summary and appendix their own headings' pages", () => {
    const contents = pages[2]!;
    expect(contents).toMatch(/^\s*Contents/m);
    const lines = [...contents.matchAll(/^(\s*)(\S.*?)\s{2,}(\d+)\s*$/gm)].map((m) => ({ sub: m[1]!.length > 0, title: m[2]!.trim(), page: Number(m[3]) }));
    const parts = lines.filter((e) => !e.sub);
    expect(parts.map((e) => e.title)).toEqual(["At a glance", "Performance summary", ...build.data.sections.map((s) => s.title), "Appendix: definitions and restated figures"]);
    for (const e of parts) expect(headingPages(e.title), `${e.title} on page ${e.page}`).toEqual([e.page]);
    // The summary's sections (every section with an indicator in the summary), each on the page its heading is on.
    const summary = parts.find((e) => e.title === "Performance summary")!.page;
    const subs = lines.filter((e) => e.sub);
    const inSummary = build.data.sections.filter((x) => build.data.indicators.some((i) => i.section === x.id && i.inSummary)).map((x) => x.title);
    expect(subs.map((e) => e.title)).toEqual([...inSummary, "Glossary", "Figures restated since the previous report"]);
    for (const e of subs) {
      expect(e.page, e.title).toBeGreaterThanOrEqual(summary);
      // The heading itself, a line of its own on that page.
      expect(body(pages[e.page]!), `${e.title} on page ${e.page}`).toMatch(new RegExp(`^\\s*${e.title.replace(/[()']/g, ".")}\\s*$`, "m"));
    }
  });

  it("prints the summary in landscape and the sections in portrait, A4", () => {
    const startingWith = (title: string) => pages.findIndex((p, i) => i > 0 && body(p).split("\n")[0]!.trim() === title);
    const size = (page: number) => pdfInfo(file, page)[`Page ${String(page).padStart(4)} size`];
    expect(size(startingWith("Performance summary"))).toMatch(/^841\.\d+ x 59\d\.\d+ pts \(A4\)/);
    // the Referrals section (not the summary page with its Referrals table)
    const [section] = headingPages("Referrals");
    expect(section).toBeGreaterThan(3);
    expect(size(section!)).toMatch(/^59\d\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(size(1)).toMatch(/^59\d\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it("has a running header and Page X of Y on every page but the cover's header", () => {
    const n = pages.length - 1;
    for (let i = 2; i <= n; i++) {
      expect(pages[i]!.split("\n")[0], `header of page ${i}`).toMatch(/Monthly Performance Report – December 2020/);
      expect(pages[i], `footer of page ${i}`).toMatch(new RegExp(`Page ${i} of ${n}\\s*$`));
    }
  });

  it("has no empty page", () => {
    const empty = pages.map((p, i) => ({ i, text: body(p) })).filter(({ i, text }) => i > 0 && text.replace(/\s+/g, "").length < 40);
    expect(empty.map((e) => e.i)).toEqual([]);
  });

  it("has bookmarks for every section", async () => {
    const outline = await readOutline(fs.readFileSync(file));
    const top = outline.filter((o) => o.depth === 0).map((o) => o.title);
    for (const s of build.data.sections) expect(top, s.title).toContain(s.title);
    expect(top).toContain("Performance summary");
    // no text doubled or run together by Chromium's outline
    expect(outline.find((o) => /Safeguarding/.test(o.title))!.title).toBe("Safeguarding Children & Families Monthly Performance Report");
  });

  it("is tagged and carries title, author, subject and language", async () => {
    const info = pdfInfo(file);
    expect(info.Tagged).toBe("yes");
    expect(info.Title).toBe("Safeguarding Children & Families Monthly Performance Report – December 2020");
    expect(info.Author).toBe("Rotherham Metropolitan Borough Council");
    expect(info.Subject).toMatch(/as at month end December 2020/);
    const doc = await PDFDocument.load(fs.readFileSync(file), { updateMetadata: false });
    expect((doc.catalog.lookup(PDFName.of("Lang")) as PDFString).decodeText()).toBe("en-GB");
    expect(doc.catalog.lookup(PDFName.of("StructTreeRoot"))).toBeTruthy();
  });

  it("shows RAG and direction of travel as words in the text, not colour alone", () => {
    const summary = pages.filter((p) => /YTD/.test(p) && /RAG/.test(p)).join("\n");
    expect(summary).toMatch(/\bRed\b/);
    expect(summary).toMatch(/\bGreen\b/);
    expect(summary).toMatch(/↑|↓/);
  });

  it("lists on its at-a-glance pages every indicator rated red, each with its section's first page and its summary row's page", () => {
    const model = buildMonthModel(build.data, "2020-12");
    const starts = (title: string) => headingPages(title)[0]!;
    const glanceFrom = starts("At a glance");
    const summaryFrom = starts("Performance summary");
    const sectionsFrom = starts(build.data.sections[0]!.title);
    const glanceLines = pages.slice(glanceFrom, summaryFrom).flatMap((p) => body(p).split("\n"));
    const red = model.indicators.filter((i) => i.rag === "red");
    expect(red.length).toBeGreaterThan(10);
    for (const i of red) {
      const at = glanceLines.findIndex((l) => l.trim().startsWith(`${i.ref} `));
      expect(at, i.ref).toBeGreaterThanOrEqual(0);
      const next = glanceLines.findIndex((l, k) => k > at && /^\s*\S+\s{2,}/.test(l) && model.indicators.some((x) => l.trim().startsWith(`${x.ref} `)));
      const block = glanceLines.slice(at, next < 0 ? undefined : next).join(" ");
      expect(block, i.ref).toMatch(/\bRed\b/);
      const sectionTitle = build.data.sections.find((x) => x.id === i.section)!.title;
      expect(Number(/\(p\. (\d+)\)/.exec(block)?.[1]), `${i.ref}: ${sectionTitle}`).toBe(starts(sectionTitle));
      // The summary page: the first page of the summary with the indicator's row.
      const summaryPage = Number(/(\d+)\s*$/.exec(glanceLines[at]!)?.[1]);
      const rowPage = pages.findIndex((p, n) => n >= summaryFrom && n < sectionsFrom && body(p).split("\n").some((l) => l.trim().startsWith(`${i.ref} `)));
      expect(summaryPage, `${i.ref} in the summary`).toBe(rowPage);
    }
  });

  it("prints a glossary of the abbreviations the pack uses, and only those", () => {
    const from = pages.findIndex((p, n) => n > 2 && /^\s*Glossary\s*$/m.test(body(p)));
    expect(from).toBeGreaterThan(0);
    const text = pages.slice(from).join("\n");
    const table = text.slice(text.search(/^\s*Abbreviation\s+Meaning/m), text.search(/^\s*Figures restated/m));
    const printed = [...table.matchAll(/^\s*(\S+)\s{2,}\S/gm)].map((m) => m[1]!).filter((t) => t !== "Abbreviation");
    for (const t of ["DoT", "RAG", "YTD", "SN", "LAC", "CIN", "CP", "CPP", "ICPC", "S47", "SGO", "PEP", "SHOBPA"]) expect(printed, t).toContain(t);
    // Each one is used elsewhere in the pack; terms of the built-in list the pack does not use are left out.
    const rest = pages.slice(0, from).join("\n");
    for (const t of printed) expect(usesTerm(rest, t) || (t === "CYP" && usesTerm(rest, "cyp")), t).toBe(true);
    for (const t of GLOSSARY_TERMS.map((g) => g.term).filter((g) => !printed.includes(g))) expect(usesTerm(rest, t), `${t} is used but not in the glossary`).toBe(false);
    expect(printed).not.toContain("UASC");
  });

  it("uses the site's plain words, not the catalogue's codes: which way is good, how a figure is worked out, the unit", () => {
    // In reading order (a cell's words together), not laid out in columns.
    const all = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const flat = all.replace(/\s+/g, " ");
    // The summary and the appendix: never "Good performance is" with "Info", "High" or "Low", "entered", or a "Data note" column of units.
    expect(all).not.toMatch(/Good performance is/);
    expect(all).not.toMatch(/(^|\s)(Info|High|Low)(\s|$)/m);
    expect(all).not.toMatch(/\b(entered|rolling12|ratio)\b/);
    expect(all).not.toMatch(/Data note(?!:)/); // the commentary's "Data note: ..." is the source's words
    // The words the site uses (scripts/site/words.ts), under the headings the site uses.
    expect(flat).toContain("Good performance Unit");
    for (const words of ["For information", "Higher is better", "Lower is better", "Each figure comes from the performance team each month", "As reported", "Worked out by boardpack each month: 1.5b per 10,000 children"]) {
      expect(flat, words).toContain(words);
    }
  });

  it("has no empty month of the rest of the year in its tables", () => {
    expect(pages.join("\n")).not.toMatch(/^\s*(Jan|Feb|Mar)-21\s*$/m);
  });

  it("is the same file when printed again from the same data, in the full Chromium as in its headless shell", async () => {
    const again = `${build.outDir}/again.pdf`;
    // The build prints with the headless shell where there is one (CI installs both): the full browser must give the same bytes.
    const full = findFullBrowser();
    const browser = full && isHeadlessShell(findChromium() ?? "") ? await withChromium(full, launchBrowser) : await launchBrowser();
    await printBoardPack({
      browser,
      siteDir: build.site,
      printPath: "/print/2020-12/",
      outFile: again,
      metadata: {
        title: "Safeguarding Children & Families Monthly Performance Report – December 2020",
        author: "Rotherham Metropolitan Borough Council",
        subject: "Safeguarding Children & Families Monthly Performance Report, as at month end December 2020",
        keywords: ["children's social care", "performance", "board pack", "2020-12"],
        language: "en-GB",
        date: new Date("2021-02-23T12:00:00Z"),
      },
    });
    await browser.close();
    expect(Buffer.compare(fs.readFileSync(again), fs.readFileSync(file))).toBe(0);
  });
});

describe("npm run build -- --all-pdfs", () => {
  it("prints every month's board pack and links each from the archive", async () => {
    const all = await buildInto("tests/fixtures/minimal", { allPdfs: true });
    for (const m of ["2020-10", "2020-11", "2020-12"]) {
      expect(fs.existsSync(`${all.outDir}/board-pack-${m}.pdf`), m).toBe(true);
      expect(fs.readFileSync(`${all.site}/archive/index.html`, "utf8")).toContain(`/pdf/board-pack-${m}.pdf`);
    }
    expect(pdfPages(`${all.outDir}/board-pack-2020-10.pdf`).join("\n")).toMatch(/As at month end: October 2020/);
  });
});

describe("npm run build -- --month", () => {
  it("prints the board pack of another month", async () => {
    const other = await buildInto("tests/fixtures/minimal", { month: "2020-11" });
    expect(other.pdf!.file.endsWith("board-pack-2020-11.pdf")).toBe(true);
    const text = pdfPages(other.pdf!.file).join("\n");
    expect(text).toMatch(/As at month end: November 2020/);
    expect(pdfInfo(other.pdf!.file).CreationDate).toMatch(/Nov 30 12:00:00 2020/);
  });
});
