// Everything the site's templates print, prepared in one place: formatted
// tables, rendered charts, Markdown turned into safe HTML, and every URL.
import type { DataSet, IndicatorResult, Month, MonthModel } from "../model/types.ts";
import { chartStats, renderChart, renderChartData, type ChartView } from "../charts/chart.ts";
import { renderSpcChart } from "../charts/spcChart.ts";
import { analyseIndicator } from "../spc/forIndicator.ts";
import { ASSURANCE_WORDS, assuranceIcon, VARIATION_WORDS, variationIcon } from "./icons.ts";
import { historyData } from "../charts/chartData.ts";
import { dotText } from "../format/dot.ts";
import { formatChange, formatValue } from "../format/number.ts";
import { describeCompute } from "../model/dependencies.ts";
import { longMonth, shortMonth } from "../metrics/months.ts";
import { figureCell, ragTag, textCell, type Cell } from "./cells.ts";
import { renderMarkdown } from "./markdown.ts";
import { paths, slugsFor } from "./paths.ts";
import { dataNote, POLARITY_WORDS, positionText, sectionTable, summaryTable, targetText, type TableView } from "./tables.ts";
import { escapeHtml as escapeText } from "./cells.ts";

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
  summary: { id: string; title: string; url: string; table: TableView }[];
  sections: Link[];
  downloads: Link[];
  restatements: { ref: string; title: string; url: string; month: string; published: string; restated: string }[];
}

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
  contents: { id: string; title: string }[];
  summary: { id: string; title: string; table: TableView }[];
  sections: SectionPage[];
  appendix: { id: string; title: string; definitionHtml: string | null; table: TableView }[];
  restatements: MonthPage["restatements"];
}

export interface SiteData {
  authority: DataSet["authority"] & { benchmarkYear: string };
  latest: Month;
  months: MonthPage[];
  sectionPages: SectionPage[];
  indicatorPages: IndicatorPage[];
  indicatorIndex: { title: string; indicators: Link[] }[];
  printPages: PrintPage[];
  key: {
    dot: { symbol: string; text: string; tone: string }[];
    rag: { html: string; text: string }[];
    variation: { html: string; text: string }[];
    assurance: { html: string; text: string }[];
  };
  generator: string;
}

export interface SiteOptions {
  /** Months that get a printed board pack (a print page and a PDF download). */
  pdfMonths?: Month[];
}

/** Wall time spent rendering charts (they render concurrently), for the build's timings. */
async function timeCharts<T>(fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    chartStats.ms += performance.now() - start;
  }
}

export async function buildSiteData(data: DataSet, models: MonthModel[], options: SiteOptions = {}): Promise<SiteData> {
  const pdfMonths = new Set(options.pdfMonths ?? []);
  const latestModel = models[models.length - 1]!;
  const slugs = slugsFor(data.indicators.map((i) => i.ref));
  const labels = data.authority.benchmarks.labels;
  const sectionsInOrder = [...data.sections].sort((a, b) => a.order - b.order);
  const sectionTitle = new Map(sectionsInOrder.map((s) => [s.id, s.title]));
  const indicatorOf = new Map(data.indicators.map((i) => [i.ref, i]));

  const months: MonthPage[] = [];
  const sectionPages: SectionPage[] = [];
  for (const model of models) {
    const byRef = new Map(model.indicators.map((i) => [i.ref, i]));
    const isLatest = model === latestModel;
    months.push({
      month: model.month,
      label: longMonth(model.month),
      url: paths.month(model.month),
      isLatest,
      reportingYear: model.reportingYear,
      summary: model.sections
        .map((s) => ({
          id: s.id,
          title: s.title,
          url: paths.section(model.month, s.id),
          table: summaryTable(model, s.indicators.map((r) => byRef.get(r)!).filter((i) => i.inSummary), data.authority),
        }))
        .filter((s) => s.table.rows.length > 0),
      sections: model.sections.map((s) => ({ text: s.title, href: paths.section(model.month, s.id) })),
      downloads: [
        ...(pdfMonths.has(model.month) ? [{ text: `Board pack for ${longMonth(model.month)} (PDF)`, href: paths.pdf(model.month) }] : []),
        { text: `Figures for ${longMonth(model.month)} (CSV)`, href: paths.csv(model.month) },
        { text: `Figures for ${longMonth(model.month)} (JSON)`, href: paths.json(model.month) },
      ],
      restatements: model.restatements.map((r) => {
        const ind = byRef.get(r.ref)!;
        return {
          ref: r.ref,
          title: ind.title,
          url: paths.indicator(slugs.get(r.ref)!),
          month: shortMonth(r.month),
          published: formatValue(r.published, ind.unit, ind.decimals),
          restated: formatValue(r.restated, ind.unit, ind.decimals),
        };
      }),
    });

    // All the month's charts at once, so the render workers are kept busy.
    const sectionCharts = await timeCharts(() =>
      Promise.all(
        model.sections.map(async (s) => {
          const jobs: Promise<ChartView | null>[] = [];
          for (const [c, chart] of s.charts.entries()) {
            const id = `chart-${model.month}-${s.id}-${c + 1}`;
            if (chart.type !== "spc") {
              jobs.push(renderChart(chart, model, labels, id));
              continue;
            }
            // One SPC chart per indicator named.
            for (const [k, ref] of chart.indicators.entries()) {
              const ind = byRef.get(ref)!;
              const analysis = analyseIndicator(ind, indicatorOf.get(ref)!, data.authority);
              if (analysis) jobs.push(renderSpcChart(ind, analysis, `${id}-${k + 1}`, chart.indicators.length > 1 ? `${chart.title}: ${ind.shortTitle}` : chart.title));
            }
          }
          return (await Promise.all(jobs)).filter((c): c is ChartView => c !== null);
        }),
      ),
    );
    for (const [idx, s] of model.sections.entries()) {
      const charts = sectionCharts[idx]!;
      const prev = model.sections[idx - 1];
      const next = model.sections[idx + 1];
      sectionPages.push({
        month: model.month,
        monthLabel: longMonth(model.month),
        monthUrl: paths.month(model.month),
        url: paths.section(model.month, s.id),
        id: s.id,
        title: s.title,
        definitionHtml: s.definition ? renderMarkdown(s.definition) : null,
        commentaryHtml: s.commentary ? renderMarkdown(s.commentary) : null,
        tables: s.tables.map((t) => sectionTable(model, t, byRef, labels)),
        charts,
        previous: prev ? { text: prev.title, href: paths.section(model.month, prev.id) } : null,
        next: next ? { text: next.title, href: paths.section(model.month, next.id) } : null,
        indicators: s.indicators.map((r) => ({ text: `${r} ${byRef.get(r)!.title}`, href: paths.indicator(slugs.get(r)!) })),
        narrative: s.commentary
          ? []
          : s.indicators
              .map((r) => byRef.get(r)!)
              .filter((i) => i.inSummary && i.narrative.length)
              .map((i) => ({ ref: i.ref, href: paths.indicator(slugs.get(i.ref)!), text: i.narrative.join(" ") })),
      });
    }
  }

  const indicatorCharts = await timeCharts(() =>
    Promise.all(
      latestModel.indicators.map(async (ind) => {
        const slug = slugs.get(ind.ref)!;
        const analysis = analyseIndicator(ind, indicatorOf.get(ind.ref)!, data.authority);
        return Promise.all([
          ind.series.some((p) => p.value !== null)
            ? renderChartData(historyData(ind, `${ind.ref} ${ind.shortTitle}: every month on record`, labels), `chart-indicator-${slug}`)
            : null,
          analysis ? renderSpcChart(ind, analysis, `chart-indicator-${slug}-spc`, `${ind.ref} ${ind.shortTitle}: statistical process control`) : null,
        ]);
      }),
    ),
  );
  const indicatorPages: IndicatorPage[] = [];
  for (const [n, ind] of latestModel.indicators.entries()) {
    const slug = slugs.get(ind.ref)!;
    const [chart, spcChart] = indicatorCharts[n]!;
    const source = indicatorOf.get(ind.ref)!;
    indicatorPages.push({
      spcChart,
      narrative: ind.narrative,
      ref: ind.ref,
      slug,
      url: paths.indicator(slug),
      title: ind.title,
      section: { text: sectionTitle.get(ind.section) ?? ind.section, href: paths.section(latestModel.month, ind.section) },
      details: indicatorDetails(ind, describeCompute(source), data),
      latest: `${formatValue(ind.value, ind.unit, ind.decimals)} in ${longMonth(latestModel.month)}`,
      chart,
      history: historyTable(ind),
      annual: {
        head: [{ text: "Year" }, { text: "Outturn", format: "numeric" }],
        rows: ind.annual.map((a) => [textCell(a.year), a.value === null ? { text: "-", format: "numeric" as const } : figureCell(a, ind.unit, ind.decimals)]),
        columns: 2,
      },
      restatements: ind.restatements.length
        ? {
            head: [{ text: "Month" }, { text: "First published", format: "numeric" }, { text: "Restated", format: "numeric" }, { text: "Restated in" }],
            rows: ind.restatements.map((r) => [
              textCell(shortMonth(r.month)),
              { text: formatValue(r.published, ind.unit, ind.decimals), format: "numeric" as const },
              { text: formatValue(r.restated, ind.unit, ind.decimals), format: "numeric" as const },
              textCell(longMonth(r.in)),
            ]),
            columns: 4,
          }
        : null,
      definitionHtml: ind.definition ? renderMarkdown(ind.definition) : null,
    });
  }

  const printPages = models
    .filter((m) => pdfMonths.has(m.month))
    .map((model) => printPage(data, model, months.find((p) => p.month === model.month)!, sectionPages.filter((p) => p.month === model.month)));

  return {
    printPages,
    authority: { ...data.authority, benchmarkYear: data.authority.benchmarks.year },
    latest: latestModel.month,
    months: [...months].reverse(),
    sectionPages,
    indicatorPages,
    indicatorIndex: sectionsInOrder.map((s) => ({
      title: s.title,
      indicators: latestModel.indicators.filter((i) => i.section === s.id).map((i) => ({ text: `${i.ref} ${i.title}`, href: paths.indicator(slugs.get(i.ref)!) })),
    })),
    key: keyData(data),
    generator: "boardpack",
  };
}

function indicatorDetails(ind: IndicatorResult, computedAs: string, data: DataSet): IndicatorPage["details"] {
  const rows: IndicatorPage["details"] = [];
  const add = (key: string, value: string | { html: string }) => rows.push({ key: { text: key }, value: typeof value === "string" ? { text: value } : value });
  add("Reference", ind.ref);
  add("Unit", dataNote(ind));
  add("Good performance is", POLARITY_WORDS[ind.polarity]);
  add("Counted", ind.kind === "flow" ? "In the month (a flow: adds up over the year)" : "At month end (a snapshot)");
  add("How it is worked out", computedAs);
  add("Latest", `${formatValue(ind.value, ind.unit, ind.decimals)} (${ind.dot ? dotText(ind.dot, ind.dotJudgement) : "no direction of travel"}; ${formatChange(ind.changeFromPrevious)} on last month)`);
  if (ind.ytd !== null) add(`Year to date`, formatValue(ind.ytd, ind.unit, ind.decimals));
  add("Target", ind.target ? targetText(ind) : "None");
  if (ind.rag) add("RAG rating", { html: ragTag(ind.rag) });
  if (ind.benchmarks) {
    const labels = data.authority.benchmarks.labels;
    const parts = Object.entries(ind.benchmarks.values).map(([k, v]) => {
      const pos = ind.benchmarkPosition?.[k as keyof typeof labels];
      return `${labels[k as keyof typeof labels]} ${formatValue(v as number, ind.unit, ind.decimals)}${pos ? ` (${pos === "similar" ? "similar to" : pos + " than"} it)` : ""}`;
    });
    add(`Benchmarks (${ind.benchmarks.year})`, parts.join("; "));
    const position = positionText(ind);
    if (position) add("Against benchmarks", position);
  }
  if (ind.spc) {
    add("Variation (SPC)", { html: `${variationIcon(ind.spc.variation)} ${escapeText(VARIATION_WORDS[ind.spc.variation] ?? ind.spc.variation)}` });
    if (ind.spc.assurance) add("Assurance (SPC)", { html: `${assuranceIcon(ind.spc.assurance)} ${escapeText(ASSURANCE_WORDS[ind.spc.assurance] ?? ind.spc.assurance)}` });
  }
  if (ind.owner) add("Owner", ind.owner);
  if (ind.reporter) add("Reporter", ind.reporter);
  if (ind.outcome) add("Outcome", ind.outcome);
  return rows;
}

function historyTable(ind: IndicatorResult): TableView {
  const head: Cell[] = [{ text: "Month" }, { text: ind.shortTitle, format: "numeric" }];
  const rows = [...ind.series].reverse().map((p) => [textCell(shortMonth(p.month)), figureCell(p, ind.unit, ind.decimals)]);
  for (const t of ind.terms) rows.push([textCell(t.label), figureCell({ value: t.value }, ind.unit, ind.decimals)]);
  return { head, rows, columns: 2 };
}

function keyData(data: DataSet): SiteData["key"] {
  const threshold = data.authority.dot.convention === "threshold";
  const dot = threshold
    ? [
        { symbol: "↑", text: `Up ${Math.round((data.authority.dot as { threshold: number }).threshold * 100)}% or more on last month`, tone: "neutral" },
        { symbol: "⇒", text: "Similar to last month", tone: "neutral" },
        { symbol: "↓", text: `Down ${Math.round((data.authority.dot as { threshold: number }).threshold * 100)}% or more on last month`, tone: "neutral" },
      ]
    : [
        { symbol: "↑", text: "Improvement in performance (or, where no judgement is made, an increase in numbers)", tone: "positive" },
        { symbol: "→", text: "No movement: the same as last month", tone: "similar" },
        { symbol: "↓", text: "Decline in performance (or, where no judgement is made, a decrease in numbers)", tone: "negative" },
      ];
  return {
    dot,
    variation: data.authority.display.spc
      ? ["common-cause", "improvement-high", "improvement-low", "concern-high", "concern-low", "neutral-high"].map((n) => ({ html: variationIcon(n), text: VARIATION_WORDS[n]! }))
      : [],
    assurance: data.authority.display.spc ? ["consistently-pass", "consistently-fail", "inconsistent"].map((n) => ({ html: assuranceIcon(n), text: ASSURANCE_WORDS[n]! })) : [],
    rag: !data.authority.display.rag ? [] : [
      { html: ragTag("green"), text: "On or better than target" },
      { html: ragTag("amber"), text: "Within tolerance of the target" },
      { html: ragTag("red"), text: "Outside tolerance: not on target" },
    ],
  };
}

function printPage(data: DataSet, model: MonthModel, monthPage: MonthPage, sections: SectionPage[]): PrintPage {
  const { report } = data.authority;
  const cover: PrintPage["cover"] = [
    { key: { text: "As at month end" }, value: { text: longMonth(model.month) } },
    { key: { text: "Reporting year" }, value: { text: model.reportingYear } },
  ];
  if (model.report.status) cover.push({ key: { text: "Status" }, value: { text: model.report.status } });
  if (model.report.created) cover.push({ key: { text: "Date created" }, value: { text: longDate(model.report.created) } });
  if (model.report.createdBy) cover.push({ key: { text: "Created by" }, value: { text: model.report.createdBy } });
  const byRef = new Map(model.indicators.map((i) => [i.ref, i]));
  return {
    month: model.month,
    label: longMonth(model.month),
    url: paths.print(model.month),
    title: report.title,
    headerCss: cssString(`${report.title} – ${longMonth(model.month)}`),
    footerCss: cssString(data.authority.name),
    cover,
    contents: [
      { id: "summary", title: "Performance summary" },
      ...sections.map((s) => ({ id: `section-${s.id}`, title: s.title })),
      { id: "appendix", title: "Appendix: definitions and restated figures" },
    ],
    summary: monthPage.summary.map(({ id, title, table }) => ({ id, title, table })),
    sections,
    appendix: model.sections.map((s) => ({
      id: s.id,
      title: s.title,
      definitionHtml: s.definition ? renderMarkdown(s.definition) : null,
      table: {
        head: [{ text: "Ref" }, { text: "Indicator" }, { text: "Unit" }, { text: "Good performance is" }, { text: "Counted" }, { text: "How it is worked out" }, { text: "Target" }],
        rows: s.indicators.map((r) => {
          const i = byRef.get(r)!;
          const source = data.indicators.find((x) => x.ref === r)!;
          return [
            textCell(i.ref, "bp-ref"),
            textCell(i.definition ? `${i.title}. ${i.definition}` : i.title),
            textCell(dataNote(i)),
            textCell(POLARITY_WORDS[i.polarity]),
            textCell(i.kind === "flow" ? "In month" : "Month end"),
            textCell(describeCompute(source)),
            textCell(i.target ? targetText(i) : "None"),
          ];
        }),
        columns: 7,
      },
    })),
    restatements: monthPage.restatements,
  };
}

function longDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `${d} ${longMonth(`${y}-${String(m).padStart(2, "0")}`).split(" ")[0]} ${y}`;
}

/** A CSS string literal that cannot close the <style> element it sits in. */
function cssString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/</g, "\\3C ").replace(/\n/g, " ")}"`;
}
