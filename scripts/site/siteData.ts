// Everything the site's templates print, prepared in one place: the month
// reports, section pages, indicator pages and print pages (see views.ts).
import type { DataSet, MonthModel } from "../model/types.ts";
import { indicatorPages } from "./indicatorPages.ts";
import { mapLimited } from "../build/mapLimited.ts";
import { keyData } from "./key.ts";
import { monthPage } from "./monthPage.ts";
import { paths, slugsFor } from "./paths.ts";
import { printPage } from "./printPage.ts";
import { sectionPages } from "./sectionPages.ts";
import type { MonthPage, SectionPage, SiteContext, SiteData, SiteOptions } from "./views.ts";

export type { IndicatorPage, Link, MonthPage, PrintPage, SectionPage, SiteData, SiteOptions } from "./views.ts";

/** What every page builder needs to know about the whole site. */
export function siteContext(data: DataSet): SiteContext {
  return {
    data,
    slugs: slugsFor(data.indicators.map((i) => i.ref)),
    indicatorOf: new Map(data.indicators.map((i) => [i.ref, i])),
    sectionTitle: new Map([...data.sections].sort((a, b) => a.order - b.order).map((s) => [s.id, s.title])),
  };
}

export async function buildSiteData(data: DataSet, models: MonthModel[], options: SiteOptions = {}): Promise<SiteData> {
  const pdfMonths = new Set(options.pdfMonths ?? []);
  const latest = models[models.length - 1]!;
  const sectionsInOrder = [...data.sections].sort((a, b) => a.order - b.order);
  const ctx = siteContext(data);

  const months: MonthPage[] = models.map((model) => monthPage(ctx, model, model === latest, pdfMonths.has(model.month)));
  // Several months (and the indicator pages) at once, so the chart workers always have the next chart waiting.
  const indicatorsLater = indicatorPages(ctx, latest, models.map((m) => m.month));
  indicatorsLater.catch(() => {}); // awaited (and its failure reported) below
  const sections: SectionPage[] = (await mapLimited(models, 4, (model) => sectionPages(ctx, model), options.onMonth)).flat();

  return {
    authority: { ...data.authority, benchmarkYear: data.authority.benchmarks.year },
    latest: latest.month,
    months: [...months].reverse(),
    sectionPages: sections,
    indicatorPages: await indicatorsLater,
    indicatorIndex: sectionsInOrder.map((s) => ({
      title: s.title,
      indicators: latest.indicators.filter((i) => i.section === s.id).map((i) => ({ text: `${i.ref} ${i.title}`, href: paths.indicator(ctx.slugs.get(i.ref)!) })),
    })),
    printPages: models
      .filter((m) => pdfMonths.has(m.month))
      .map((model) => printPage(data, model, months.find((p) => p.month === model.month)!, sections.filter((p) => p.month === model.month))),
    key: keyData(data, latest.publicEdition),
    generator: "boardpack",
    publicEdition: latest.publicEdition
      ? {
          symbol: latest.publicEdition.symbol,
          notice: `This is the public edition of the report. To protect privacy, small numbers (counts of ${latest.publicEdition.suppressZero ? 0 : 1} to ${latest.publicEdition.threshold} children, families or carers) and any figure from which one could be worked out are withheld and shown as "${latest.publicEdition.symbol}".${latest.publicEdition.rounding ? ` Other counts are rounded to the nearest ${latest.publicEdition.rounding}.` : ""}`,
        }
      : null,
  };
}
