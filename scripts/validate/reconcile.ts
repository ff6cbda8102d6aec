// Warns where a figure given in a month file disagrees with what the engine
// computes from the other figures (e.g. a rolling 12-month total that is not
// the sum of the last 12 monthly figures): one of them was re-run or mistyped.
import type { Problems } from "../model/problems.ts";
import type { DataSet } from "../model/types.ts";
import { derive } from "../metrics/derive.ts";
import { vintageAt } from "../metrics/vintage.ts";

export function checkDerivedAgreement(data: DataSet, problems: Problems): void {
  const latest = data.months[data.months.length - 1];
  if (!latest) return;
  const { disagreements } = derive(data.indicators, vintageAt(data, latest.month), data.authority);
  const byRef = new Map(data.indicators.map((i) => [i.ref, i]));
  for (const d of disagreements) {
    const ind = byRef.get(d.ref)!;
    const file = data.months.find((m) => m.month === d.month);
    const entry = [...(file?.values ?? []), ...data.months.flatMap((m) => m.restated)].find((e) => e.ref === d.ref && e.month === d.month);
    problems.warning(
      entry?.source ?? { file: file?.file ?? "data/months" },
      `${d.ref} (${ind.title}) is given as ${round(d.entered, ind.decimals)} for ${d.month}, but the engine computes ${round(d.computed, ind.decimals)} from the other figures.`,
      "The given figure is used. Check whether the source report was re-run; if so, restate the monthly figures that changed.",
    );
  }
}

function round(v: number, decimals: number): string {
  return v.toFixed(decimals);
}
