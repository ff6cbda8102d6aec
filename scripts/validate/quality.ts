// Data-quality warnings: things that do not stop the build but that a
// reviewer of the month's pull request should look at. They concern the
// month being published (the latest), except gaps, which concern any month.
import type { Problems } from "../model/problems.ts";
import type { DataSet, Entry, Indicator, IndicatorResult, Month, Rag } from "../model/types.ts";
import { buildMonthModel } from "../metrics/model.ts";
import { reportingYear } from "../metrics/months.ts";
import { ragRating } from "../metrics/rag.ts";
import { formatValue } from "../format/number.ts";

/** XmR's upper range limit: a month-to-month change beyond 3.267 x the average change is unusual. */
const RANGE_LIMIT = 3.267;
const RAG_ORDER: Record<Rag, number> = { green: 0, amber: 1, red: 2 };

export function checkDataQuality(data: DataSet, problems: Problems): void {
  const latestFile = data.months[data.months.length - 1];
  if (!latestFile) return;
  const month = latestFile.month;
  const model = buildMonthModel(data, month);
  const byRef = new Map(data.indicators.map((i) => [i.ref, i]));
  const entryOf = new Map<string, Entry>(latestFile.values.map((e) => [e.ref, e]));
  const at = (ref: string) => entryOf.get(ref)?.source ?? { file: latestFile.file, line: latestFile.line };
  const fmt = (ind: IndicatorResult, v: number | null) => formatValue(v, ind.unit, ind.decimals);

  for (const result of model.indicators) {
    const ind = byRef.get(result.ref)!;
    if (ind.compute || ind.frequency !== "monthly") continue;
    const earlier = result.series.filter((p) => p.month < month).map((p) => p.value);
    const recent = earlier.slice(-12).filter((v): v is number => v !== null);
    const name = `${ind.ref} (${ind.title})`;

    // A blank left in a scaffolded month file.
    if (result.value === null && result.previous !== null && entryOf.has(ind.ref) && entryOf.get(ind.ref)!.figure === null) {
      problems.warning(at(ind.ref), `${name} has no figure for ${month}; it had one last month.`, "Enter the figure, or leave it as - if there really is none this month.");
      continue;
    }
    if (result.value === null) continue;

    // A count that falls to zero from a typical level: more often a missing extract than a real zero.
    const typical = recent.length ? recent.reduce((a, b) => a + b, 0) / recent.length : 0;
    if (ind.unit === "count" && result.value === 0 && recent.length >= 3 && typical >= 5) {
      problems.warning(at(ind.ref), `${name} is 0 in ${month}, against a usual ${fmt(result, typical)} a month.`, "Check the extract ran for the whole month; a real zero is rare at this level.");
      continue;
    }

    // A jump far outside the indicator's usual month-to-month variation.
    const points = earlier.filter((v): v is number => v !== null).slice(-12);
    if (points.length >= 6 && result.previous !== null) {
      const ranges = points.slice(1).map((v, i) => Math.abs(v - points[i]!));
      const mean = ranges.reduce((a, b) => a + b, 0) / ranges.length;
      const jump = Math.abs(result.value - result.previous);
      if (mean > 0 && jump > RANGE_LIMIT * mean) {
        problems.warning(
          at(ind.ref),
          `${name} moved from ${fmt(result, result.previous)} to ${fmt(result, result.value)} in ${month}, far outside its usual month-to-month change (about ${fmt(result, mean)}).`,
          "Check the figure; if it is right, say why in the section's commentary.",
        );
      }
    }
  }

  checkGaps(data, problems);
  checkZeroAverages(data, problems);
  checkBenchmarkAge(data, month, problems);
  checkCommentaryForWorseRag(data, model.indicators, month, problems);
}

/** A month with no figure between months that have one. */
function checkGaps(data: DataSet, problems: Problems): void {
  for (const ind of data.indicators) {
    if (ind.compute || ind.frequency !== "monthly") continue;
    const seq = data.months.map((m) => ({ file: m, entry: m.values.find((e) => e.ref === ind.ref) }));
    const has = seq.map((s) => !!s.entry?.figure);
    const first = has.indexOf(true);
    const last = has.lastIndexOf(true);
    for (let i = first + 1; i < last; i++) {
      if (has[i]) continue;
      const s = seq[i]!;
      problems.warning(
        s.entry?.source ?? { file: s.file.file, line: s.file.line },
        `${ind.ref} (${ind.title}) has no figure for ${s.file.month}, between months that have one.`,
        "Enter the month's figure if it exists (restate it in the latest month's file if it came late).",
      );
    }
  }
}

/**
 * An average or rate of exactly 0 among months far above it: more often the
 * source's way of saying there was nothing to average (no adoptions, so no
 * average wait) than a real figure, and a chart then plunges to zero. "Far
 * above": the indicator's usual level is more than 3.267 times its usual
 * month-to-month change away from 0 (as XmR judges a jump). Any month.
 */
function checkZeroAverages(data: DataSet, problems: Problems): void {
  for (const ind of data.indicators) {
    if (ind.compute || ind.frequency !== "monthly" || (ind.unit !== "average" && ind.unit !== "rate")) continue;
    const entries = data.months.flatMap((m) => {
      const e = m.values.find((v) => v.ref === ind.ref);
      return e?.figure ? [{ month: m.month, value: e.figure.value, source: e.source }] : [];
    });
    const zeros = entries.filter((e) => e.value === 0);
    const others = entries.filter((e) => e.value !== 0).map((e) => e.value);
    if (!zeros.length || others.length < 3) continue;
    const ranges = others.slice(1).map((v, i) => Math.abs(v - others[i]!));
    const change = ranges.reduce((a, b) => a + b, 0) / ranges.length;
    const usual = [...others].sort((a, b) => a - b)[Math.floor(others.length / 2)]!;
    if (Math.abs(usual) <= RANGE_LIMIT * change) continue;
    const usualText = formatValue(usual, ind.unit, ind.decimals);
    for (const z of zeros) {
      problems.warning(
        z.source,
        `${ind.ref} (${ind.title}) is 0 for ${z.month}, among months far above it (usually about ${usualText}): an ${ind.unit === "average" ? "average" : "rate"} of 0 is more often the source's way of saying there was nothing to count, and a chart would plunge to zero.`,
        `If there was no figure (nothing to ${ind.unit === "average" ? "average" : "count"} that month), enter - instead, or the source's words in its place (note: ...); keep 0 only if it is the real figure.`,
      );
    }
  }
}

function yearStartOf(label: string): number | null {
  const m = /(\d{4})/.exec(label);
  return m ? Number(m[1]) : null;
}

/** Benchmarks more than two years older than the reporting year. */
function checkBenchmarkAge(data: DataSet, month: Month, problems: Problems): void {
  const current = yearStartOf(reportingYear(month, data.authority.yearStartMonth))!;
  for (const ind of data.indicators) {
    if (!ind.benchmarks) continue;
    const year = yearStartOf(ind.benchmarks.year);
    if (year === null || current - year <= 2) continue;
    problems.warning(
      { file: ind.source.file, line: ind.lines.benchmarks ?? ind.source.line },
      `${ind.ref} (${ind.title}) is compared with benchmarks from ${ind.benchmarks.year}, more than two years before ${reportingYear(month, data.authority.yearStartMonth)}.`,
      "Update the benchmarks from the latest published figures, or remove them.",
    );
  }
}

/** A section whose RAG ratings worsened this month should say why. */
function checkCommentaryForWorseRag(data: DataSet, results: IndicatorResult[], month: Month, problems: Problems): void {
  const withCommentary = new Set(data.commentary.filter((c) => c.month === month && !c.draft && c.markdown.trim() !== "").map((c) => c.section));
  const byRef = new Map<string, Indicator>(data.indicators.map((i) => [i.ref, i]));
  for (const section of data.sections) {
    if (withCommentary.has(section.id)) continue;
    const worse = results.filter((r) => {
      if (r.section !== section.id || !r.rag) return false;
      const before = ragRating(r.previous, byRef.get(r.ref)!.target);
      return before !== null && RAG_ORDER[r.rag] > RAG_ORDER[before];
    });
    if (worse.length === 0) continue;
    problems.warning(
      { file: `${dataFolder(data)}commentary/${month}/${section.id}.md` },
      `${section.title}: ${worse.map((r) => `${r.ref} went ${ragRating(r.previous, byRef.get(r.ref)!.target)} to ${r.rag}`).join(", ")} in ${month}, but the section has no commentary.`,
      `Write the section's commentary in commentary/${month}/${section.id}.md.`,
    );
  }
}

/** The data folder as messages write it (the folder of authority.yaml). */
function dataFolder(data: DataSet): string {
  return data.authority.source.file.replace(/authority\.yaml$/, "");
}
