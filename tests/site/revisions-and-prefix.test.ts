// Restated figures (marked in tables, listed in the report, on indicator
// pages and in the PDF), and a site that works under any sub-path with no
// setting (its links are relative; --path-prefix is no longer needed).
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyFixture } from "../helpers/fixture.ts";
import { allFiles, buildInto, cellText, readPage } from "../helpers/site.ts";
import { pdfPages } from "../helpers/pdf.ts";
import { parse } from "node-html-parser";
import { startStaticServer } from "../../scripts/serve/staticServer.ts";
import { referenceProblems } from "./references.ts";

let site: string;
let pdf: string;
beforeAll(async () => {
  const build = await buildInto(copyFixture());
  site = build.site;
  pdf = build.pdf!.file;
}, 300_000);

describe("restated figures", () => {
  it("are marked in the month's section table", () => {
    const table = readPage(site, "/2020-12/front-door/").querySelector(".bp-section-table table")!;
    const head = table.querySelectorAll("thead th").map(cellText);
    const nov = table.querySelectorAll("tbody tr").find((r) => cellText(r.querySelector("th")!) === "Nov-20")!;
    const r1 = nov.querySelectorAll("td")[head.findIndex((h) => h.startsWith("R1 ")) - 1]!;
    expect(cellText(r1)).toBe("224 † (restated since first published)");
  });

  it("are listed in the month's report with the published and new figures", () => {
    const rows = readPage(site, "/2020-12/").querySelectorAll("#restated ~ .bp-table-scroll tbody tr").map((r) => r.querySelectorAll("th, td").map(cellText));
    expect(rows).toEqual([["R1", "Number of referrals", "Nov-20", "223", "224"]]);
  });

  it("leave the earlier month's report as it was published", () => {
    const table = readPage(site, "/2020-11/front-door/").querySelector(".bp-section-table table")!;
    expect(table.text).not.toContain("†");
    expect(readPage(site, "/2020-11/").querySelector("#restated")).toBeNull();
  });

  it("are in the indicator's history", () => {
    const rows = readPage(site, "/indicators/r1/").querySelectorAll('[aria-label="Restated figures"] tbody tr').map((r) => r.querySelectorAll("th, td").map(cellText));
    expect(rows).toEqual([["Nov-20", "223", "224", "December 2020"]]);
  });

  it("are in the PDF's appendix", () => {
    const text = pdfPages(pdf).join("\n");
    expect(text).toMatch(/Figures restated since the previous report[\s\S]*R1\s+Number of referrals\s+Nov-20\s+223\s+224/);
  });
});

describe("a site hosted under any sub-path, with no setting", () => {
  it("refers to everything, the print pages and the PDF included, relative to the page", () => {
    expect(allFiles(site)).toContain("/print/2020-12/index.html");
    expect(referenceProblems(site)).toEqual([]);
    const home = fs.readFileSync(path.join(site, "index.html"), "utf8");
    expect(home).toContain('href="assets/boardpack.css"');
    expect(home).toContain('href="pdf/board-pack-2020-12.pdf"');
    expect(fs.readFileSync(path.join(site, "2020-12", "front-door", "index.html"), "utf8")).toContain('href="../../assets/boardpack.css"');
  });

  it("serves every page's links from /boardpack/ and from a deeper path", async () => {
    for (const prefix of ["/boardpack/", "/council/reports/children/"]) {
      const server = await startStaticServer(site, prefix);
      try {
        for (const page of ["", "2020-12/", "2020-12/front-door/", "indicators/r1/", "archive/"]) {
          const pageUrl = server.url + page;
          const doc = parse(await (await fetch(pageUrl)).text());
          const hrefs = doc.querySelectorAll("a[href], link[href]").map((e) => e.getAttribute("href")!).filter((h) => !h.startsWith("#") && !/^https?:/.test(h));
          expect(hrefs.length).toBeGreaterThan(5);
          for (const href of hrefs) {
            const target = new URL(href, pageUrl);
            expect(target.pathname.startsWith(prefix), `${page}: ${href}`).toBe(true);
            expect((await fetch(target)).status, `${prefix}${page}: ${href}`).toBe(200);
          }
        }
      } finally {
        await server.close();
      }
    }
  }, 60_000);
});
