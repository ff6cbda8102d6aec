// The board packs of a build, printed one after another as their print pages
// are made (while the rest of the site is). A month's print page is rendered
// at once; its pack is copied from the PDF cache when the print page is
// unchanged since it was last printed (pdfCache.ts), else printed in a
// Chromium started for the first pack that needs one (or handed over already
// starting: BuildOptions.browser) and closed after the last.
import path from "node:path";
import type { Month } from "../model/types.ts";
import type { PageSettings, PrintPage } from "../site/views.ts";
import type { PdfMetadata } from "../pdf/metadata.ts";
import { printBoardPack, type PrintResult } from "../pdf/print.ts";
import { startBrowser, type BrowserStart } from "../pdf/browser.ts";
import { keepPdf, pdfCacheKey, takeCachedPdf } from "../pdf/pdfCache.ts";
import { paths } from "../site/paths.ts";

/** A pack printed (or copied from the cache) into the staging folder. */
export type PrintedPack = Pick<PrintResult, "pages" | "contents" | "timings" | "warnings"> & { file: string };

export interface PackQueueOptions {
  /** The site being built (the print pages are read from it) and the folder the packs are written to. */
  siteDir: string;
  outDir: string;
  /** How many packs the build prints: Chromium closes after the last. */
  count: number;
  /** Renders a month's print page into the site, in turn with its other pages. */
  render: (page: PrintPage, settings: PageSettings) => Promise<void>;
  metadata: (month: Month) => PdfMetadata;
  browser?: BrowserStart;
  /** Whether the build's thread has other work waiting while a pack is finished (PrintOptions.shared). */
  shared?: () => boolean;
}

export class PackQueue {
  private readonly packs = new Map<Month, Promise<PrintedPack>>();
  /** Settles once every pack asked for has been printed or has failed. */
  private printing: Promise<unknown> = Promise.resolve();
  private browser: BrowserStart | undefined;
  private started = 0;
  private stopped = false;
  private chromiumUp = () => {};
  /**
   * Settles once the first pack has a running Chromium, needs none (copied from the cache) or has failed.
   * Chromium's start takes both cores: the site's last Eleventy run waits for it (the pack is the longer road)
   * and then runs while Chromium loads, lays out and prints the pack on one.
   */
  readonly chromiumStarted = new Promise<void>((resolve) => (this.chromiumUp = resolve));

  constructor(private readonly options: PackQueueOptions) {
    this.browser = options.browser;
  }

  get size(): number {
    return this.packs.size;
  }

  /**
   * Takes a month's print page as it is made: rendered at once (before any page batch queued after it), and
   * printed once the packs before it are. Resolves when it is rendered (a failure is the pack's).
   */
  add(page: PrintPage, settings: PageSettings): Promise<void> {
    const month = page.month;
    const rendered = (async () => {
      this.goOn();
      await this.options.render(page, settings);
    })();
    const pack = Promise.all([rendered, this.printing]).then(() => this.print(month));
    pack.catch(() => {}); // awaited (and its failure reported) by pack()
    void pack.finally(this.chromiumUp).catch(() => {});
    this.packs.set(month, pack);
    this.printing = pack.catch(() => {});
    return rendered.catch(() => {});
  }

  /** A month's pack, once printed or copied (rejects as its printing failed). */
  pack(month: Month): Promise<PrintedPack> {
    const pack = this.packs.get(month);
    if (!pack) throw new Error(`No board pack was asked for ${month}.`);
    return pack;
  }

  /** Closes Chromium (if it was started), once every pack is made. */
  close(): Promise<void> {
    return this.browser?.close() ?? Promise.resolve();
  }

  /** The build failed: no pack waiting its turn starts (its folder is about to go), and the one printing stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.browser?.close();
    await this.printing;
  }

  private goOn(): void {
    if (this.stopped) throw new Error("The build stopped before this pack was printed.");
  }

  private async print(month: Month): Promise<PrintedPack> {
    const { siteDir, outDir, count } = this.options;
    const file = path.join(outDir, `board-pack-${month}.pdf`);
    const metadata = this.options.metadata(month);
    const key = pdfCacheKey(siteDir, paths.print(month), metadata);
    const last = ++this.started === count;
    const cached = takeCachedPdf(key, file);
    // A Chromium started early for nothing (every pack unchanged) stops at once.
    if (cached && last) void this.browser?.close();
    if (cached) return { file, ...cached, timings: [{ name: "copied from the cache (print page unchanged)", ms: 0 }] };
    const waited = performance.now();
    this.goOn();
    this.browser ??= startBrowser();
    const browser = this.browser;
    const running = await browser.get();
    this.chromiumUp();
    const wait = { name: "chromium start", ms: performance.now() - waited };
    // After the last pack, Chromium closes while its PDF is finished.
    const result = await printBoardPack({
      siteDir,
      printPath: paths.print(month),
      outFile: file,
      metadata,
      browser: running,
      ...(this.options.shared ? { shared: this.options.shared } : {}),
      ...(last ? { printed: () => void browser.close() } : {}),
    });
    result.timings.unshift(wait);
    keepPdf(key, file, result);
    return { file, ...result };
  }
}
