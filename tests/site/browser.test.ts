// The site as staff open it: from a folder or a file share (file://, no
// server), and on a phone (320 CSS px, WCAG 1.4.10 Reflow).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeBrowser, getBrowser } from "../helpers/browser.ts";
import { buildInto } from "../helpers/site.ts";

let site: string;
beforeAll(async () => {
  ({ site } = await buildInto("data", { noPdf: true }));
}, 300_000);
afterAll(closeBrowser);

const fileUrl = (page: string) => pathToFileURL(path.join(site, page)).href;

describe("opened from a folder (file://)", () => {
  it("applies the stylesheet on pages at every depth, and its links lead to pages that are styled too", async () => {
    const browser = await getBrowser();
    const page = await browser.newPage();
    try {
      const styled = () =>
        page.evaluate(() => ({
          // the header is the authority's colour (#00594f in the example) only if boardpack.css loaded
          header: getComputedStyle(document.querySelector(".bp-header")!).backgroundColor,
          font: getComputedStyle(document.querySelector("h1")!).fontFamily.split(",")[0],
        }));
      for (const start of ["index.html", "2020-12/referrals/index.html", "indicators/1-5/index.html"]) {
        await page.goto(fileUrl(start), { waitUntil: "load" });
        expect(await styled(), start).toEqual({ header: "rgb(0, 89, 79)", font: '"Liberation Sans"' });
      }
      // Follow links as a reader would: the breadcrumb, the site navigation and a section link.
      await page.goto(fileUrl("2020-12/referrals/index.html"), { waitUntil: "load" });
      const hrefs = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>(".govuk-breadcrumbs a, .bp-nav a, .govuk-pagination a")].map((a) => a.href));
      expect(hrefs.length).toBeGreaterThanOrEqual(5);
      for (const href of hrefs) {
        expect(href, "a file:// link names a file, not a folder").toMatch(/^file:\/\/.*\.html(#.*)?$/);
        const response = await page.goto(href, { waitUntil: "load" });
        expect(response === null || response.ok(), href).toBe(true);
        expect(await styled(), href).toEqual({ header: "rgb(0, 89, 79)", font: '"Liberation Sans"' });
      }
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe("breadcrumbs of an indicator page", () => {
  it("lead back to the month the reader came from, and to the latest month otherwise, with the page at its top", async () => {
    const browser = await getBrowser();
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 390, height: 800 });
      const visibleTrail = () =>
        page.evaluate(() => ({
          trails: [...document.querySelectorAll<HTMLElement>(".govuk-breadcrumbs")].filter((n) => n.offsetParent !== null).map((n) => n.innerText.replace(/\s+/g, " ").trim()),
          scrollY: window.scrollY,
        }));
      await page.goto(fileUrl("2020-06/referrals/index.html"), { waitUntil: "load" });
      // follow the section's link to an indicator, as a reader would
      const href = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>("main a")].find((a) => a.textContent!.startsWith("1.5 "))!.href);
      await page.goto(href, { waitUntil: "load" });
      expect(await visibleTrail()).toEqual({ trails: ["June 2020 Referrals 1.5"], scrollY: 0 });
      await page.goto(fileUrl("indicators/1-5/index.html"), { waitUntil: "load" });
      expect(await visibleTrail()).toEqual({ trails: ["December 2020 Referrals 1.5"], scrollY: 0 });
    } finally {
      await page.close();
    }
  }, 60_000);
});

// One page of every kind, and the pages whose tables and charts are widest.
const PAGE_KINDS = {
  "latest month report": "index.html",
  "earlier month report": "2020-06/index.html",
  section: "2020-12/referrals/index.html",
  "section with the widest table": "2020-12/looked-after-children/index.html",
  "section with termly tables": "2020-12/health-and-education/index.html",
  indicator: "indicators/1-5/index.html",
  "termly indicator": "indicators/6-13/index.html",
  "indicator index": "indicators/index.html",
  archive: "archive/index.html",
};

describe("on a phone, 320 CSS px wide (WCAG 1.4.10 Reflow)", () => {
  it("scrolls no page sideways as a whole: wide tables scroll in their own box", async () => {
    const browser = await getBrowser();
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 320, height: 640 });
      const wide: string[] = [];
      let tablesThatScroll = 0;
      for (const [kind, file] of Object.entries(PAGE_KINDS)) {
        await page.goto(fileUrl(file), { waitUntil: "load" });
        const m = await page.evaluate(() => ({
          width: document.documentElement.scrollWidth,
          // the boxes that hold wide tables do scroll, so the test looks at pages that need them
          scrolling: [...document.querySelectorAll(".bp-table-scroll")].filter((b) => b.scrollWidth > b.clientWidth).length,
        }));
        if (m.width > 320) wide.push(`${kind} (${file}): ${m.width} px`);
        tablesThatScroll += m.scrolling;
      }
      expect(wide).toEqual([]);
      expect(tablesThatScroll).toBeGreaterThan(15);
    } finally {
      await page.close();
    }
  }, 60_000);
});
