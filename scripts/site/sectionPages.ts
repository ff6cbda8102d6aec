// The section pages of a month: definition, commentary (or the drafted
// narrative), the in-month tables and the section's charts.
import type { MonthModel } from "../model/types.ts";
import { renderChart, timeCharts, type ChartView } from "../charts/chart.ts";
import { renderSpcChart } from "../charts/spcChart.ts";
import { analyseIndicator } from "../spc/forIndicator.ts";
import { longMonth } from "../metrics/months.ts";
import { renderMarkdown } from "./markdown.ts";
import { paths } from "./paths.ts";
import { sectionTable } from "./tables.ts";
import type { SectionPage, SiteContext } from "./views.ts";

/** `phone`: whether the charts are drawn for phones too (the latest and printed months, siteData.ts). */
export async function sectionPages(ctx: SiteContext, model: MonthModel, phone = true): Promise<SectionPage[]> {
  const byRef = new Map(model.indicators.map((i) => [i.ref, i]));
  const labels = ctx.data.authority.benchmarks.labels;
  // All the month's charts at once, so the render workers are kept busy.
  const sectionCharts = await timeCharts(() =>
    Promise.all(
      model.sections.map(async (s) => {
        const jobs: Promise<ChartView | null>[] = [];
        for (const [c, chart] of s.charts.entries()) {
          const id = `chart-${model.month}-${s.id}-${c + 1}`;
          if (chart.type !== "spc") {
            jobs.push(renderChart(chart, model, labels, id, phone));
            continue;
          }
          // One SPC chart per indicator named.
          for (const [k, ref] of chart.indicators.entries()) {
            const ind = byRef.get(ref)!;
            // Process limits are worked out from every point: none where the public edition withholds one.
            const analysis = ind.series.some((p) => p.withheld) ? null : analyseIndicator(ind, ctx.indicatorOf.get(ref)!, ctx.data.authority);
            if (analysis) jobs.push(renderSpcChart(ind, analysis, `${id}-${k + 1}`, chart.indicators.length > 1 ? `${chart.title}: ${ind.shortTitle}` : chart.title, phone));
          }
        }
        return (await Promise.all(jobs)).filter((c): c is ChartView => c !== null);
      }),
    ),
  );
  return model.sections.map((s, idx) => {
    const prev = model.sections[idx - 1];
    const next = model.sections[idx + 1];
    return {
      month: model.month,
      monthLabel: longMonth(model.month),
      monthUrl: paths.month(model.month),
      url: paths.section(model.month, s.id),
      id: s.id,
      title: s.title,
      definitionHtml: s.definition ? renderMarkdown(s.definition) : null,
      commentaryHtml: s.commentary ? renderMarkdown(s.commentary) : null,
      tables: s.tables.map((t, k) => sectionTable(model, t, byRef, labels, k === s.tables.length - 1 ? s.footnotes : [])),
      charts: sectionCharts[idx]!,
      previous: prev ? { text: prev.title, href: paths.section(model.month, prev.id) } : null,
      next: next ? { text: next.title, href: paths.section(model.month, next.id) } : null,
      indicators: s.indicators.map((r) => ({ text: `${r} ${byRef.get(r)!.title}`, href: paths.indicatorFrom(ctx.slugs.get(r)!, model.month) })),
      narrative: s.commentary
        ? []
        : s.indicators
            .map((r) => byRef.get(r)!)
            .filter((i) => i.inSummary && i.narrative.length)
            .map((i) => ({ ref: i.ref, href: paths.indicatorFrom(ctx.slugs.get(i.ref)!, model.month), text: i.narrative.join(" ") })),
    };
  });
}
