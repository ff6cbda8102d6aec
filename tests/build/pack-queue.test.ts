// The packs of a build (packQueue.ts): each print page rendered as it is given, each pack printed (or copied
// from the PDF cache) in turn; a failed pack fails alone, and none starts once the build has stopped.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PackQueue } from "../../scripts/build/packQueue.ts";
import { keepPdf, pdfCacheKey } from "../../scripts/pdf/pdfCache.ts";
import type { PdfMetadata } from "../../scripts/pdf/metadata.ts";
import type { PageSettings, PrintPage } from "../../scripts/site/views.ts";

const saved = process.env.BOARDPACK_CACHE_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.BOARDPACK_CACHE_DIR;
  else process.env.BOARDPACK_CACHE_DIR = saved;
});

const metadata = (month: string): PdfMetadata => ({ title: `Pack ${month}`, author: "A council", subject: "Performance", keywords: [month], language: "en-GB", date: new Date("2020-12-31T12:00:00Z") });
const page = (month: string) => ({ month }) as PrintPage;
const settings = {} as PageSettings;

/** A site folder with its stylesheets, and the print page `render` writes for a month. */
function site() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-packs-"));
  process.env.BOARDPACK_CACHE_DIR = path.join(work, "cache");
  const siteDir = path.join(work, "site");
  fs.mkdirSync(path.join(siteDir, "assets"), { recursive: true });
  fs.writeFileSync(path.join(siteDir, "assets", "print.css"), "body{}");
  const write = (month: string) => {
    fs.mkdirSync(path.join(siteDir, "print", month), { recursive: true });
    fs.writeFileSync(path.join(siteDir, "print", month, "index.html"), `<p>${month}</p>`);
  };
  /** Keeps a printed pack for the month's page in the PDF cache, as an earlier build would have. */
  const printedBefore = (month: string) => {
    write(month);
    const file = path.join(work, `${month}.pdf`);
    fs.writeFileSync(file, `%PDF ${month}`);
    keepPdf(pdfCacheKey(siteDir, `/print/${month}/`, metadata(month)), file, { pages: 3, contents: [{ title: "Summary", page: 2 }], warnings: [] });
  };
  return { work, siteDir, write, printedBefore };
}

describe("the board packs of a build", () => {
  it("are copied from the cache when their print pages are unchanged, with no Chromium; a pack whose print page fails fails alone", async () => {
    const { work, siteDir, write, printedBefore } = site();
    printedBefore("2020-11");
    printedBefore("2020-12");
    const rendered: string[] = [];
    const queue = new PackQueue({
      siteDir,
      outDir: work,
      count: 3,
      metadata,
      render: async (p) => {
        if (p.month === "2020-10") throw new Error("the print page of 2020-10 could not be rendered");
        write(p.month);
        rendered.push(p.month);
      },
    });
    // Each add resolves once its print page is rendered (or has failed): the site goes on either way.
    await queue.add(page("2020-10"), settings);
    await queue.add(page("2020-11"), settings);
    await queue.add(page("2020-12"), settings);
    expect(rendered).toEqual(["2020-11", "2020-12"]);
    expect(queue.size).toBe(3);
    await expect(queue.pack("2020-10")).rejects.toThrow("could not be rendered");
    const copied = await queue.pack("2020-12");
    expect(copied).toMatchObject({ pages: 3, contents: [{ title: "Summary", page: 2 }], timings: [{ name: "copied from the cache (print page unchanged)" }] });
    expect(fs.readFileSync(copied.file, "utf8")).toBe("%PDF 2020-12");
    expect(path.dirname(copied.file)).toBe(work);
    // Nothing needed Chromium: none was started, and the wait for it is over.
    await queue.chromiumStarted;
    await queue.close();
    expect(() => queue.pack("2020-09")).toThrow(/No board pack was asked for 2020-09/);
  });

  it("starts no pack once the build has stopped", async () => {
    const { work, siteDir, write } = site();
    const queue = new PackQueue({ siteDir, outDir: work, count: 1, metadata, render: async (p) => write(p.month) });
    await queue.stop();
    await queue.add(page("2020-12"), settings);
    await expect(queue.pack("2020-12")).rejects.toThrow("The build stopped before this pack was printed.");
    expect(fs.existsSync(path.join(siteDir, "print", "2020-12"))).toBe(false);
  });
});
