// Drafted narrative: factual sentences about an indicator, computed from the
// model and nothing else. Every sentence follows one of a few patterns that
// tests/narrative recomputes from the model, so none can claim what the data
// does not show. Numbers are formatted like the tables.
import type { BenchmarkKey, IndicatorResult, Month, SpcResult } from "../model/types.ts";
import { formatChange, formatValue } from "../format/number.ts";
import { toleranceColumns } from "../format/target.ts";
import { longMonth } from "../metrics/months.ts";

const RULE_WORDS: Record<string, string> = {
  "outside limits": "outside the process limits",
  trend: "a trend",
  "two in three": "two of three points near a process limit",
  shift: "a shift",
};

/** The sentence's subject: the indicator's title (its short title if the title is very long). */
function subject(ind: IndicatorResult): string {
  const t = ind.title.length <= 100 ? ind.title : ind.shortTitle;
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** How the latest figure compares with the earlier ones: "the highest since July 2020". */
export function extremeClause(ind: IndicatorResult, month: Month): string | null {
  const points = ind.series.filter((p): p is typeof p & { value: number } => p.value !== null && p.month <= month);
  const current = points.at(-1);
  if (!current || current.month !== month) return null;
  // A withheld figure (public edition) could be the higher or lower one: claim nothing past it.
  const lastWithheld = ind.series.filter((p) => p.withheld && p.month < month).at(-1)?.month;
  const earlier = points.slice(0, -1).filter((p) => !lastWithheld || p.month > lastWithheld);
  if (earlier.length < 3) return null;
  for (const kind of ["highest", "lowest"] as const) {
    const beats = (v: number) => (kind === "highest" ? current.value > v : current.value < v);
    const lastNotBeaten = [...earlier].reverse().find((p) => !beats(p.value));
    if (!lastNotBeaten) {
      if (lastWithheld) continue;
      return `the ${kind} in the ${points.length} months on record`;
    }
    const monthsBack = earlier.length - earlier.indexOf(lastNotBeaten);
    if (monthsBack >= 3) return `the ${kind} since ${longMonth(lastNotBeaten.month)}`;
  }
  return null;
}

export function movementSentence(ind: IndicatorResult, month: Month): string | null {
  if (ind.value === null) return null;
  const v = formatValue(ind.value, ind.unit, ind.decimals);
  const when = longMonth(month);
  const extreme = extremeClause(ind, month);
  const tail = extreme ? `, ${extreme}` : "";
  if (ind.previous === null) return `${subject(ind)} was ${v} in ${when}${tail}.`;
  const p = formatValue(ind.previous, ind.unit, ind.decimals);
  if (ind.value === ind.previous) return `${subject(ind)} stayed at ${v} in ${when}${tail}.`;
  const direction = ind.value > ind.previous ? "rose" : "fell";
  if (ind.unit === "percentage" || ind.changeFromPrevious === null) return `${subject(ind)} ${direction} from ${p} to ${v} in ${when}${tail}.`;
  const pct = formatChange(ind.changeFromPrevious).replace(/^[+−-]/, "");
  const by = pct === "0%" ? "by less than 1%" : pct;
  return `${subject(ind)} ${direction} ${by} to ${v} in ${when}${tail}.`;
}

export function targetSentence(ind: IndicatorResult): string | null {
  if (!ind.rag || !ind.target) return null;
  const green = toleranceColumns(ind.target, ind.unit, ind.decimals).green;
  return `It is ${ind.rag} against the target (green: ${green}).`;
}

/** Months in a row, to the latest, on the same side of a benchmark. */
export function benchmarkRun(ind: IndicatorResult, benchmark: number): { side: "above" | "below"; months: number } | null {
  const values = ind.series.map((p) => p.value);
  const last = values.at(-1);
  if (last === null || last === undefined || last === benchmark) return null;
  const side = last > benchmark ? "above" : "below";
  let months = 0;
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (v === null || v === undefined || (side === "above" ? !(v > benchmark) : !(v < benchmark))) break;
    months++;
  }
  return { side, months };
}

export function benchmarkSentence(ind: IndicatorResult, labels: Record<BenchmarkKey, string>): string | null {
  const bm = ind.benchmarks;
  if (!bm || ind.value === null) return null;
  const key = (["statNeighbour", "england"] as const).find((k) => bm.values[k] !== undefined);
  if (!key) return null;
  const value = bm.values[key]!;
  const run = benchmarkRun(ind, value);
  if (!run) return null;
  const label = labels[key].charAt(0).toLowerCase() + labels[key].slice(1);
  const where = `${run.side} the ${label} (${formatValue(value, ind.unit, ind.decimals)}, ${bm.year})`;
  return run.months >= 2 ? `It has been ${where} for ${run.months} months running.` : `It is ${where}.`;
}

export function spcSentence(ind: IndicatorResult, spc: SpcResult | null): string | null {
  if (!spc) return null;
  const last = spc.points.at(-1)!;
  const fmt = (v: number) => formatValue(v, ind.unit, ind.decimals);
  const trial = spc.trial ? " (trial limits)" : "";
  if (!last.special) return `Its variation is common cause: within the process limits of ${fmt(spc.lpl)} to ${fmt(spc.upl)}${trial}.`;
  const kind = last.special === "neutral" ? "special cause variation" : `special cause ${last.special}`;
  return `The latest figure shows ${kind} (${RULE_WORDS[last.rule ?? ""] ?? last.rule}), against process limits of ${fmt(spc.lpl)} to ${fmt(spc.upl)}${trial}.`;
}

export function assuranceSentence(spc: SpcResult | null): string | null {
  if (!spc?.assurance) return null;
  return {
    "consistently-pass": "The target lies outside the process limits on the good side, so the process consistently meets it.",
    "consistently-fail": "The target lies outside the process limits on the bad side, so the process consistently misses it.",
    inconsistent: "The target lies within the process limits, so the process meets it in some months and misses it in others.",
  }[spc.assurance as "consistently-pass" | "consistently-fail" | "inconsistent"] ?? null;
}

export function draftNarrative(ind: IndicatorResult, month: Month, labels: Record<BenchmarkKey, string>): string[] {
  return [movementSentence(ind, month), targetSentence(ind), benchmarkSentence(ind, labels), spcSentence(ind, ind.spc), assuranceSentence(ind.spc)].filter(
    (s): s is string => s !== null,
  );
}
