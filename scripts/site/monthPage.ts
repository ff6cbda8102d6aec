// The month report page: summary tables, contents, downloads, restated figures.
import type { MonthModel } from "../model/types.ts";
import { formatValue } from "../format/number.ts";
import { longMonth, shortMonth } from "../metrics/months.ts";
import { paths } from "./paths.ts";
import { siteSummaryTable } from "./summaryView.ts";
import { summaryTable } from "./tables.ts";
import { escapeHtml, textCell } from "./cells.ts";
import { glance } from "./glance.ts";
import type { MonthEntry, MonthPage, SiteContext } from "./views.ts";

export function monthPage(ctx: SiteContext, model: MonthModel, isLatest: boolean, hasPdf: boolean): MonthPage {
  const byRef = new Map(model.indicators.map((i) => [i.ref, i]));
  return {
    month: model.month,
    label: longMonth(model.month),
    url: paths.month(model.month),
    isLatest,
    reportingYear: model.reportingYear,
    summary: model.sections
      .map((s) => {
        const indicators = s.indicators.map((r) => byRef.get(r)!).filter((i) => i.inSummary);
        return {
          id: s.id,
          title: s.title,
          url: paths.section(model.month, s.id),
          table: summaryTable(model, indicators, ctx.data.authority),
          screenTable: siteSummaryTable(model, indicators, ctx.data.authority, (ref) => paths.indicatorFrom(ctx.slugs.get(ref)!, model.month)),
        };
      })
      .filter((s) => s.table.rows.length > 0),
    sections: model.sections.map((s) => ({ text: s.title, href: paths.section(model.month, s.id) })),
    downloads: [
      ...(hasPdf ? [{ text: `Board pack for ${longMonth(model.month)} (PDF)`, short: "Board pack (PDF)", href: paths.pdf(model.month) }] : []),
      { text: `Figures for ${longMonth(model.month)} (Excel workbook: every month across)`, short: "Figures (Excel)", href: paths.xlsx(model.month) },
      // Excel turns references such as 1.10 into the number 1.1 when it opens a CSV: the workbook keeps them as text.
      { text: `Figures for ${longMonth(model.month)} (CSV, a row per indicator, for databases and other tools)`, short: "Figures (CSV)", href: paths.csv(model.month) },
      { text: `Figures for ${longMonth(model.month)} (JSON, for other tools)`, short: "Figures (JSON)", href: paths.json(model.month) },
    ],
    glance: glanceView(ctx, model),
    restatements: model.restatements.map((r) => {
      const ind = byRef.get(r.ref)!;
      return {
        ref: r.ref,
        title: ind.title,
        url: paths.indicatorFrom(ctx.slugs.get(r.ref)!, model.month),
        month: shortMonth(r.month),
        published: r.withheld?.includes("published") ? (model.publicEdition?.symbol ?? "") : formatValue(r.published, ind.unit, ind.decimals),
        restated: r.withheld?.includes("restated") ? (model.publicEdition?.symbol ?? "") : formatValue(r.restated, ind.unit, ind.decimals),
      };
    }),
  };
}

/** "At a glance" on the month page: each indicator listed links to its page (as read from this month) and its section. */
function glanceView(ctx: SiteContext, model: MonthModel): MonthPage["glance"] {
  const { display } = ctx.data.authority;
  if (!display.rag && !display.spc) return null;
  const g = glance(model, display);
  const intro = [`What to look at first in ${longMonth(model.month)}: ${g.counts}. ${g.rule}`];
  if (!g.items.length) return { intro: [`${intro[0]} There are none in ${longMonth(model.month)}.`], table: null };
  const link = (href: string, text: string) => `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
  return {
    intro,
    table: {
      head: [{ text: "Ref" }, { text: "Indicator" }, { text: shortMonth(model.month), format: "numeric" }, { text: "Why it is listed" }, { text: "Section" }],
      rows: g.items.map((i) => [
        textCell(i.ref, "bp-ref"),
        { html: link(paths.indicatorFrom(ctx.slugs.get(i.ref)!, model.month), i.title), classes: "bp-summary__indicator" },
        { text: i.figure, format: "numeric" as const },
        textCell(i.why),
        { html: link(paths.section(model.month, i.section.id), i.section.title) },
      ]),
      columns: 5,
      classes: "bp-glance-table",
    },
  };
}

/** What the archive lists of a month (all a month taken whole from the cache keeps of its page). */
export function monthEntry(page: MonthPage): MonthEntry {
  const { month, label, url, isLatest, reportingYear, downloads } = page;
  return { month, label, url, isLatest, reportingYear, downloads };
}
