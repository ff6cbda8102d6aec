// Charts as readers get them, measured in headless Chromium on the built
// example: chart text at 11 CSS px or more on a 390 px phone and on a desktop
// (each sees the drawing made for it; an earlier month's, drawn wide only,
// scrolls in its box on a phone), at 8 pt or more where the print layout
// places the chart, keys that survive WCAG 1.4.12 text spacing, and every icon
// of the summary in its key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "puppeteer-core";
import { startStaticServer, type StaticServer } from "../../scripts/serve/staticServer.ts";
import { closeBrowser, getBrowser } from "../helpers/browser.ts";
import { buildInto } from "../helpers/site.ts";

let server: StaticServer;

beforeAll(async () => {
  const { site } = await buildInto("data");
  server = await startStaticServer(site);
}, 400_000);

afterAll(async () => {
  await closeBrowser();
  await server?.close();
});

const PAGES = ["2020-12/contacts/", "2020-12/health-and-education/", "2020-12/adoption/", "indicators/1-2-pct/", "indicators/10-5/"];

async function open(url: string, width: number, setup?: (page: Page) => Promise<void>): Promise<Page> {
  const page = await (await getBrowser()).newPage();
  await page.setViewport({ width, height: 900 });
  // The pages' Content-Security-Policy refuses inline styles; these checks add one (WCAG text spacing).
  await page.setBypassCSP(true);
  await setup?.(page);
  const response = await page.goto(server.url + url, { waitUntil: "load" });
  // The static server answers a page the browser has already seen with 304 (it sends ETags).
  expect([200, 304]).toContain(response?.status());
  return page;
}

interface ShownChart {
  cls: string;
  /** Smallest text of the chart as shown, in CSS px. */
  smallest: number;
  width: number;
}

/** Each chart drawing the reader sees (displayed, not hidden), with its smallest text as rendered. */
function shownCharts(page: Page): Promise<ShownChart[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGSVGElement>("svg.bp-chart__svg")]
      .filter((svg) => getComputedStyle(svg).display !== "none")
      .map((svg) => {
        const scale = svg.getBoundingClientRect().width / svg.width.baseVal.value;
        const sizes = [...svg.querySelectorAll("text")].map((t) => parseFloat(t.getAttribute("font-size") ?? getComputedStyle(t).fontSize));
        return { cls: svg.getAttribute("class") ?? "", smallest: Math.min(...sizes) * scale, width: svg.getBoundingClientRect().width };
      }),
  );
}

describe("chart text on screen", () => {
  for (const [width, drawing] of [
    [390, "narrow"],
    [320, "narrow"],
    [1280, "wide"],
  ] as const) {
    it(`is 11 CSS px or more at a ${width} px viewport (the ${drawing} drawing)`, async () => {
      for (const url of PAGES) {
        const page = await open(url, width);
        try {
          const shown = await shownCharts(page);
          expect(shown.length, url).toBeGreaterThan(0);
          for (const c of shown) {
            expect(c.cls, url).toContain(`bp-chart__svg--${drawing}`);
            expect(c.smallest, `${url}: smallest chart text ${c.smallest.toFixed(1)} px`).toBeGreaterThanOrEqual(11);
            expect(c.width, url).toBeLessThanOrEqual(width);
          }
          // Exactly one drawing of each chart is shown.
          const figures = await page.$$eval("figure.bp-chart", (fs) => fs.length);
          expect(shown.length, url).toBe(figures);
        } finally {
          await page.close();
        }
      }
    });
  }
});

describe("an earlier month's chart (drawn wide only)", () => {
  const url = "2020-06/contacts/";
  for (const width of [390, 320, 1280]) {
    it(`keeps its text at 11 CSS px or more at a ${width} px viewport, ${width < 700 ? "scrolling sideways in its own box, not the page" : "filling the column"}`, async () => {
      const page = await open(url, width);
      try {
        const shown = await shownCharts(page);
        expect(shown.length).toBe(await page.$$eval("figure.bp-chart", (fs) => fs.length));
        for (const c of shown) {
          expect(c.cls).toContain("bp-chart__svg--scroll");
          expect(c.smallest, `smallest chart text ${c.smallest.toFixed(1)} px`).toBeGreaterThanOrEqual(11);
        }
        const boxes = await page.$$eval(".bp-chart__scroll", (bs) => bs.map((b) => ({ scrolls: b.scrollWidth > b.clientWidth + 1, right: b.getBoundingClientRect().right })));
        expect(boxes.length).toBe(shown.length);
        for (const b of boxes) {
          expect(b.scrolls).toBe(width < 700);
          expect(b.right).toBeLessThanOrEqual(width);
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      } finally {
        await page.close();
      }
    });
  }
});

describe("chart text in print", () => {
  it("is 8 pt or more where the print layout places each chart (A4 portrait column)", async () => {
    // Chromium lays out a printed page at its content width: A4 portrait (210 mm) less the
    // print stylesheet's 13 mm margins either side, 184 mm (695 CSS px).
    const page = await open("print/2020-12/", Math.round((184 * 96) / 25.4), async (p) => {
      await p.emulateMediaType("print");
    });
    try {
      const charts = await page.evaluate(() =>
        [...document.querySelectorAll<SVGSVGElement>(".bp-print-chart svg.bp-chart__svg")].map((svg) => {
          const scale = svg.getBoundingClientRect().width / svg.width.baseVal.value;
          const sizes = [...svg.querySelectorAll("text")].map((t) => parseFloat(t.getAttribute("font-size") ?? "0"));
          return { scale, smallestPt: (Math.min(...sizes) * scale * 72) / 96, narrow: svg.classList.contains("bp-chart__svg--narrow") };
        }),
      );
      expect(charts.length).toBeGreaterThan(40);
      expect(charts.filter((c) => c.narrow)).toEqual([]);
      for (const c of charts) expect(c.smallestPt).toBeGreaterThanOrEqual(8);
      // Every chart prints with its key (as HTML, not cut).
      const keys = await page.$$eval(".bp-print-chart", (fs) => fs.map((f) => ({ key: f.querySelector(".bp-chart-key")?.textContent ?? "", svg: !!f.querySelector("svg") })));
      expect(keys.every((k) => k.svg)).toBe(true);
      expect(keys.filter((k) => k.key.includes("…"))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe("chart keys", () => {
  it("are HTML that wraps: with WCAG 1.4.12 text spacing no entry overlaps another or is cut", async () => {
    for (const width of [390, 1280]) {
      for (const url of PAGES) {
        const page = await open(url, width);
        try {
          await page.addStyleTag({ content: "* { letter-spacing: 0.12em !important; word-spacing: 0.16em !important; line-height: 1.5 !important; } p { margin-bottom: 2em !important; }" });
          const problems = await page.evaluate(() => {
            const out: string[] = [];
            for (const key of document.querySelectorAll(".bp-chart-key")) {
              const items = [...key.querySelectorAll<HTMLElement>(".bp-chart-key__item")];
              if (!items.length) continue;
              const rects = items.map((i) => i.getBoundingClientRect());
              rects.forEach((a, i) => {
                rects.slice(i + 1).forEach((b, j) => {
                  if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) out.push(`"${items[i]!.textContent}" overlaps "${items[i + 1 + j]!.textContent}"`);
                });
                const label = items[i]!.querySelector<HTMLElement>(".bp-chart-key__label")!;
                if (label.scrollWidth > label.clientWidth + 1) out.push(`"${label.textContent}" cut`);
                if (a.right > document.documentElement.clientWidth + 0.5) out.push(`"${items[i]!.textContent}" beyond the viewport`);
              });
            }
            return out;
          });
          expect(problems, `${url} at ${width} px`).toEqual([]);
          // The keys are there to be checked: the contacts page's charts have keys.
          if (url.includes("contacts")) expect(await page.$$eval(".bp-chart-key__item", (i) => i.length)).toBeGreaterThan(5);
        } finally {
          await page.close();
        }
      }
    }
  });

  it("are drawn outside the SVG: no chart draws a Vega legend", async () => {
    const page = await open("2020-12/contacts/", 1280);
    try {
      expect(await page.$$eval("svg.bp-chart__svg .role-legend", (l) => l.length)).toBe(0);
    } finally {
      await page.close();
    }
  });
});

describe("the summary's icons", () => {
  it("are every one in the key", async () => {
    const page = await open("", 1280);
    try {
      const { used, keyed } = await page.evaluate(() => ({
        used: [...new Set([...document.querySelectorAll(".bp-summary svg.bp-icon")].map((s) => s.getAttribute("aria-label")))],
        keyed: [...document.querySelectorAll(".bp-key svg.bp-icon")].map((s) => s.getAttribute("aria-label")),
      }));
      expect(used.length).toBeGreaterThan(2);
      expect(used.filter((u) => !keyed.includes(u))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
