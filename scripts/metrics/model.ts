// Assembles the computed model of one report month from the data set:
// every derived figure of every indicator, from unrounded values.
import type { DataSet, Figure, Indicator, IndicatorResult, Month, MonthModel, Restatement, SeriesPoint } from "../model/types.ts";
import { describeCompute } from "../model/dependencies.ts";
import { outturn, outturnMap, trendYears } from "./annual.ts";
import { benchmarkBand, benchmarkPositions } from "./benchmark.ts";
import { analyseIndicator, spcResult } from "../spc/forIndicator.ts";
import { draftNarrative } from "../narrative/draft.ts";
import { relativeChange } from "./change.ts";
import { derive, type FigureMap } from "./derive.ts";
import { directionOfTravel } from "./dot.ts";
import { addMonths, last12, monthRange, reportingYear, shiftYear, yearStart, monthsOfYear } from "./months.ts";
import { ragRating } from "./rag.ts";
import { rolling12 } from "./rolling.ts";
import { vintageAt } from "./vintage.ts";
import { average12, max12 } from "./window.ts";
import { yearToDate } from "./ytd.ts";

const TERM_ORDER = { autumn: 0, spring: 1, summer: 2 } as const;

export function buildMonthModel(data: DataSet, month: Month): MonthModel {
  const { authority } = data;
  const vintage = vintageAt(data, month);
  const { figures } = derive(data.indicators, vintage, authority);
  const covered = new Set(vintage.months);
  const isCovered = (m: Month) => covered.has(m);
  const byRef = new Map(data.indicators.map((i) => [i.ref, i]));
  const outturns = outturnMap(data.outturns);
  const years = trendYears(month, authority.yearStartMonth);
  const figureOf = (ref: string, m: Month): Figure | null => (covered.has(m) ? (figures.get(ref)?.get(m) ?? null) : null);

  const noteOf = (ref: string, m: Month): string | null => (covered.has(m) ? (vintage.notes.get(ref)?.get(m) ?? null) : null);
  const outturnNotes = new Map(data.outturns.map((f) => [f.year, new Map(f.values.filter((e) => e.note).map((e) => [e.ref, e.note!]))]));
  const results = data.indicators.map((ind) =>
    indicatorResult(ind, month, { data, figures, isCovered, byRef, outturns, years, figureOf, noteOf, outturnNotes, restatements: vintage.restatements }),
  );

  const yearLabel = reportingYear(month, authority.yearStartMonth);
  const { source: _source, sections: _sections, publicEdition: _public, ...authorityOut } = authority;
  const commentary = new Map(data.commentary.filter((c) => c.month === month && !c.draft && c.markdown !== "").map((c) => [c.section, c.markdown]));
  const indicatorsBySection = new Map<string, string[]>();
  for (const ind of data.indicators) {
    const list = indicatorsBySection.get(ind.section) ?? [];
    list.push(ind.ref);
    indicatorsBySection.set(ind.section, list);
  }

  return {
    month,
    reportingYear: yearLabel,
    yearMonths: monthsOfYear(yearLabel, authority.yearStartMonth),
    last12: last12(month),
    trendYears: years,
    authority: authorityOut,
    sections: [...data.sections]
      .sort((a, b) => a.order - b.order)
      .map((s) => ({
        id: s.id,
        title: s.title,
        definition: s.definition ?? null,
        commentary: commentary.get(s.id) ?? null,
        tables: s.tables,
        charts: s.charts.map(({ source: _s, ...c }) => c),
        footnotes: s.footnotes ?? [],
        indicators: indicatorsBySection.get(s.id) ?? [],
      })),
    indicators: results,
    restatements: vintage.restatements.filter((r) => r.in === month),
    report: reportDetails(data, month),
  };
}

interface Context {
  data: DataSet;
  figures: FigureMap;
  isCovered: (m: Month) => boolean;
  byRef: ReadonlyMap<string, Indicator>;
  outturns: ReturnType<typeof outturnMap>;
  years: string[];
  figureOf: (ref: string, m: Month) => Figure | null;
  /** Words in place of a missing monthly figure. */
  noteOf: (ref: string, m: Month) => string | null;
  /** year -> ref -> words in place of a missing outturn. */
  outturnNotes: Map<string, Map<string, string>>;
  restatements: Restatement[];
}

function indicatorResult(ind: Indicator, month: Month, ctx: Context): IndicatorResult {
  const result = figuresOf(ind, month, ctx);
  result.spc = spcResult(analyseIndicator(result, ind, ctx.data.authority));
  result.narrative = draftNarrative(result, month, ctx.data.authority.benchmarks.labels);
  return result;
}

function figuresOf(ind: Indicator, month: Month, ctx: Context): IndicatorResult {
  const { authority } = ctx.data;
  const figure = ctx.figureOf(ind.ref, month);
  const valueOf = (m: Month) => ctx.figureOf(ind.ref, m)?.value ?? null;
  const weightOf = (m: Month) => (ind.percentageOf ? (ctx.figureOf(ind.percentageOf, m)?.value ?? null) : null);
  const value = figure?.value ?? null;
  const previous = valueOf(addMonths(month, -1));
  const lastYear = valueOf(addMonths(month, -12));
  const dot = directionOfTravel(value, previous, ind.polarity, authority.dot);
  const ytdWindow = monthRange(yearStart(month, authority.yearStartMonth), month);
  const ytd = ind.frequency === "monthly" ? yearToDate(ind, ytdWindow, ctx.isCovered, (m) => ctx.figureOf(ind.ref, m), weightOf) : null;
  // Marked in this month's tables: figures that changed since they were last published.
  const restatedMonths = new Set(ctx.restatements.filter((r) => r.ref === ind.ref && r.in === month).map((r) => r.month));
  const firstMonth = [...ctx.figures.get(ind.ref)?.keys() ?? []][0];

  return {
    ref: ind.ref,
    section: ind.section,
    title: ind.title,
    shortTitle: ind.shortTitle,
    unit: ind.unit,
    decimals: ind.decimals,
    polarity: ind.polarity,
    kind: ind.kind,
    frequency: ind.frequency,
    inSummary: ind.inSummary,
    dataNote: ind.dataNote ?? null,
    value,
    numerator: figure?.numerator ?? null,
    denominator: figure?.denominator ?? null,
    previous,
    changeFromPrevious: relativeChange(value, previous),
    lastYear,
    changeFromLastYear: relativeChange(value, lastYear),
    average12: average12(month, valueOf),
    max12: max12(month, valueOf),
    ytd: ytd?.value ?? null,
    // Numerators rebuilt from percentages are weights, not counts anyone recorded.
    ytdNumerator: ytd && !ytd.estimated ? (ytd.numerator ?? null) : null,
    ytdDenominator: ytd && !ytd.estimated ? (ytd.denominator ?? null) : null,
    rolling12: ind.kind === "flow" && ind.unit === "count" ? rolling12(month, valueOf) : null,
    dot: dot.dot,
    dotJudgement: dot.judgement,
    rag: ragRating(value, ind.target),
    target: ind.target ?? null,
    benchmarks: ind.benchmarks ?? null,
    benchmarkPosition: benchmarkPositions(value, ind.benchmarks?.values, ind.polarity, authority.benchmarks.similarWithin),
    benchmarkBand: benchmarkBand(value, ind.benchmarks?.values, ind.polarity),
    spc: null,
    narrative: [],
    yearBasis: ind.yearBasis,
    annual: ctx.years.map((year) => {
      const label = ind.yearBasis === "academic" ? shiftYear(year, -1, authority.yearStartMonth) : year;
      const f = outturn(ind, label, ctx.outturns, ctx.byRef, authority, ctx.isCovered, ctx.figureOf, weightOf);
      const note = f ? undefined : ctx.outturnNotes.get(label)?.get(ind.ref);
      return {
        year: label,
        value: f?.value ?? null,
        ...(note ? { note } : {}),
        ...(f?.numerator !== undefined ? { numerator: f.numerator } : {}),
        ...(f?.denominator !== undefined ? { denominator: f.denominator } : {}),
      };
    }),
    series: firstMonth
      ? monthRange(firstMonth, month).map((m) => {
          // Fields set one by one (in this order, as the JSON has them): each month's model carries every
          // month before it, and spreading optional fields made these points a large share of the compute.
          const f = ctx.figureOf(ind.ref, m);
          const point: SeriesPoint = { month: m, value: f?.value ?? null };
          const note = f ? null : ctx.noteOf(ind.ref, m);
          if (note) point.note = note;
          if (f?.numerator !== undefined) point.numerator = f.numerator;
          if (f?.denominator !== undefined) point.denominator = f.denominator;
          if (restatedMonths.has(m)) point.restated = true;
          return point;
        })
      : [],
    terms: termValues(ind, ctx.data),
    restatements: ctx.restatements.filter((r) => r.ref === ind.ref),
    rebases: ind.rebase ?? [],
    footnotes: ind.footnotes ?? [],
    definition: ind.definition ?? null,
    owner: ind.owner ?? null,
    reporter: ind.reporter ?? null,
    outcome: ind.outcome ?? null,
    computedAs: describeCompute(ind),
  };
}

function termValues(ind: Indicator, data: DataSet): IndicatorResult["terms"] {
  if (ind.frequency !== "termly") return [];
  const out: { key: string; label: string; value: number | null; note?: string }[] = [];
  for (const file of data.terms) {
    for (const term of file.terms) {
      const entry = term.values.find((e) => e.ref === ind.ref);
      if (!entry) continue;
      out.push({
        key: `${file.year}-${TERM_ORDER[term.term]}`,
        label: `${term.term[0]!.toUpperCase()}${term.term.slice(1)} term ${file.year}`,
        value: entry.figure?.value ?? null,
        ...(!entry.figure && entry.note ? { note: entry.note } : {}),
      });
    }
  }
  return out.sort((a, b) => a.key.localeCompare(b.key)).map(({ key: _key, ...term }) => term);
}

function reportDetails(data: DataSet, month: Month): MonthModel["report"] {
  const own = data.months.find((m) => m.month === month)?.report ?? {};
  const { report } = data.authority;
  const details: MonthModel["report"] = {};
  const status = own.status ?? report.status;
  const createdBy = own.createdBy ?? report.createdBy;
  if (status) details.status = status;
  if (own.created) details.created = own.created;
  if (createdBy) details.createdBy = createdBy;
  return details;
}

/** Every month that has a data file: the months a report can be built for. */
export function reportMonths(data: DataSet): Month[] {
  return data.months.map((m) => m.month);
}
