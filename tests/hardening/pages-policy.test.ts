// The GitHub Pages deployment keeps the Content-Security-Policy: the
// workflow publishes what `npm run build` writes under the project's path,
// unchanged, and a build under a path prefix carries the policy on every page
// and works under it (GitHub Pages cannot send headers, so the <meta> tag is it).
import fs from "node:fs";
import path from "node:path";
import { load } from "js-yaml";
import { afterAll, describe, expect, it } from "vitest";
import { startStaticServer } from "../../scripts/serve/staticServer.ts";
import { closeBrowser, getBrowser } from "../helpers/browser.ts";
import { copyFixture } from "../helpers/fixture.ts";
import { ROOT } from "../helpers/run.ts";
import { allFiles, buildInto } from "../helpers/site.ts";

afterAll(async () => {
  await closeBrowser();
});

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, string>;
}

describe("the GitHub Pages deployment", () => {
  it("publishes the pages npm run build writes, with nothing run on them in between", () => {
    const wf = load(fs.readFileSync(path.join(ROOT, ".github", "workflows", "boardpack.yml"), "utf8")) as { jobs: { publish: { steps: Step[] } } };
    const steps = wf.jobs.publish.steps;
    const build = steps.findIndex((s) => /npm run build\b/.test(s.run ?? ""));
    const upload = steps.findIndex((s) => s.uses?.startsWith("actions/upload-pages-artifact"));
    expect(build).toBeGreaterThanOrEqual(0);
    expect(upload).toBeGreaterThan(build);
    expect(steps[upload]!.with?.path).toBe("dist/site");
    // Between the build and the upload, only steps that do not touch the files (configure-pages).
    for (const s of steps.slice(build + 1, upload)) expect(s.run, JSON.stringify(s)).toBeUndefined();
  });

  it("keeps the policy on every page of a build under the project's path, and the policy refuses nothing there", async () => {
    // The site is relative to each page, so the same build serves under the project's path.
    const { site } = await buildInto(copyFixture(), { noPdf: true });
    const pages = allFiles(site).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(10);
    for (const f of pages) {
      expect(fs.readFileSync(path.join(site, f), "utf8"), f).toMatch(/<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'; /);
    }
    const server = await startStaticServer(site, "/boardpack/");
    const browser = await getBrowser();
    try {
      for (const p of ["", "2020-12/front-door/", "indicators/"]) {
        const page = await browser.newPage();
        const refused: string[] = [];
        page.on("console", (m) => {
          if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
        });
        const response = await page.goto(server.url + p, { waitUntil: "load" });
        expect(response?.status(), p).toBe(200);
        expect(refused, p).toEqual([]);
        expect(await page.evaluate(() => getComputedStyle(document.body).margin), `${p}: styled`).toBe("0px");
        await page.close();
      }
    } finally {
      await server.close();
    }
  });
});
