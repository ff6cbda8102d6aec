// Builds the public edition's models from the internal ones and a
// suppression plan: every withheld figure becomes null and is listed in
// `withheld`, so every output (tables, charts, downloads, narrative) that
// reads the model shows the symbol and never the figure.
import type { Commentary, IndicatorResult, MonthModel, Restatement, WithheldField } from "../model/types.ts";
import { relativeChange } from "../metrics/change.ts";
import { addMonths } from "../metrics/months.ts";
import { draftNarrative } from "../narrative/draft.ts";
import type { SuppressionPlan } from "./plan.ts";

/** `commentary`: the data set's, whose `public:` blocks replace the text. */
export function publicModels(models: MonthModel[], plan: SuppressionPlan, commentary: Commentary[] = []): MonthModel[] {
  return models.map((m) => publicModel(m, plan, commentary));
}

function publicModel(model: MonthModel, plan: SuppressionPlan, commentary: Commentary[]): MonthModel {
  const { settings } = plan;
  const indicators = model.indicators.map((r) => publicResult(r, model, plan));
  return {
    ...model,
    indicators,
    restatements: model.restatements.map((r) => publicRestatement(r, model.month, plan)),
    sections: model.sections.map((s) => {
      const own = commentary.find((c) => c.month === model.month && c.section === s.id && !c.draft && c.publicMarkdown !== undefined);
      return own ? { ...s, commentary: own.publicMarkdown || null } : s;
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

function publicResult(r: IndicatorResult, model: MonthModel, plan: SuppressionPlan): IndicatorResult {
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
  out.narrative = r.narrative.length ? draftNarrative(out, month, model.authority.benchmarks.labels) : [];
  return out;
}

function anyHiddenIn(series: IndicatorResult["series"], months: string[]): boolean {
  const set = new Set(months);
  return series.some((p) => p.withheld && set.has(p.month));
}
