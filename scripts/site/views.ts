// The view data the site's templates print: every table formatted, every
// chart rendered, every URL made. Built by the modules beside this one.
import type { DataSet, Indicator, Month } from "../model/types.ts";
import type { ChartView } from "../charts/chart.ts";
import type { TableView } from "./tables.ts";

export interface Link {
  text: string;
  href: string;
}

export interface MonthPage {
  month: Month;
  label: string;
  url: string;
  isLatest: boolean;
  reportingYear: string;
  /** The performance summary by section: `table` as printed, `screenTable` as the site shows it (key columns first). */
  summary: { id: string; title: string; url: string; table: TableView; screenTable: TableView }[];
  sections: Link[];
  /** `short` is the link's words where the month is given beside it (the archive). */
  downloads: (Link & { short: string })[];
  restatements: { ref: string; title: string; url: string; month: string; published: string; restated: string }[];
  /** "At a glance": what to look at first, each indicator linked (null where the summary judges nothing). */
  glance: { intro: string[]; table: TableView | null } | null;
}

/** What the archive lists of every month; a month taken whole from the cache (monthCache.ts) has only this. */
export type MonthEntry = Pick<MonthPage, "month" | "label" | "url" | "isLatest" | "reportingYear" | "downloads">;

export interface SectionPage {
  month: Month;
  monthLabel: string;
  monthUrl: string;
  url: string;
  id: string;
  title: string;
  definitionHtml: string | null;
  commentaryHtml: string | null;
  tables: TableView[];
  charts: ChartView[];
  previous: Link | null;
  next: Link | null;
  indicators: Link[];
  /** Drafted sentences, shown (marked as automatically generated) where no one wrote commentary. */
  narrative: { ref: string; href: string; text: string }[];
}

export interface IndicatorPage {
  ref: string;
  slug: string;
  url: string;
  title: string;
  section: Link;
  /** Breadcrumbs back to each month's report (the latest first); a link from month m targets the trail whose id is paths.fromId(m). */
  trails: { id: string; items: { text: string; href?: string }[] }[];
  /** The indicator's section in each month's report, newest first. */
  inMonths: Link[];
  details: { key: { text: string }; value: { text?: string; html?: string } }[];
  latest: string;
  chart: ChartView | null;
  spcChart: ChartView | null;
  narrative: string[];
  history: TableView;
  annual: TableView;
  restatements: TableView | null;
  definitionHtml: string | null;
}

export interface PrintPage {
  month: Month;
  label: string;
  url: string;
  title: string;
  /** Running header text (report title and month), as a CSS string for `@page`. */
  headerCss: string;
  footerCss: string;
  cover: { key: { text: string }; value: { text: string } }[];
  /**
   * The contents: each part (`id`, its page from the layout) and under a part
   * its own headings (`at`: the id of the heading whose page is given).
   */
  contents: { id: string; title: string; entries?: { at: string; title: string }[] }[];
  /** "At a glance": the month's red ratings, worse ratings and special causes of concern, each with its pages. */
  glance: { intro: string[]; table: TableView | null };
  /** The abbreviations the pack uses, with their meanings (the appendix's glossary). */
  glossary: { term: string; meaning: string }[];
  /** Each section's summary in two views (scripts/site/tables.ts summaryViews). */
  summary: { id: string; title: string; performance: TableView; trend: TableView | null }[];
  sections: SectionPage[];
  appendix: { id: string; title: string; table: TableView }[];
  /** Said once above the appendix's tables. */
  appendixIntro: string[];
  restatements: MonthPage["restatements"];
}

export interface SiteData {
  authority: DataSet["authority"] & { benchmarkYear: string };
  latest: Month;
  /** The months whose section pages' charts are drawn for phones too (the rest are scrolled on phones), oldest first. */
  phoneMonths: Month[];
  /** Every month, newest first (the archive). */
  months: MonthEntry[];
  /** The latest month's page (the home page shows it too). */
  latestPage: MonthPage;
  /** The month pages this build made, newest first (Eleventy renders those the page cache does not copy). */
  monthPages: MonthPage[];
  sectionPages: SectionPage[];
  indicatorPages: IndicatorPage[];
  indicatorIndex: { title: string; indicators: Link[] }[];
  printPages: PrintPage[];
  key: {
    dot: { symbol: string; text: string; tone: string }[];
    rag: { html: string; text: string }[];
    variation: { html: string; text: string }[];
    assurance: { html: string; text: string }[];
    /** Public edition: what the symbol of a withheld figure means (empty in the internal edition). */
    withheld: { symbol: string; text: string }[];
    /** Sentences under each group of the key: how RAG rates, what a blank SPC cell means, what the benchmark verdict judges. */
    notes: { rag: string[]; variation: string[]; assurance: string[]; benchmarks: string[] };
    /** Where the SPC charts are, as the site and the printed pack say it. */
    spcCharts: { site: string; print: string } | null;
  };
  generator: string;
  /** The public edition's notice, shown on every page; null in the internal edition. */
  publicEdition: { symbol: string; notice: string } | null;
}

export interface SiteOptions {
  /** Months that get a printed board pack (a print page and a PDF download). */
  pdfMonths?: Month[];
  /** Called as each month's pages are prepared (done of total), for the build's progress line. */
  onMonth?: (done: number, total: number) => void;
  /**
   * Takes the pages as soon as they are made (the build renders them in
   * batches, pageStream.ts, so a long archive's are never all held); the
   * site's `monthPages`, `sectionPages` and `indicatorPages` are then empty.
   */
  pages?: PageSink;
  /**
   * Takes each print page as soon as it is made (the build prints the pack
   * while the rest of the site is made); the site's `printPages` still list it.
   * The next months are made while it renders: nothing waits for it.
   */
  onPrintPage?: (page: PrintPage, settings: PageSettings) => void;
}

/** What the month, section and indicator pages show besides their own views. */
export type PageSettings = Pick<SiteData, "authority" | "publicEdition" | "key">;

/** Where the site's pages go as they are made, instead of into the site's data. */
export interface PageSink {
  /** A month's page and its section pages. */
  month(page: MonthPage, sections: SectionPage[], settings: PageSettings): Promise<void>;
  /** Some of the indicator pages. */
  indicators(pages: IndicatorPage[], settings: PageSettings): Promise<void>;
}

/** What every page builder needs to know about the whole site. */
export interface SiteContext {
  data: DataSet;
  /** URL slug of each indicator reference. */
  slugs: Map<string, string>;
  indicatorOf: Map<string, Indicator>;
  sectionTitle: Map<string, string>;
}
