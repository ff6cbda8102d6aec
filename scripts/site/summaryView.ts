// The performance summary as the website shows it (the printed pack has its
// own, in tables.ts). On screen the key columns come first, so a phone shows
// them without scrolling: the reference (kept in view while the table
// scrolls), the indicator (a link to its page), the latest figure, DoT and
// RAG. The rest follows: target, SPC, earlier months, year to date, annual
// trend, benchmarks. A column that no indicator of the month fills (RAG and
// target where there are no targets, a benchmark nobody has) is left out, in
// every section alike.
import type { Authority, IndicatorResult, MonthModel } from "../model/types.ts";
import { monthRange, shortMonth } from "../metrics/months.ts";
import { figureChangeCell, dotCell, escapeHtml, figureCell, ragCell, textCell, type Cell } from "./cells.ts";
import { fieldFigure, withheldAs } from "../format/withheld.ts";
import { assuranceIcon, variationIcon } from "./icons.ts";
import { ACADEMIC_NOTE, annualCell, hasAcademicFigures, benchmarkCell, dataNote, monthFigureCell, targetText, type TableView } from "./tables.ts";
import { benchmarkVerdict, verdictHeading } from "../format/benchmarkVerdict.ts";
import { latestFigure, POLARITY_SHORT } from "./words.ts";

const head = (text: string, classes = ""): Cell => ({ text, ...(classes ? { classes } : {}) });
const numericHead = (text: string): Cell => ({ text, format: "numeric" });
/** A month or year heading ("Dec-20", "2019/20"): never broken at its hyphen or slash. */
const periodHead = (text: string): Cell => ({ text, format: "numeric", classes: "bp-nowrap" });
const centred = (html: string): Cell => ({ html, classes: "bp-cell-centre" });

/** The indicator's title, a link to its page. */
function indicatorCell(i: IndicatorResult, href: string): Cell {
  return { html: `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(i.title)}</a>`, classes: "bp-summary__indicator" };
}

/** The report month's figure, or the latest term's or year's with its period under it. */
function latestCell(i: IndicatorResult, month: string): Cell {
  const latest = latestFigure(i, month);
  if (latest.current) return monthFigureCell(i, month, month);
  return { html: `${escapeHtml(latest.value)} <span class="bp-parts">${escapeHtml(latest.period)}</span>`, format: "numeric" };
}

export function siteSummaryTable(
  model: MonthModel,
  indicators: IndicatorResult[],
  authority: Pick<Authority, "benchmarks" | "dot" | "report" | "display">,
  indicatorHref: (ref: string) => string,
): TableView {
  const showRag = authority.display.rag;
  const showSpc = authority.display.spc;
  const dataset = authority.report.style === "monthly-dataset";
  const bm = authority.benchmarks;
  // Earlier months, newest first, after the latest: the 12 months of a
  // monthly dataset, the last three of a performance report.
  const earlier = monthRange(model.last12[dataset ? 0 : 9]!, model.month).slice(0, -1).reverse();
  const point = (i: IndicatorResult, m: string) => i.series.find((p) => p.month === m) ?? null;

  const all = model.indicators.filter((i) => i.inSummary);
  const any = (has: (i: IndicatorResult) => unknown) => all.some((i) => has(i) !== null && has(i) !== undefined && has(i) !== "");
  const withTargets = any((i) => i.target);
  const columns: { head: Cell; cell: (i: IndicatorResult) => Cell; shown?: boolean }[] = [
    { head: head("Ref"), cell: (i) => textCell(i.ref, "bp-ref") },
    { head: head("Indicator"), cell: (i) => indicatorCell(i, indicatorHref(i.ref)) },
    { head: periodHead(shortMonth(model.month)), cell: (i) => latestCell(i, model.month) },
    { head: head("DoT", "bp-cell-centre"), cell: (i) => dotCell(i.dot, i.dotJudgement, authority.dot, withheldAs(i, "dot")) },
    ...(showRag ? [{ head: head("RAG", "bp-cell-centre"), cell: (i: IndicatorResult) => ragCell(i.rag, withheldAs(i, "rag")), shown: withTargets }] : []),
    ...(dataset
      ? [
          { head: numericHead("Change on last month"), cell: (i: IndicatorResult) => figureChangeCell(i, i.previous, i.changeFromPrevious, withheldAs(i, "changeFromPrevious")) },
          { head: numericHead("Change on last year"), cell: (i: IndicatorResult) => figureChangeCell(i, i.lastYear, i.changeFromLastYear, withheldAs(i, "changeFromLastYear")) },
        ]
      : []),
    { head: head("Target"), cell: (i) => (i.target ? textCell(targetText(i), "bp-summary__target") : textCell("None", "bp-na")), shown: withTargets },
    ...(showSpc
      ? [
          { head: head("Variation", "bp-cell-centre"), cell: (i: IndicatorResult) => centred(variationIcon(i.spc?.variation)) },
          { head: head("Assurance", "bp-cell-centre"), cell: (i: IndicatorResult) => centred(assuranceIcon(i.spc?.assurance)), shown: withTargets },
        ]
      : []),
    ...earlier.map((m) => ({ head: periodHead(shortMonth(m)), cell: (i: IndicatorResult) => figureCell(point(i, m), i.unit, i.decimals, { parts: false }) })),
    ...(dataset
      ? [
          { head: numericHead("12-month average"), cell: (i: IndicatorResult) => figureCell(fieldFigure(i, "average12"), i.unit, i.decimals) },
          { head: numericHead("12-month max"), cell: (i: IndicatorResult) => figureCell(fieldFigure(i, "max12"), i.unit, i.decimals) },
        ]
      : [
          {
            shown: any((i) => i.ytd),
            head: numericHead(`YTD ${model.reportingYear}`),
            cell: (i: IndicatorResult) => (i.ytd === null && !withheldAs(i, "ytd") ? { text: "-", format: "numeric" as const, classes: "bp-na" } : figureCell(fieldFigure(i, "ytd"), i.unit, i.decimals, { parts: false })),
          },
          ...model.trendYears.map((year, n) => ({
            shown: any((i) => i.annual[n]?.value),
            head: periodHead(year),
            cell: (i: IndicatorResult) => annualCell(i, n, year),
          })),
        ]),
    ...bm.columns.map((k) => ({
      shown: any((i) => i.benchmarks?.values[k]),
      head: { ...numericHead(bm.labels[k]), classes: "bp-summary__benchmark" },
      cell: (i: IndicatorResult) => benchmarkCell(i, k, bm.year),
    })),
    { head: head(verdictHeading(model.month, bm.year)), cell: (i) => textCell(benchmarkVerdict(i, bm.year), "bp-summary__verdict"), shown: any((i) => benchmarkVerdict(i, bm.year)) },
    { head: head("Good performance"), cell: (i) => textCell(POLARITY_SHORT[i.polarity]) },
    { head: head("Unit"), cell: (i) => textCell(dataNote(i)) },
    ...(dataset
      ? [
          { head: head("Owner"), cell: (i: IndicatorResult) => textCell(i.owner ?? ""), shown: any((i) => i.owner) },
          { head: head("Reporter"), cell: (i: IndicatorResult) => textCell(i.reporter ?? ""), shown: any((i) => i.reporter) },
        ]
      : []),
  ];
  const shown = columns.filter((c) => c.shown !== false);
  const academic = !dataset && indicators.some(hasAcademicFigures);
  return {
    head: shown.map((c) => c.head),
    rows: indicators.map((i) => shown.map((c) => c.cell(i))),
    columns: shown.length,
    classes: "bp-summary-table",
    ...(academic ? { footnotes: [ACADEMIC_NOTE] } : {}),
  };
}
