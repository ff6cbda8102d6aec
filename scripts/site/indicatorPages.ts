// A page per indicator: every month on record, charts (history and SPC),
// the drafted summary, definition, target, benchmarks and restatements.
import type { DataSet, IndicatorResult, Month, MonthModel } from "../model/types.ts";
import { renderChartData, timeCharts, type ChartView } from "../charts/chart.ts";
import { historyData } from "../charts/chartData.ts";
import { renderSpcChart } from "../charts/spcChart.ts";
import { analyseIndicator } from "../spc/forIndicator.ts";
import { dotText } from "../format/dot.ts";
import { formatFigureChange, formatValue } from "../format/number.ts";
import { longMonth, shortMonth } from "../metrics/months.ts";
import { escapeHtml, figureCell, ragTag, textCell, withheldCell, type Cell } from "./cells.ts";
import { withheldAs } from "../format/withheld.ts";
import { ASSURANCE_WORDS, assuranceIcon, VARIATION_WORDS, variationIcon } from "./icons.ts";
import { renderMarkdown } from "./markdown.ts";
import { countedWords, latestFigure, latestWords, methodWords, POLARITY_PLAIN, refWords } from "./words.ts";
import { fromId, paths } from "./paths.ts";
import { dataNote, targetText, type TableView } from "./tables.ts";
import { benchmarkVerdict } from "../format/benchmarkVerdict.ts";
import type { IndicatorPage, SiteContext } from "./views.ts";

/**
 * The pages of the latest month's indicators. `reportMonths` are the months
 * with a report: the page links to its section in each, and its breadcrumbs
 * lead back to the month a reader came from (see paths.indicatorFrom).
 */
export async function indicatorPages(ctx: SiteContext, model: MonthModel, reportMonths: Month[], onPages?: (pages: IndicatorPage[]) => Promise<void>): Promise<IndicatorPage[]> {
  // Every chart is asked for at once, so the chart workers always have the next one waiting (also while a batch of pages renders).
  const { data, indicatorOf } = ctx;
  const labels = data.authority.benchmarks.labels;
  const charts: Promise<IndicatorCharts>[] = model.indicators.map((ind) => {
    const slug = ctx.slugs.get(ind.ref)!;
    // Process limits are worked out from every point: none where the public edition withholds one.
    const analysis = ind.series.some((p) => p.withheld) ? null : analyseIndicator(ind, indicatorOf.get(ind.ref)!, data.authority);
    return Promise.all([
      ind.series.some((p) => p.value !== null || p.withheld)
        ? renderChartData(historyData(ind, `${ind.ref} ${ind.shortTitle}: every month on record`, labels), `chart-indicator-${slug}`)
        : null,
      analysis ? renderSpcChart(ind, analysis, `chart-indicator-${slug}-spc`, `${ind.ref} ${ind.shortTitle}: statistical process control`) : null,
    ] as const);
  });
  const all = timeCharts(() => Promise.all(charts));
  all.catch(() => {}); // awaited (and its failure reported) batch by batch and below
  // The pages are made a few at a time, each batch as soon as its charts are drawn (while the workers draw the next batch's),
  // and handed to `onPages` when given (a ten-year archive's pages hold every month's figures and links).
  const made: IndicatorPage[] = [];
  for (let i = 0; i < model.indicators.length; i += INDICATORS_AT_ONCE) {
    const batch = await Promise.all(charts.slice(i, i + INDICATORS_AT_ONCE));
    const pages = somePages(ctx, model, reportMonths, model.indicators.slice(i, i + INDICATORS_AT_ONCE), batch);
    if (onPages) await onPages(pages);
    else made.push(...pages);
  }
  await all;
  return made;
}

/**
 * Indicator pages handed on at a time. The last batch is rendered after the last chart is drawn, while the chart
 * workers have nothing left to do: adding a month to a ten-year archive, 50 pages of 120 months took about a second.
 */
const INDICATORS_AT_ONCE = 25;

type IndicatorCharts = readonly [ChartView | null, ChartView | null];

function somePages(ctx: SiteContext, model: MonthModel, reportMonths: Month[], indicators: IndicatorResult[], charts: IndicatorCharts[]): IndicatorPage[] {
  const { slugs, sectionTitle } = ctx;
  return indicators.map((ind, n) => {
    const slug = slugs.get(ind.ref)!;
    const [chart, spcChart] = charts[n]!;
    return {
      ref: ind.ref,
      slug,
      url: paths.indicator(slug),
      title: ind.title,
      section: { text: sectionTitle.get(ind.section) ?? ind.section, href: paths.section(model.month, ind.section) },
      trails: [model.month, ...reportMonths.filter((m) => m !== model.month).reverse()].map((m) => ({
        id: fromId(m),
        items: [
          { text: longMonth(m), href: paths.month(m) },
          { text: sectionTitle.get(ind.section) ?? ind.section, href: paths.section(m, ind.section) },
          { text: ind.ref },
        ],
      })),
      details: indicatorDetails(ind, ctx, model.month),
      latest: latestWords(ind, model.month),
      chart,
      spcChart,
      narrative: ind.narrative,
      inMonths: [...reportMonths].reverse().map((m) => ({ text: longMonth(m), href: paths.section(m, ind.section) })),
      history: historyTable(ind),
      annual: {
        head: [{ text: "Year" }, { text: "Outturn", format: "numeric" }],
        rows: ind.annual.map((a) => [textCell(a.year), a.value === null && !a.withheld && !a.note ? { text: "-", format: "numeric" as const } : figureCell(a, ind.unit, ind.decimals)]),
        columns: 2,
      },
      restatements: ind.restatements.length
        ? {
            head: [{ text: "Month" }, { text: "First published", format: "numeric" }, { text: "Restated", format: "numeric" }, { text: "Restated in" }],
            rows: ind.restatements.map((r) => [
              textCell(shortMonth(r.month)),
              r.withheld?.includes("published") ? withheldCell(ind.withheld?.symbol ?? model.publicEdition?.symbol ?? "c") : { text: formatValue(r.published, ind.unit, ind.decimals), format: "numeric" as const },
              r.withheld?.includes("restated") ? withheldCell(ind.withheld?.symbol ?? model.publicEdition?.symbol ?? "c") : { text: formatValue(r.restated, ind.unit, ind.decimals), format: "numeric" as const },
              textCell(longMonth(r.in)),
            ]),
            columns: 4,
          }
        : null,
      definitionHtml: ind.definition ? renderMarkdown(ind.definition) : null,
    };
  });
}

function indicatorDetails(ind: IndicatorResult, ctx: SiteContext, month: Month): IndicatorPage["details"] {
  const data: DataSet = ctx.data;
  const rows: IndicatorPage["details"] = [];
  const add = (key: string, value: string | { html: string }) => rows.push({ key: { text: key }, value: typeof value === "string" ? { text: value } : value });
  add("Reference", ind.ref);
  add("Unit", dataNote(ind));
  add("Good performance", POLARITY_PLAIN[ind.polarity]);
  add("Counted", countedWords(ind));
  add("How it is worked out", methodWords(ctx.indicatorOf.get(ind.ref)!, (ref) => refWords(ctx.indicatorOf.get(ref), ref)));
  add(
    "Latest",
    latestFigure(ind, month).current && ind.value !== null
      ? `${latestWords(ind, month)}: ${ind.dot ? dotText(ind.dot, ind.dotJudgement).toLowerCase() : "no direction of travel"} (${withheldAs(ind, "changeFromPrevious") ?? formatFigureChange(ind, ind.previous, ind.value, ind.changeFromPrevious)} on last month)`
      : latestWords(ind, month),
  );
  const ytdWithheld = withheldAs(ind, "ytd");
  if (ind.ytd !== null || ytdWithheld) add(`Year to date`, ytdWithheld ? `${ytdWithheld} (withheld)` : formatValue(ind.ytd, ind.unit, ind.decimals));
  add("Target", ind.target ? targetText(ind) : "No target");
  if (ind.rag) add("RAG rating", { html: ragTag(ind.rag) });
  if (ind.benchmarks) {
    const labels = data.authority.benchmarks.labels;
    const parts = Object.entries(ind.benchmarks.values).map(([k, v]) => `${labels[k as keyof typeof labels]} ${formatValue(v as number, ind.unit, ind.decimals)}`);
    add(`Benchmarks (${ind.benchmarks.year})`, parts.join("; "));
    // Which figure is judged, against which year's benchmarks, in the words themselves.
    const verdict = benchmarkVerdict(ind, ind.benchmarks.year);
    if (verdict) add(`${longMonth(month)} against benchmarks (${ind.benchmarks.year})`, verdict);
  }
  if (ind.spc) {
    add("Variation (SPC)", { html: `${variationIcon(ind.spc.variation)} ${escapeHtml(VARIATION_WORDS[ind.spc.variation] ?? ind.spc.variation)}` });
    if (ind.spc.assurance) add("Assurance (SPC)", { html: `${assuranceIcon(ind.spc.assurance)} ${escapeHtml(ASSURANCE_WORDS[ind.spc.assurance] ?? ind.spc.assurance)}` });
  }
  if (ind.owner) add("Owner", ind.owner);
  if (ind.reporter) add("Reporter", ind.reporter);
  if (ind.outcome) add("Outcome", ind.outcome);
  return rows;
}

/** Every figure on record, newest first: the months (unless none has a figure, as for a termly indicator), then the terms. */
function historyTable(ind: IndicatorResult): TableView {
  const head: Cell[] = [{ text: ind.terms.length ? "Month or term" : "Month" }, { text: ind.shortTitle, format: "numeric" }];
  const months = ind.series.some((p) => p.value !== null || p.withheld) ? [...ind.series].reverse() : [];
  const rows = months.map((p) => [textCell(shortMonth(p.month)), figureCell(p, ind.unit, ind.decimals)]);
  for (const t of [...ind.terms].reverse()) rows.push([textCell(t.label), figureCell(t, ind.unit, ind.decimals)]);
  return { head, rows, columns: 2 };
}
