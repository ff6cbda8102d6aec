// Prints the board pack: Chromium opens the built print page of a month
// (/print/YYYY-MM/), paginate.ts places it on pages (and writes the contents'
// page numbers), and Chromium prints it. The bookmarks of the print confirm
// where each section starts; where they disagree (a block taller than a page
// broke further), the contents take the bookmarks' pages and it prints again.
// pdf-lib then sets the metadata and makes the file depend on the data only.
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page, PDFOptions } from "puppeteer-core";
import { startStaticServer } from "../serve/staticServer.ts";
import { launchBrowser } from "./browser.ts";
import type { PdfMetadata } from "./metadata.ts";
import { paginate, PAGINATE_DEFAULTS, type PaginateOptions, type PaginateResult } from "./paginate.ts";

export interface PrintOptions {
  siteDir: string;
  /** URL path of the print page, e.g. /print/2020-12/ */
  printPath: string;
  pathPrefix?: string;
  outFile: string;
  metadata: PdfMetadata;
  /** An already running browser (tests, several months); started and closed here otherwise. */
  browser?: Browser;
  /** Called once the browser is no longer needed for this pack, before its PDF is finished (the last pack's browser may close meanwhile). */
  printed?: () => void;
  /** Whether this thread has other work waiting while the PDF is read and finished (a build's months): pdf-lib then pauses for it (pdfDocument.ts). */
  shared?: () => boolean;
}

export interface PrintResult {
  pages: number;
  /** Where each contents entry starts (1-based). */
  contents: { title: string; page: number }[];
  timings: { name: string; ms: number }[];
  /** Blocks the layout could not place by its rules (taller or wider than a page). */
  warnings: string[];
}

export const PDF_OPTIONS: PDFOptions = {
  printBackground: true,
  preferCSSPageSize: true,
  tagged: true,
  outline: true,
  displayHeaderFooter: false,
  timeout: 120_000,
};

/** The class that hides the print page's parts until paginate.ts has placed their blocks (print.scss). */
const PLACING = "bp-placing";

/**
 * Opens the print page at `url` as it is printed: print media, the layout viewport, fonts ready. `toPlace`: the page
 * is paginated next (paginatePage), so its parts are not laid out as it loads: paginate takes every block out of them
 * and lays it out on its page, and laying the whole pack out first was about half the load.
 */
export async function openPrintPage(page: Page, url: string, { toPlace = false }: { toPlace?: boolean } = {}): Promise<void> {
  // Media and viewport first: set after the load, they made Chromium lay the whole pack out twice (for the screen
  // while loading, then for print), about 0.4 s of the example's 1.2 s load.
  await page.emulateMediaType("print");
  await page.setViewport({ width: 1200, height: 900 });
  // Added before the first layout, taken off once the blocks are placed (paginateSource). The script runs before the
  // document has an element, and the parser sets <html>'s classes from the markup: so it adds the class as soon as
  // <html> is in the document.
  if (toPlace) {
    await page.evaluateOnNewDocument(
      `new MutationObserver((_, seen) => { if (document.documentElement) { document.documentElement.classList.add(${JSON.stringify(PLACING)}); seen.disconnect(); } }).observe(document, { childList: true });`,
    );
  }
  const response = await page.goto(url, { waitUntil: "load" });
  // 304: the same page opened again in one browser is revalidated, and loaded from Chromium's cache.
  if (!response || !(response.ok() || response.status() === 304)) throw new Error(`The print page ${url} could not be opened (${response?.status()}).`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Places the print page's blocks on pages (paginate.ts), in the page; fonts must be ready. */
export function paginatePage(page: Page, options: Partial<PaginateOptions> = {}): Promise<PaginateResult> {
  return page.evaluate(paginateSource(options)) as Promise<PaginateResult>;
}

/** `body` run in the page as source text, after paginate.ts's call (`placed`); `__name` is what a TypeScript loader may wrap named functions in. */
function paginateSource(options: Partial<PaginateOptions>, body = "placed"): string {
  return `(() => { const __name = (f) => f; const placed = (${paginate.toString()})(${JSON.stringify({ ...PAGINATE_DEFAULTS, ...options })}); document.documentElement.classList.remove(${JSON.stringify(PLACING)}); return ${body}; })()`;
}

/** What the finishing reads of the placed page: the contents' entries and every heading's text (the bookmarks' own words). */
interface PlacedText {
  entries: { id: string; title: string }[];
  headings: string[];
}

/** Runs in the page (sent as source text, so self-contained). */
function placedText(): PlacedText {
  return {
    entries: Array.from(document.querySelectorAll("[data-page-of]"), (el) => ({ id: el.getAttribute("data-page-of")!, title: el.previousElementSibling?.textContent?.trim() ?? "" })),
    headings: Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6"), (el) => (el.textContent ?? "").replace(/\s+/g, " ").trim()),
  };
}

/**
 * Paginates the page and reads its contents' entries and headings in the same call: read after the print, they
 * waited for Chromium to lay the page out for the screen again (about 0.2 s of the example), and printing changes
 * neither (the placed blocks are moved, never copied, and page numbers are written into the entries' own elements).
 */
function paginateAndRead(page: Page): Promise<{ layout: PaginateResult; text: PlacedText }> {
  return page.evaluate(paginateSource({}, `{ layout: placed, text: (${placedText.toString()})() }`)) as Promise<{ layout: PaginateResult; text: PlacedText }>;
}

/** The modules that read and finish the printed PDF, loaded when a pack is printed (not with the build). */
async function loadFinishing() {
  const [metadata, outline, pdfDocument] = await Promise.all([import("./metadata.ts"), import("./outline.ts"), import("./pdfDocument.ts")]);
  return { finishPdf: metadata.finishPdf, outlineOf: outline.outlineOf, startPages: outline.startPages, loadPdf: pdfDocument.loadPdf };
}

export async function printBoardPack(options: PrintOptions): Promise<PrintResult> {
  const timings: { name: string; ms: number }[] = [];
  const time = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      timings.push({ name, ms: performance.now() - start });
    }
  };

  const server = await startStaticServer(options.siteDir, options.pathPrefix ?? "/");
  const ownBrowser = !options.browser;
  const browser = options.browser ?? (await time("chromium start", () => launchBrowser()));
  try {
    const page = await browser.newPage();
    const url = server.url + options.printPath.replace(/^\//, "");
    await time("load page", () => openPrintPage(page, url, { toPlace: true }));
    const { layout, text } = await time("paginate", () => paginateAndRead(page));

    // pdf-lib (about 0.2 s to load, with the modules that use it) loads while Chromium prints.
    const finishing = loadFinishing();
    const pdf = await time("print", () => page.pdf(PDF_OPTIONS));
    const { finishPdf, loadPdf, outlineOf, startPages } = await finishing;
    const pace = () => (options.shared?.() ? "shared" : "alone");
    const { entries, headings } = text;
    // Opened once (parsing only what is looked up): for the bookmarks' pages here and for the metadata below.
    let opened = await time("read page numbers", () => loadPdf(pdf, pace()));
    const outline = outlineOf(opened.doc);
    const starts = startPages(outline.filter((o) => o.depth === 0), entries.map((e) => e.title));
    const contents = entries.map((e) => ({ id: e.id, title: e.title, page: starts.get(e.title) ?? layout.starts[e.id] ?? 0 }));
    if (contents.some((c) => c.page !== layout.starts[c.id])) {
      await page.evaluate((items) => {
        for (const item of items) {
          const el = document.querySelector(`[data-page-of="${item.id}"]`);
          if (el && item.page) el.textContent = String(item.page);
        }
      }, contents);
      const again = await time("print again (contents moved)", () => page.pdf(PDF_OPTIONS));
      opened = await loadPdf(again, pace());
    }
    await page.close();
    options.printed?.();

    const finished = await time("metadata", () => finishPdf(opened, options.metadata, headings, pace()));
    fs.mkdirSync(path.dirname(options.outFile), { recursive: true });
    fs.writeFileSync(options.outFile, finished.bytes);
    return { pages: finished.pages, contents: contents.map(({ title, page }) => ({ title, page })), timings, warnings: layout.warnings };
  } finally {
    if (ownBrowser) await time("chromium close", () => browser.close());
    await server.close();
  }
}
