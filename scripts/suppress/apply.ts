// Builds the public edition's models from the internal ones and a
// suppression plan: every withheld figure becomes null and is listed in
// `withheld`, so every output (tables, charts, downloads, narrative) that
// reads the model shows the symbol and never the figure.
import type { DataSet, IndicatorResult, MonthModel, Restatement, WithheldField } from "../model/types.ts";
import { analyseIndicator, spcResult } from "../spc/forIndicator.ts";
import { relativeChange } from "../metrics/change.ts";
import { roundHalfAway } from "../format/number.ts";
import { addMonths } from "../metrics/months.ts";
import { draftNarrative } from "../narrative/draft.ts";
import type { SuppressionPlan } from "./plan.ts";

type Sources = Pick<DataSet, "commentary" | "indicators" | "authority">;

/** `data`: the commentary (whose `public:` blocks replace the text) and the catalogue and settings SPC is worked out with. */
export function publicModels(models: MonthModel[], plan: SuppressionPlan, data: Sources): MonthModel[] {
  return models.map((m) => publicModel(m, plan, data));
}

function publicModel(model: MonthModel, plan: SuppressionPlan, data: Sources): MonthModel {
  const commentary = data.commentary;
  const { settings } = plan;
  const byRef = new Map(data.indicators.map((i) => [i.ref, i]));
  const indicators = model.indicators.map((r) => publicResult(r, model, plan, (shown) => {
    const ind = byRef.get(r.ref);
    return ind ? spcResult(analyseIndicator(shown, ind, data.authority)) : null;
  }));
  return {
    ...model,
    indicators,
    restatements: model.restatements.map((r) => publicRestatement(r, model.month, plan)),
    // Commentary is people's writing and can name what the tables withhold: by default only text
    // written for the public edition (a `public:` block) is published; other sections show the drafted narrative.
    sections: model.sections.map((s) => {
      const own = commentary.find((c) => c.month === model.month && c.section === s.id && !c.draft && c.publicMarkdown !== undefined);
      if (own) return { ...s, commentary: own.publicMarkdown || null };
      return plan.settings.commentary === "all" ? s : { ...s, commentary: null };
    }),
    publicEdition: { symbol: settings.symbol, threshold: settings.threshold, suppressZero: settings.suppressZero, rounding: settings.rounding },
  };
}

function publicRestatement(r: Restatement, report: string, plan: SuppressionPlan): Restatement {
  // The restated figure is this report's; the published one was an earlier report's.
  const withheld: ("published" | "restated")[] = [];
  if (r.published !== null && plan.hiddenFigure(r.ref, r.month, r.published)) withheld.push("published");
  if (r.restated !== null && plan.hidden(report, r.ref, `cell:${r.month}`)) withheld.push("restated");
  if (withheld.length === 0) return r;
  return {
    ...r,
    published: withheld.includes("published") ? null : r.published,
    restated: withheld.includes("restated") ? null : r.restated,
    withheld,
  };
}

function publicResult(r: IndicatorResult, model: MonthModel, plan: SuppressionPlan, spcOf: (shown: IndicatorResult) => IndicatorResult["spc"]): IndicatorResult {
  const month = model.month;
  const hidden = (field: string) => plan.hidden(month, r.ref, field);
  const rounding = plan.settings.rounding;
  const round = (v: number | null, isCount: boolean) => (v === null || !rounding || !isCount ? v : Math.round(v / rounding) * rounding);
  const count = r.unit === "count";
  const withheld = new Set<WithheldField>();

  const valueHidden = hidden(`cell:${month}`);
  const previousHidden = hidden(`cell:${addMonths(month, -1)}`);
  const lastYearHidden = hidden(`cell:${addMonths(month, -12)}`);
  const series = r.series.map((p) => {
    if (p.value !== null && hidden(`cell:${p.month}`)) return { month: p.month, value: null, ...(p.restated ? { restated: true } : {}), withheld: plan.settings.symbol };
    if (!rounding) return p;
    return {
      ...p,
      value: round(p.value, count),
      ...(p.numerator !== undefined ? { numerator: round(p.numerator, true)! } : {}),
      ...(p.denominator !== undefined ? { denominator: round(p.denominator, true)! } : {}),
    };
  });
  const anyHidden = series.some((p) => p.withheld);

  const out: IndicatorResult = { ...r, series };
  const withhold = (field: WithheldField, when: boolean) => {
    if (when) withheld.add(field);
    return when;
  };
  if (withhold("value", valueHidden && r.value !== null)) {
    out.value = null;
    out.numerator = null;
    out.denominator = null;
  } else {
    out.value = round(r.value, count);
    out.numerator = round(r.numerator, true);
    out.denominator = round(r.denominator, true);
  }
  if (withhold("previous", previousHidden && r.previous !== null)) out.previous = null;
  else out.previous = round(r.previous, count);
  if (withhold("lastYear", lastYearHidden && r.lastYear !== null)) out.lastYear = null;
  else out.lastYear = round(r.lastYear, count);

  // A change reveals both figures it is worked out from; with rounding on it is worked out from the rounded ones.
  const changeOf = (a: number | null, b: number | null, exact: number | null) => (rounding && count ? relativeChange(a, b) : exact);
  if (withhold("changeFromPrevious", (valueHidden || previousHidden) && r.changeFromPrevious !== null)) out.changeFromPrevious = null;
  else out.changeFromPrevious = changeOf(out.value, out.previous, r.changeFromPrevious);
  if (withhold("changeFromLastYear", (valueHidden || lastYearHidden) && r.changeFromLastYear !== null)) out.changeFromLastYear = null;
  else out.changeFromLastYear = changeOf(out.value, out.lastYear, r.changeFromLastYear);
  if (withhold("dot", (valueHidden || previousHidden) && r.dot !== null)) {
    out.dot = null;
    out.dotJudgement = null;
  }
  if (withhold("rag", valueHidden && r.rag !== null)) out.rag = null;
  if (withhold("benchmarkPosition", valueHidden && (r.benchmarkPosition !== null || r.benchmarkBand !== null))) {
    out.benchmarkPosition = null;
    out.benchmarkBand = null;
  }

  if (withhold("ytd", hidden("ytd") && r.ytd !== null)) {
    out.ytd = null;
    out.ytdNumerator = null;
    out.ytdDenominator = null;
  } else {
    out.ytd = round(r.ytd, count);
    out.ytdNumerator = round(r.ytdNumerator, true);
    out.ytdDenominator = round(r.ytdDenominator, true);
  }
  if (withhold("rolling12", hidden("rolling12") && r.rolling12 !== null)) out.rolling12 = null;
  else out.rolling12 = round(r.rolling12, true);
  // A mean of counts over the 12 months hides with any hidden month once the total would reveal it.
  if (withhold("average12", (hidden("average12") || (r.unit !== "count" && anyHiddenIn(series, model.last12))) && r.average12 !== null)) out.average12 = null;
  if (withhold("max12", hidden("max12") && r.max12 !== null)) out.max12 = null;
  else out.max12 = round(r.max12, count);

  out.annual = r.annual.map((a) => {
    if (a.value !== null && hidden(`annual:${a.year}`)) return { year: a.year, value: null, withheld: plan.settings.symbol };
    if (!rounding) return a;
    return {
      ...a,
      value: round(a.value, count),
      ...(a.numerator !== undefined ? { numerator: round(a.numerator, true)! } : {}),
      ...(a.denominator !== undefined ? { denominator: round(a.denominator, true)! } : {}),
    };
  });
  out.terms = r.terms.map((t) => (t.value !== null && hidden(`term:${t.label}`) ? { label: t.label, value: null, withheld: plan.settings.symbol } : { ...t, value: round(t.value, count) }));
  out.restatements = r.restatements.map((x) => publicRestatement(x, month, plan));

  // SPC limits and signals are worked out from every point: shown only when all are.
  if (withhold("spc", (anyHidden || (rounding > 0 && count)) && r.spc !== null)) out.spc = null;

  if (withheld.size) out.withheld = { symbol: plan.settings.symbol, fields: [...withheld] };
  roundToShown(out);
  // SPC from the figures as published, so the limits a page draws from the series are the model's.
  if (out.spc) out.spc = spcOf(out);
  out.narrative = r.narrative.length ? draftNarrative(out, month, model.authority.benchmarks.labels) : [];
  return out;
}

function anyHiddenIn(series: IndicatorResult["series"], months: string[]): boolean {
  const set = new Set(months);
  return series.some((p) => p.withheld && set.has(p.month));
}

/**
 * The public edition publishes figures as the pages print them: an
 * unrounded percentage (36.71875%) or 12-month average (0.4444) is a
 * fraction a reader can turn back into the counts behind it.
 */
function roundToShown(r: IndicatorResult): void {
  const d = r.decimals;
  const round = (v: number | null) => (v === null ? null : roundHalfAway(v, d));
  r.value = round(r.value);
  r.previous = round(r.previous);
  r.lastYear = round(r.lastYear);
  r.ytd = round(r.ytd);
  r.average12 = round(r.average12);
  r.max12 = round(r.max12);
  r.changeFromPrevious = r.changeFromPrevious === null ? null : roundHalfAway(r.changeFromPrevious, 3);
  r.changeFromLastYear = r.changeFromLastYear === null ? null : roundHalfAway(r.changeFromLastYear, 3);
  r.series = r.series.map((p) => (p.value === null ? p : { ...p, value: round(p.value) }));
  r.annual = r.annual.map((a) => (a.value === null ? a : { ...a, value: round(a.value) }));
  r.terms = r.terms.map((t) => (t.value === null ? t : { ...t, value: round(t.value) }));
}
