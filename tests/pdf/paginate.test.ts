// The print layout's rules (scripts/pdf/paginate.ts), tried in Chromium on
// made-up parts of every length: a heading keeps its table's first three
// rows, no page holds a single row of a table, a table's closing rows and
// footnotes stay with it, continued tables and pages say so, wide tables go
// landscape or are split by columns, and no page is taller than a page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "puppeteer-core";
import { launchBrowser } from "../../scripts/pdf/browser.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openPrintPage, paginatePage } from "../../scripts/pdf/print.ts";
import { startStaticServer } from "../../scripts/serve/staticServer.ts";
import { compileStyles } from "../../scripts/site/styles.ts";

let browser: Browser;
let page: Page;
const css = await compileStyles("print");
const siteCss = await compileStyles("boardpack");

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.emulateMediaType("print");
  await page.setViewport({ width: 1200, height: 900 });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

const rowsHtml = (n: number, tail = 0) =>
  Array.from({ length: n }, (_, i) => {
    const cls = i === n - tail ? ' class="govuk-table__cell bp-total"' : ' class="govuk-table__cell"';
    return `<tr><th>Row ${i + 1}</th><td${cls}>${i}</td><td>${i * 2}</td></tr>`;
  }).join("");
const table = (caption: string, n: number, tail = 0, columns = 3) =>
  `<table class="govuk-table"><caption>${caption}</caption><thead><tr>${Array.from({ length: columns }, (_, i) => `<th>Heading ${i}</th>`).join("")}</tr></thead><tbody>${rowsHtml(n, tail)}</tbody></table>`;
const filler = (mm: number) => `<div class="filler" style="height:${mm}mm;background:#eee"></div>`;

interface Fragment {
  page: number;
  caption: string;
  rows: string[];
  hasHead: boolean;
}
interface Laid {
  pages: { kind: string; height: number; limit: number; running: string | null; text: string }[];
  fragments: Fragment[];
}

async function lay(body: string): Promise<Laid> {
  await page.setContent(`<!DOCTYPE html><html lang="en"><head><style>${css}</style></head><body class="bp-print">${body}</body></html>`);
  await paginatePage(page);
  return page.evaluate(() => {
    const limit = (el: Element) => {
      const probe = document.createElement("div");
      probe.className = el.className;
      probe.style.height = "var(--bp-page-height)";
      document.body.appendChild(probe);
      const h = probe.getBoundingClientRect().height;
      probe.remove();
      return h;
    };
    const pages = Array.from(document.querySelectorAll(".bp-page"));
    return {
      pages: pages.map((p) => ({
        kind: p.classList.contains("bp-page--landscape") ? "landscape" : "portrait",
        height: (p.lastElementChild?.getBoundingClientRect().bottom ?? 0) - p.getBoundingClientRect().top,
        limit: limit(p),
        running: p.querySelector(".bp-running")?.textContent ?? null,
        text: p.textContent ?? "",
      })),
      fragments: pages.flatMap((p, n) =>
        Array.from(p.querySelectorAll("table")).map((t) => ({
          page: n + 1,
          caption: t.caption?.textContent ?? "",
          rows: Array.from(t.tBodies[0]?.rows ?? []).map((r) => r.cells[0]!.textContent ?? ""),
          hasHead: !!t.tHead,
        })),
      ),
    };
  });
}

describe("the print layout", () => {
  it("keeps every rule for tables of any length at any point of a page", async () => {
    for (const rows of [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 21, 30, 70]) {
      for (const before of [0, 60, 120, 160, 190, 200, 215, 225, 235, 245, 250]) {
        const laid = await lay(
          `<section class="bp-part" data-running="Part"><h1>Part</h1>${filler(before)}<h2>Sub-heading</h2>${table("The table", rows, rows > 6 ? 3 : 0)}<div class="bp-footnotes bp-keep-with-previous"><p class="bp-footnote">A footnote.</p></div></section>`,
        );
        const at = `${rows} rows after ${before}mm`;
        for (const p of laid.pages) expect(p.height, at).toBeLessThanOrEqual(p.limit);
        const frags = laid.fragments;
        expect(frags.flatMap((f) => f.rows), at).toEqual(Array.from({ length: rows }, (_, i) => `Row ${i + 1}`));
        // The heading and the table's first three rows (or a short table whole) share a page.
        const headingPage = laid.pages.findIndex((p) => p.text.includes("Sub-heading")) + 1;
        expect(frags[0]!.page, at).toBe(headingPage);
        expect(frags[0]!.rows.length, at).toBeGreaterThanOrEqual(Math.min(3, rows));
        if (rows <= 4) expect(frags, at).toHaveLength(1);
        for (const f of frags) {
          // No page holds a single row of a table that has more.
          if (rows > 1) expect(f.rows.length, `${at}: page ${f.page}`).toBeGreaterThan(1);
          expect(f.hasHead, at).toBe(true);
        }
        frags.slice(1).forEach((f) => expect(f.caption, at).toBe("The table (continued)"));
        // The closing rows together, with two rows before them, and the footnote with the last rows.
        if (rows > 6) {
          const closing = frags.find((f) => f.rows.includes(`Row ${rows - 2}`))!;
          expect(closing.rows.slice(-5), at).toEqual([rows - 4, rows - 3, rows - 2, rows - 1, rows].map((r) => `Row ${r}`));
        }
        expect(laid.pages.findIndex((p) => p.text.includes("A footnote.")) + 1, at).toBe(frags.at(-1)!.page);
        laid.pages.slice(1).forEach((p) => expect(p.running, at).toBe("Part (continued)"));
      }
    }
  }, 120_000);

  it("breaks a table's closing rows before a group (annual trend, benchmarks) rather than leaving a third of the page blank", async () => {
    // 12 months, YTD, 5 years of annual trend, 4 benchmarks: as a section table of the pack.
    const months = Array.from({ length: 12 }, (_, i) => `<tr><th>Month ${i + 1}</th><td>${i}</td></tr>`).join("");
    const years = Array.from({ length: 5 }, (_, i) => `<tr><th${i === 0 ? ' class="bp-group-start"' : ""}>Year ${i + 1}</th><td>${i}</td></tr>`).join("");
    const benchmarks = Array.from({ length: 4 }, (_, i) => `<tr><th${i === 0 ? ' class="bp-group-start"' : ""}>Benchmark ${i + 1}</th><td>${i}</td></tr>`).join("");
    const t = `<table class="govuk-table"><caption>Closing groups</caption><thead><tr><th>Month</th><th>Figure</th></tr></thead><tbody>${months}<tr><th class="bp-total">YTD</th><td>1</td></tr>${years}${benchmarks}</tbody></table>`;
    const breaks: string[] = [];
    for (const before of [120, 140, 150, 160, 170, 180, 190, 200]) {
      const laid = await lay(`<section class="bp-part" data-running="Part"><h1>Part</h1>${filler(before)}<h2>Sub-heading</h2>${t}</section>`);
      const frags = laid.fragments;
      for (const p of laid.pages) expect(p.height, `${before}mm`).toBeLessThanOrEqual(p.limit);
      if (frags.length < 2) continue;
      const next = frags[1]!.rows[0]!;
      breaks.push(next);
      // A page breaks inside the months (two of them overleaf with the YTD), or before a group of closing rows.
      expect(/^Month (1[12]|[1-9])$/.test(next) || next === "Year 1" || next === "Benchmark 1", `${before}mm: the next page starts with ${next}`).toBe(true);
      if (/^Month/.test(next)) expect(Number(next.split(" ")[1]), `${before}mm`).toBeLessThanOrEqual(11);
    }
    // Where the months, the YTD and the annual trend fit, the benchmarks go overleaf, not the last months with all the closing rows.
    expect(breaks).toContain("Benchmark 1");
  }, 60_000);

  it("puts a table too wide for a portrait page on a landscape page, and splits one too wide for that by columns", async () => {
    const wide = await lay(`<section class="bp-part" data-running="Part"><h1>Part</h1>${table("Wide", 8, 0, 16)}</section>`);
    expect(wide.pages.map((p) => p.kind)).toEqual(["landscape"]);
    const wider = await lay(`<section class="bp-part" data-running="Part"><h1>Part</h1>${table("Wider", 8, 0, 30)}</section>`);
    expect(wider.fragments.length).toBeGreaterThan(1);
    expect(wider.fragments[0]!.caption).toMatch(/^Wider \(columns 2 to \d+ of 30\)$/);
    expect(wider.pages.every((p) => p.kind === "landscape")).toBe(true);
  });

  it("starts a section on the page the previous one ends on when half the page is free, else on a new page", async () => {
    const section = (name: string, mm: number) => `<section class="bp-part" data-running="${name}" data-may-share-page><h1>${name}</h1><p>Some text.</p>${filler(mm)}</section>`;
    expect((await lay(section("One", 60) + section("Two", 60))).pages).toHaveLength(1);
    expect((await lay(section("One", 180) + section("Two", 60))).pages).toHaveLength(2);
  });
});

describe("the print page opened to be placed", () => {
  it("lays out none of its parts as it loads, and places them as when they were laid out (the page's own classes kept)", async () => {
    const part = (n: number) => `<section class="bp-part" data-running="Part ${n}"><h1>Part ${n}</h1>${filler(100)}${table(`Table ${n}`, 30, 3)}</section>`;
    const html = `<!DOCTYPE html><html lang="en" class="own-class"><head><style>${css}</style></head><body class="bp-print">${part(1)}${part(2)}</body></html>`;
    // Served as the build serves its print pages.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-placing-"));
    fs.writeFileSync(path.join(dir, "index.html"), html);
    const server = await startStaticServer(dir);
    const url = server.url;
    const placed = async (toPlace: boolean) => {
      const tab = await browser.newPage();
      try {
        // The same URL both times: the second is answered from the browser's cache (a 304), and opens all the same.
        await openPrintPage(tab, url, { toPlace });
        const loaded = await tab.evaluate(() => ({ classes: document.documentElement.className, display: getComputedStyle(document.querySelector(".bp-part")!).display }));
        const result = await paginatePage(tab);
        const pages = await tab.evaluate(() => ({ classes: document.documentElement.className, texts: Array.from(document.querySelectorAll(".bp-page"), (p) => p.textContent) }));
        return { loaded, result, pages };
      } finally {
        await tab.close();
      }
    };
    try {
      const hidden = await placed(true);
      expect(hidden.loaded).toEqual({ classes: "own-class bp-placing", display: "none" });
      expect(hidden.pages.classes).toBe("own-class");
      const shown = await placed(false);
      expect(shown.loaded).toEqual({ classes: "own-class", display: "block" });
      expect(hidden.result.pages).toBeGreaterThan(2);
      expect(hidden.result).toEqual(shown.result);
      expect(hidden.pages.texts).toEqual(shown.pages.texts);
    } finally {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("the print stylesheet", () => {
  it("keeps a gap between a figure and a left-aligned cell after it (a note across columns, a verdict)", async () => {
    await page.setContent(
      // The site's stylesheet (GOV.UK Frontend: figures right-aligned) and the print one, as the print page loads them.
      `<!DOCTYPE html><html lang="en"><head><style>${siteCss}${css}</style></head><body class="bp-print"><div class="bp-page bp-page--portrait">` +
        `<table class="govuk-table bp-section-print-table"><thead class="govuk-table__head"><tr class="govuk-table__row"><th class="govuk-table__header"></th>` +
        `${["6.13 % of LAC with a PEP", "6.14 % of LAC with up to date PEPs", "6.15 Overall absence", "6.16 Persistent absentees"].map((h) => `<th class="govuk-table__header govuk-table__header--numeric">${h}</th>`).join("")}</tr></thead>` +
        `<tbody class="govuk-table__body"><tr class="govuk-table__row"><th class="govuk-table__header">Summer term 2019/20</th><td class="govuk-table__cell govuk-table__cell--numeric">98.9%</td><td class="govuk-table__cell govuk-table__cell--numeric">96.5%</td>` +
        `<td class="govuk-table__cell bp-note bp-note--wide" colspan="2">Summer Term 2019/20 was during Covid-19 lockdown.</td></tr></tbody></table></div></body></html>`,
    );
    const gap = await page.evaluate(() => {
      const textBox = (el: Element) => {
        const r = document.createRange();
        r.selectNodeContents(el);
        return r.getBoundingClientRect();
      };
      const cells = document.querySelectorAll("tbody td");
      return textBox(cells[2]!).left - textBox(cells[1]!).right;
    });
    // 2.5 mm or more between "96.5%" and the note (3.78 px to the mm).
    expect(gap).toBeGreaterThanOrEqual(2.5 * 3.78);
  });
});
