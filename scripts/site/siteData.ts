// Everything the site's templates print, prepared in one place: the month
// reports, section pages, indicator pages and print pages (see views.ts).
import type { DataSet, Month, MonthModel } from "../model/types.ts";
import { indicatorPages } from "./indicatorPages.ts";
import { mapLimited } from "../build/mapLimited.ts";
import { keyData } from "./key.ts";
import { monthEntry, monthPage } from "./monthPage.ts";
import { paths, slugsFor } from "./paths.ts";
import { printPage } from "./printPage.ts";
import { sectionPages } from "./sectionPages.ts";
import type { IndicatorPage, MonthEntry, MonthPage, PageSettings, SectionPage, SiteContext, SiteData, SiteOptions } from "./views.ts";

export type { IndicatorPage, Link, MonthEntry, MonthPage, PrintPage, SectionPage, SiteData, SiteOptions } from "./views.ts";

/** What every page builder needs to know about the whole site. */
export function siteContext(data: DataSet): SiteContext {
  return {
    data,
    slugs: slugsFor(data.indicators.map((i) => i.ref)),
    indicatorOf: new Map(data.indicators.map((i) => [i.ref, i])),
    sectionTitle: new Map([...data.sections].sort((a, b) => a.order - b.order).map((s) => [s.id, s.title])),
  };
}

/**
 * The months a site shows and how to get each one's model: computed when its
 * pages are made and let go after (a ten-year archive's models do not fit in
 * memory at once), or all at hand (the public edition, tests).
 */
export interface MonthSource {
  /** Every month with a report, oldest first. */
  months: Month[];
  /** The month's model; asked once for each month, the latest first. */
  model: (month: Month) => MonthModel;
  /** A month kept whole from an earlier build (monthCache.ts): what the archive lists of it; it needs no model and no page views (its pages are copied). Not asked for the latest month or a printed one. */
  cached?: (month: Month) => MonthEntry | null;
}

export async function buildSiteData(data: DataSet, source: MonthModel[] | MonthSource, options: SiteOptions = {}): Promise<SiteData> {
  const { months: reportMonths, model: modelOf, cached } = Array.isArray(source) ? fromModels(source) : source;
  const pdfMonths = new Set(options.pdfMonths ?? []);
  const sectionsInOrder = [...data.sections].sort((a, b) => a.order - b.order);
  const ctx = siteContext(data);
  const latest = modelOf(reportMonths[reportMonths.length - 1]!);
  const settings = pageSettings(data, latest);
  // An earlier month's charts are drawn wide only (phones scroll them), unless the authority asks for every month's: a
  // third less chart work in a first build, for pages read far less than the latest month's. A printed month needs both.
  const phoneMonths = new Set(data.authority.display.phoneCharts === "every-month" ? reportMonths : [latest.month, ...pdfMonths]);

  // Two months at once (after the months with a pack, the indicator pages alongside), so the chart workers always have the next chart
  // waiting. Not more: each month in flight holds its model and pages (tens of megabytes in a long archive), and with four the build's
  // heap peaked about 300 MB higher.
  const sink = options.pages;
  const packMonths = reportMonths.filter((m) => pdfMonths.has(m));
  // Another month's pages go to the sink once every pack's print page is given (it renders first, and the pack prints
  // while they render), even where that month's charts were drawn sooner (an earlier month's are fewer, or were kept).
  let printsLeft = packMonths.length;
  let printsGiven = () => {};
  const allPrintsGiven = printsLeft ? new Promise<void>((resolve) => (printsGiven = resolve)) : Promise.resolve();
  const makeMonth = async (month: Month) => {
    const entry = month === latest.month || pdfMonths.has(month) ? null : (cached?.(month) ?? null);
    if (entry) return { entry, page: null, sections: [], print: null };
    const model = month === latest.month ? latest : modelOf(month);
    const made = monthPage(ctx, model, model === latest, pdfMonths.has(month));
    const sections = await sectionPages(ctx, model, phoneMonths.has(month));
    const print = pdfMonths.has(month) ? printPage(data, model, made, sections) : null;
    // Not waited for: the print page renders on the pages worker while the next months' charts are drawn.
    if (print) options.onPrintPage?.(print, settings);
    if (print && --printsLeft === 0) printsGiven();
    if (!sink) return { entry: monthEntry(made), page: made, sections, print };
    if (!print) await allPrintsGiven;
    await sink.month(made, sections, settings);
    // The latest month's page is kept: the home page shows it too.
    return { entry: monthEntry(made), page: model === latest ? made : null, sections: [], print };
  };
  let done = 0;
  const step = () => options.onMonth?.(++done, reportMonths.length);
  // The months with a pack first, their charts before any other, so that the pack is printed while the rest of the site is made;
  // the next month is made meanwhile (its charts queued behind the pack's), so the chart workers do not wait for this thread
  // to make it once the pack's charts are drawn. The indicator pages follow the packs' months. Results are put back in date order below.
  const order = [...packMonths, ...reportMonths.filter((m) => !pdfMonths.has(m))];
  let packsLeft = packMonths.length;
  let indicatorsLater = null as Promise<IndicatorPage[]> | null;
  const startIndicators = () => {
    indicatorsLater = indicatorPages(ctx, latest, reportMonths, sink && ((pages) => sink.indicators(pages, settings)));
    indicatorsLater.catch(() => {}); // awaited (and its failure reported) below
  };
  if (packsLeft === 0) startIndicators();
  const byOrder = await mapLimited(
    order,
    MONTHS_AT_ONCE,
    async (month) => {
      const made = await makeMonth(month);
      if (pdfMonths.has(month) && --packsLeft === 0) startIndicators();
      return made;
    },
    step,
  );
  const byMonth = new Map(byOrder.map((p) => [p.entry.month, p]));
  const perMonth = reportMonths.map((m) => byMonth.get(m)!);
  const made: MonthPage[] = perMonth.flatMap((p) => (p.page ? [p.page] : []));
  const sections: SectionPage[] = perMonth.flatMap((p) => p.sections);

  return {
    ...settings,
    latest: latest.month,
    phoneMonths: reportMonths.filter((m) => phoneMonths.has(m)),
    months: perMonth.map((p) => p.entry).reverse(),
    latestPage: made.find((p) => p.month === latest.month)!,
    monthPages: sink ? [] : [...made].reverse(),
    sectionPages: sections,
    indicatorPages: await indicatorsLater!,
    indicatorIndex: sectionsInOrder.map((s) => ({
      title: s.title,
      indicators: latest.indicators.filter((i) => i.section === s.id).map((i) => ({ text: `${i.ref} ${i.title}`, href: paths.indicator(ctx.slugs.get(i.ref)!) })),
    })),
    printPages: perMonth.flatMap((p) => (p.print ? [p.print] : [])),
    generator: "boardpack",
  };
}

const MONTHS_AT_ONCE = 2;

/** What the month, section and indicator pages show besides their own views: the authority, the key and the public edition's notice. */
function pageSettings(data: DataSet, latest: MonthModel): PageSettings {
  return {
    authority: { ...data.authority, benchmarkYear: data.authority.benchmarks.year },
    key: keyData(data, latest.publicEdition),
    publicEdition: latest.publicEdition
      ? {
          symbol: latest.publicEdition.symbol,
          notice: `This is the public edition of the report. To protect privacy, small numbers (counts of ${latest.publicEdition.suppressZero ? 0 : 1} to ${latest.publicEdition.threshold} children, families or carers) and any figure from which one could be worked out are withheld and shown as "${latest.publicEdition.symbol}".${latest.publicEdition.rounding ? ` Other counts are rounded to the nearest ${latest.publicEdition.rounding}.` : ""}`,
        }
      : null,
  };
}

function fromModels(models: MonthModel[]): MonthSource {
  const byMonth = new Map(models.map((m) => [m.month, m]));
  return { months: models.map((m) => m.month), model: (month) => byMonth.get(month)! };
}
