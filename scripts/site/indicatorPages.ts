// A page per indicator: every month on record, charts (history and SPC),
// the drafted summary, definition, target, benchmarks and restatements.
import type { DataSet, IndicatorResult, MonthModel } from "../model/types.ts";
import { renderChartData, timeCharts } from "../charts/chart.ts";
import { historyData } from "../charts/chartData.ts";
import { renderSpcChart } from "../charts/spcChart.ts";
import { analyseIndicator } from "../spc/forIndicator.ts";
import { dotText } from "../format/dot.ts";
import { formatChange, formatValue } from "../format/number.ts";
import { describeCompute } from "../model/dependencies.ts";
import { longMonth, shortMonth } from "../metrics/months.ts";
import { escapeHtml as escapeText, figureCell, ragTag, textCell, type Cell } from "./cells.ts";
import { ASSURANCE_WORDS, assuranceIcon, VARIATION_WORDS, variationIcon } from "./icons.ts";
import { renderMarkdown } from "./markdown.ts";
import { paths } from "./paths.ts";
import { dataNote, POLARITY_WORDS, positionText, targetText, type TableView } from "./tables.ts";
import type { IndicatorPage, SiteContext } from "./views.ts";

export async function indicatorPages(ctx: SiteContext, model: MonthModel): Promise<IndicatorPage[]> {
  const { data, slugs, indicatorOf, sectionTitle } = ctx;
  const labels = data.authority.benchmarks.labels;
  const charts = await timeCharts(() =>
    Promise.all(
      model.indicators.map(async (ind) => {
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
  return model.indicators.map((ind, n) => {
    const slug = slugs.get(ind.ref)!;
    const [chart, spcChart] = charts[n]!;
    return {
      ref: ind.ref,
      slug,
      url: paths.indicator(slug),
      title: ind.title,
      section: { text: sectionTitle.get(ind.section) ?? ind.section, href: paths.section(model.month, ind.section) },
      details: indicatorDetails(ind, describeCompute(indicatorOf.get(ind.ref)!), data),
      latest: `${formatValue(ind.value, ind.unit, ind.decimals)} in ${longMonth(model.month)}`,
      chart,
      spcChart,
      narrative: ind.narrative,
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
    };
  });
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
