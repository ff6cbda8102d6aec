// Restated figures (marked in tables, listed in the report, on indicator
// pages and in the PDF) and a site hosted under a sub-path.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyFixture } from "../helpers/fixture.ts";
import { allFiles, buildInto, cellText, readPage } from "../helpers/site.ts";
import { pdfPages } from "../helpers/pdf.ts";

let site: string;
let pdf: string;
beforeAll(async () => {
  const build = await buildInto(copyFixture(), { pathPrefix: "/boardpack/" });
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

describe("a site under a sub-path (--path-prefix /boardpack/)", () => {
  it("links everything under the prefix, and every link resolves", () => {
    const files = new Set(allFiles(site).map((f) => `/boardpack${f}`));
    const broken: string[] = [];
    for (const page of allFiles(site).filter((f) => f.endsWith(".html"))) {
      const doc = readPage(site, page.replace(/index\.html$/, ""));
      for (const el of doc.querySelectorAll("a[href], link[href]")) {
        const href = el.getAttribute("href")!;
        if (href.startsWith("#") || /^https?:/.test(href)) continue;
        const target = href.split("#")[0]!;
        if (!target.startsWith("/boardpack/")) broken.push(`${page}: ${href} (outside the prefix)`);
        else if (!files.has(target.endsWith("/") ? `${target}index.html` : target)) broken.push(`${page}: ${href}`);
      }
    }
    expect(broken).toEqual([]);
    expect(fs.readFileSync(path.join(site, "index.html"), "utf8")).toContain('href="/boardpack/assets/boardpack.css"');
  });
});
