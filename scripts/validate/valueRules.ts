// Checks entered figures: ranges, numerators, population for rates, gaps.
import type { Problems } from "../model/problems.ts";
import type { DataSet, Entry, Indicator } from "../model/types.ts";
import { reportingYear } from "../metrics/months.ts";

function allEntries(data: DataSet): Entry[] {
  return [
    ...data.months.flatMap((m) => [...m.values, ...m.restated]),
    ...data.outturns.flatMap((o) => o.values),
    ...data.terms.flatMap((t) => t.terms.flatMap((term) => term.values)),
  ];
}

/**
 * Children aged 0-17 in England (about 12.2 million in 2021): no council's
 * count of children, or of anything done for them in a month, comes near it,
 * so a larger count is a typing or export error.
 */
export const MAX_COUNT = 12_000_000;
/** Rates per 10,000, averages (days, caseloads, costs) and the like stay far below this. */
const MAX_OTHER = 1_000_000_000;

export function checkValues(data: DataSet, problems: Problems): void {
  const byRef = new Map(data.indicators.map((i) => [i.ref, i]));
  for (const entry of allEntries(data)) {
    const ind = byRef.get(entry.ref);
    const f = entry.figure;
    if (!ind || !f) continue;
    const name = `${ind.ref} (${ind.title})`;
    const counts = ind.unit === "count" ? [f.value] : [f.numerator, f.denominator].filter((v): v is number => v !== undefined);
    const tooLarge = counts.find((v) => Math.abs(v) > MAX_COUNT);
    if (tooLarge !== undefined) {
      problems.error(
        entry.source,
        `${name} is ${tooLarge.toLocaleString("en-GB")} for ${entry.month}, more than the number of children in England (about 12 million).`,
        "Check the figure for extra digits or a pasted total.",
      );
      continue;
    }
    if (ind.unit !== "count" && f.numerator === undefined && Math.abs(f.value) > MAX_OTHER) {
      problems.error(entry.source, `${name} is ${f.value.toLocaleString("en-GB")} for ${entry.month}, far larger than any ${ind.unit} boardpack reports.`, "Check the figure for extra digits.");
      continue;
    }
    if (f.numerator !== undefined && f.denominator !== undefined && (!Number.isInteger(f.numerator) || !Number.isInteger(f.denominator))) {
      problems.error(entry.source, `${name}: "${f.numerator} of ${f.denominator}" for ${entry.month} is not two whole numbers.`, "A numerator and denominator count children or cases: write whole numbers, or give the percentage instead (e.g. 57.2%).");
      continue;
    }
    if (ind.unit === "count" && f.value < 0) {
      problems.error(entry.source, `${name} is a count but is ${f.value} for ${entry.month}.`, "A count cannot be negative: check the figure.");
    }
    if (ind.unit === "count" && !Number.isInteger(f.value)) {
      problems.error(entry.source, `${name} is a count but is ${f.value} for ${entry.month}.`, "A count is a whole number: check the figure (use unit: average for averages).");
    }
    if (ind.unit !== "count" && f.value < 0 && ind.unit !== "average") {
      problems.error(entry.source, `${name} is ${f.value} for ${entry.month}; a ${ind.unit} cannot be negative.`, "Check the figure.");
    }
    if (f.numerator !== undefined && f.denominator !== undefined) {
      if (f.numerator < 0 || f.denominator < 0) {
        problems.error(entry.source, `${name}: "${f.numerator} of ${f.denominator}" has a negative part.`, "Check the figures.");
      } else if (f.numerator > f.denominator) {
        problems.error(entry.source, `${name}: the numerator (${f.numerator}) is larger than the denominator (${f.denominator}) for ${entry.month}.`, "A part cannot exceed its whole: check both figures (they may be swapped).");
      }
    } else if (ind.unit === "percentage" && (f.value < 0 || f.value > 100)) {
      problems.error(entry.source, `${name} is ${f.value}% for ${entry.month}; a percentage must be between 0 and 100.`, "Write the percentage as a number from 0 to 100 (e.g. 57.2 or 57.2%).");
    }
  }
}

/** A computed ratio whose numerator indicator exceeds its denominator indicator in a month. */
export function checkRatioParts(data: DataSet, problems: Problems): void {
  const byRef = new Map(data.indicators.map((i) => [i.ref, i]));
  for (const month of data.months) {
    const values = new Map(month.values.map((e) => [e.ref, e]));
    for (const ind of data.indicators) {
      const c = ind.compute;
      if (!c || !("ratio" in c)) continue;
      const num = values.get(c.ratio.numerator);
      const den = values.get(c.ratio.denominator);
      if (num?.figure && den?.figure && num.figure.value > den.figure.value) {
        const denInd = byRef.get(c.ratio.denominator);
        problems.error(
          num.source,
          `${c.ratio.numerator} (${num.figure.value}) is larger than ${c.ratio.denominator} (${den.figure.value}) in ${month.month}, but ${ind.ref} (${ind.title}) is ${c.ratio.numerator} as a share of ${c.ratio.denominator}${denInd ? ` (${denInd.title})` : ""}.`,
          "A part cannot exceed its whole: check both figures.",
        );
      }
    }
  }
}

/** Every month with data needs a population for its year if any rate is computed. */
export function checkPopulation(data: DataSet, problems: Problems): void {
  const rates = data.indicators.filter((i) => i.compute && "rate" in i.compute);
  if (rates.length === 0) return;
  const reported = new Set<string>();
  for (const month of data.months) {
    const year = reportingYear(month.month, data.authority.yearStartMonth);
    if (data.authority.population[year] !== undefined || reported.has(year)) continue;
    reported.add(year);
    problems.error(
      data.authority.source,
      `There is no population for ${year}, so ${rates.map((r) => r.ref).join(", ")} cannot be computed for ${month.month} (${month.file}).`,
      `Add the number of children aged 0-17 for ${year} under \`population:\` in authority.yaml, e.g. \`${year}: 57520\`.`,
    );
  }
}

/**
 * Once an entered monthly indicator has appeared in a month file, every later
 * month file must list it (with "-" when there is no figure): a missing line
 * is more often forgotten than meant.
 */
export function checkMissing(data: DataSet, problems: Problems): void {
  const firstSeen = new Map<string, string>();
  const entered = (i: Indicator) => !i.compute && i.frequency === "monthly";
  for (const month of data.months) {
    const present = new Set(month.listed);
    for (const ind of data.indicators) {
      if (!entered(ind)) continue;
      if (present.has(ind.ref)) {
        if (!firstSeen.has(ind.ref)) firstSeen.set(ind.ref, month.month);
      } else if (firstSeen.has(ind.ref)) {
        problems.error(
          { file: month.file, line: month.line },
          `${ind.ref} (${ind.title}) is missing from ${month.month}; it has figures from ${firstSeen.get(ind.ref)}.`,
          `Add \`${ind.ref}: -\` if there is no figure this month, or the figure.`,
        );
      }
    }
  }
}
