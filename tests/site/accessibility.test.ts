// WCAG 2.2 AA: axe-core in headless Chromium over one page of every kind.
import fs from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStaticServer, type StaticServer } from "../../scripts/serve/staticServer.ts";
import { closeBrowser, getBrowser } from "../helpers/browser.ts";
import { buildInto } from "../helpers/site.ts";

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const PAGES = {
  "month report (latest)": "",
  "month report (archive)": "2020-06/",
  section: "2020-12/assessments/",
  "section with termly tables": "2020-12/health-and-education/",
  indicator: "indicators/1-5/",
  "indicator index": "indicators/",
  archive: "archive/",
};

let server: StaticServer;

beforeAll(async () => {
  const { site } = await buildInto("data", { noPdf: true });
  server = await startStaticServer(site);
}, 300_000);

afterAll(async () => {
  await closeBrowser();
  await server?.close();
});

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

describe("accessibility (axe-core, WCAG 2.2 AA)", () => {
  for (const [kind, url] of Object.entries(PAGES)) {
    it(`has no violations on a ${kind} page`, async () => {
      const browser = await getBrowser();
      const page = await browser.newPage();
      // The pages' Content-Security-Policy forbids inline script; axe is injected as one.
      await page.setBypassCSP(true);
      try {
        const response = await page.goto(server.url + url, { waitUntil: "load" });
        expect(response?.status()).toBe(200);
        await page.addScriptTag({ content: AXE });
        const result = (await page.evaluate(() =>
          (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe.run(document, {
            runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
          }),
        )) as AxeResult;
        const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
        expect(found).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
