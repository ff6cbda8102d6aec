// Month, section and indicator pages rendered as they are made. They are
// most of the site (a month page lists every indicator; a section page holds
// its tables and its charts as SVG; an indicator page every month on record),
// and a ten-year archive's 1,500 of them held until Eleventy ran were most of
// a first build's memory. The build hands the pages here as soon as they are
// made; they are rendered by Eleventy in batches (pages unchanged since an
// earlier build are copied from the page cache) and let go.
import type { Month } from "../model/types.ts";
import { pagesRun, type Paged } from "./eleventy.ts";
import type { PageRenderer } from "./pageRenderer.ts";
import { cacheOff } from "../build/cacheDir.ts";
import { cachedPage, keepPage, monthPagesHash, restorePage, sectionPagesHash } from "./pageCache.ts";
import type { IndicatorPage, MonthPage, PageSettings, PageSink, SectionPage } from "./views.ts";

/** Pages queued at least before a renderer with nothing to do is handed them (fewer would each cost an Eleventy run for little). */
const EAGER_PAGES = 10;

/** Pages to render, each with where the page cache keeps it (null: not kept). */
type Queues = { [K in keyof Paged]: { page: Paged[K][number]; file: string | null }[] };

/** Where the page cache keeps a rendered page (null: not kept). */
interface Kept {
  url: string;
  file: string | null;
}
const keptOf = (q: Queues): Kept[] => [...q.monthPages, ...q.sectionPages, ...q.indicatorPages].map(({ page, file }) => ({ url: page.url, file }));

const pagesOf = (q: Queues): Paged => ({ monthPages: q.monthPages.map((e) => e.page), sectionPages: q.sectionPages.map((e) => e.page), indicatorPages: q.indicatorPages.map((e) => e.page) });

export class PageStream implements PageSink {
  private queues: Queues = { monthPages: [], sectionPages: [], indicatorPages: [] };
  private settings: PageSettings | null = null;
  /** What each kind's page cache keys start from (once the settings are known). */
  private bases: Record<keyof Paged, string> = { monthPages: "", sectionPages: "", indicatorPages: "" };
  /** Runs one batch at a time, in order; a failed batch fails every later wait. */
  private running: Promise<void> = Promise.resolve();
  /** Where the page cache keeps each page, by URL (none with the cache off). */
  readonly files = new Map<string, string>();
  /** Each month's section page URLs, in order. */
  readonly sectionUrls = new Map<Month, string[]>();

  /** Batches handed to the renderer and not yet rendered. */
  private rendering = 0;

  /** Pages given by finish(), to keep once rendered. */
  private left: Queues | null = null;

  /** `renderer` renders a batch (Eleventy, in this thread or its own: pageRenderer.ts); a batch is rendered once `perRun` pages are queued. */
  constructor(
    private readonly outDir: string,
    readonly renderer: PageRenderer,
    private readonly preview: boolean,
    private readonly perRun: number,
  ) {}

  /** Takes a site's pages at once (a site prepared whole; a build's site data holds none). */
  site(site: Paged & PageSettings): void {
    this.settle(site);
    this.take("monthPages", site.monthPages);
    this.take("sectionPages", site.sectionPages);
    this.take("indicatorPages", site.indicatorPages);
  }

  /** Takes a month's page and its section pages; resolves once they are queued (or, when a batch is full, rendered). */
  month = async (page: MonthPage, sections: SectionPage[], settings: PageSettings): Promise<void> => {
    this.settle(settings);
    this.sectionUrls.set(page.month, sections.map((p) => p.url));
    this.take("monthPages", [page]);
    this.take("sectionPages", sections);
    await this.flushIfFull();
  };

  /**
   * Takes some indicator pages. Each gains a month every month, but a rebuild
   * of the same months (an edited commentary, a pack printed again) finds them
   * unchanged: copied then, not rendered while Chromium prints the pack.
   */
  indicators = async (pages: IndicatorPage[], settings: PageSettings): Promise<void> => {
    this.settle(settings);
    this.take("indicatorPages", pages);
    await this.flushIfFull();
  };

  private settle(settings: PageSettings): void {
    if (this.settings) return;
    this.settings = settings;
    // An indicator page shows what a section page does of the settings (the layout's), and its own view.
    const sections = sectionPagesHash(settings, this.preview);
    this.bases = { sectionPages: sections, indicatorPages: sections, monthPages: monthPagesHash(settings, this.preview) };
  }

  /**
   * The caller waits while a full batch renders, so no more pages pile up meanwhile. A renderer on its own thread with
   * nothing to render is handed what is queued at once (EAGER_PAGES or more): adding a month to a long archive, the
   * pages worker otherwise sat idle until 100 pages were queued, the last of them behind the last indicator's charts,
   * and rendered them all after the charts were drawn.
   */
  private async flushIfFull(): Promise<void> {
    const queued = this.queues.monthPages.length + this.queues.sectionPages.length + this.queues.indicatorPages.length;
    if (queued >= this.perRun) await this.flush();
    else if (this.renderer.ownThread && this.rendering === 0 && queued >= EAGER_PAGES) this.flush().catch(() => {}); // its failure reaches every later wait
  }

  private take<K extends keyof Paged>(kind: K, pages: Paged[K]): void {
    const queue: Queues[K] = this.queues[kind];
    // With the cache off no key is made: a key hashes the page's whole view (pageCache.ts).
    if (cacheOff("page")) {
      for (const page of pages) queue.push({ page, file: null });
      return;
    }
    for (const page of pages) {
      const { file, hit } = cachedPage(this.bases[kind], page);
      this.files.set(page.url, file);
      if (hit) restorePage(this.outDir, page.url, file);
      else queue.push({ page, file });
    }
  }

  /** Runs `fn` (an Eleventy run of other pages: a print page) after the batches queued so far and before later ones: one Eleventy run at a time. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.running.then(fn);
    this.running = run.then(() => undefined);
    return run;
  }

  /** Resolves when no batch is rendering (failed or not): a failed build waits for it before clearing its folder. */
  idle(): Promise<void> {
    return this.running.catch(() => {});
  }

  /** Renders the pages queued in one Eleventy run (after any batch still rendering); resolves when all are written and kept. */
  private flush(): Promise<void> {
    const batch = this.takeQueued();
    const settings = this.settings;
    // Only where each page is kept outlives the render: a page's view (its charts' SVG and all) is let go once rendered,
    // or once given to the pages worker, which renders a copy.
    const kept = keptOf(batch);
    let pages: Paged | null = pagesOf(batch);
    this.rendering++;
    this.running = this.running
      .then(async () => {
        if (!settings || !pages) return;
        const rendering = this.renderer.run(pagesRun(pages, settings));
        pages = null;
        await rendering;
        this.keep(kept);
      })
      .finally(() => this.rendering--);
    return this.running;
  }

  private keep(kept: Kept[]): void {
    for (const { url, file } of kept) keepPage(this.outDir, { url }, file);
  }

  /**
   * Waits for the batches rendering, and gives the pages still queued:
   * renderSite renders them with the rest of the site, in its first run (a
   * small site's pages are all rendered in that one run, as if none were
   * streamed), then calls keepLeft().
   */
  async finish(): Promise<Paged> {
    await this.running;
    this.left = this.takeQueued();
    return pagesOf(this.left);
  }

  /** Keeps in the page cache the pages finish() gave, once they are rendered. */
  keepLeft(): void {
    if (this.left) this.keep(keptOf(this.left));
    this.left = null;
  }

  private takeQueued(): Queues {
    const queued = this.queues;
    this.queues = { monthPages: [], sectionPages: [], indicatorPages: [] };
    return queued;
  }
}
