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
