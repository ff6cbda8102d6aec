// Checks the catalogue: references between indicators, targets against polarity.
import type { Problems } from "../model/problems.ts";
import type { DataSet } from "../model/types.ts";
import { dependencies } from "../model/dependencies.ts";
import { unknownRef } from "../load/entries.ts";


export function checkReferences(data: DataSet, problems: Problems): void {
  const byRef = new Map(data.indicators.map((i) => [i.ref, i]));
  const unreadable = new Set(data.unreadable);
  const unknown = (ref: string, at: { file: string; line?: number }) => {
    if (!unreadable.has(ref)) unknownRef(ref, at, byRef, problems);
  };
  for (const indicator of data.indicators) {
    const at = { file: indicator.source.file, line: indicator.lines.compute ?? indicator.source.line };
    for (const dep of dependencies(indicator)) {
      const target = byRef.get(dep);
      if (!target) {
        unknown(dep, at);
        continue;
      }
      if (dep === indicator.ref) {
        problems.error(at, `${indicator.ref} is computed from itself.`, "Point `compute:` at another indicator.");
      }
    }
    const c = indicator.compute;
    if (c && "ratio" in c && indicator.unit !== "percentage") {
      problems.error(at, `${indicator.ref} is computed as a ratio, so its unit must be percentage (it is ${indicator.unit}).`, "Set `unit: percentage`.");
    }
    if (c && "rate" in c && indicator.unit !== "rate") {
      problems.error(at, `${indicator.ref} is computed per 10,000 children, so its unit must be rate (it is ${indicator.unit}).`, "Set `unit: rate`.");
    }
    if (c && "rolling12" in c) {
      const of = byRef.get(c.rolling12);
      if (of && of.kind !== "flow") {
        problems.error(at, `${indicator.ref} sums 12 months of ${of.ref}, but ${of.ref} is a snapshot; only flows add up over months.`, `Point \`rolling12:\` at a flow (counted in the month), or mark ${of.ref} \`kind: flow\`.`);
      }
    }
    if (indicator.percentageOf) {
      const of = byRef.get(indicator.percentageOf);
      const at = { file: indicator.source.file, line: indicator.lines.percentageOf ?? indicator.source.line };
      if (!of) unknown(indicator.percentageOf, at);
      else if (indicator.unit !== "percentage") {
        problems.error(at, `${indicator.ref} has \`percentageOf\` but its unit is ${indicator.unit}.`, "Remove `percentageOf`, or set `unit: percentage`.");
      }
    }
  }
  for (const indicator of data.indicators) {
    if (!indicator.partOf) continue;
    const total = byRef.get(indicator.partOf);
    const at = { file: indicator.source.file, line: indicator.lines.partOf ?? indicator.source.line };
    if (!total) unknown(indicator.partOf, at);
    else if (indicator.unit !== "count" || total.unit !== "count") {
      problems.error(at, `${indicator.ref} is a part of ${total.ref}, but only counts add up to a total (${indicator.ref} is ${indicator.unit}, ${total.ref} is ${total.unit}).`, "Use `partOf` between counts: the parts of a breakdown and their total.");
    } else if (total.partOf) {
      problems.error(at, `${indicator.ref} is a part of ${total.ref}, which is itself a part of ${total.partOf}.`, `Name the whole breakdown once: make ${indicator.ref} \`partOf: ${total.partOf}\`, or remove ${total.ref}'s \`partOf\`.`);
    }
  }
  const pe = data.authority.publicEdition;
  // Each reference's own line (the line of publicEdition: if it cannot be told).
  const peLine = (list: "exempt" | "withhold", n: number) => ({ file: data.authority.source.file, line: data.authority.publicEditionRefLines?.[list][n] ?? data.authority.publicEditionLine ?? 1 });
  pe.exempt.forEach((ref, n) => byRef.has(ref) || unknown(ref, peLine("exempt", n)));
  pe.withhold.forEach((ref, n) => byRef.has(ref) || unknown(ref, peLine("withhold", n)));
  for (const ref of pe.exempt.filter((r) => pe.withhold.includes(r))) {
    problems.error(
      peLine("withhold", pe.withhold.indexOf(ref)),
      `${ref} is both exempt from suppression and always withheld in publicEdition.`,
      "Keep it in one list: `exempt` (never suppressed) or `withhold` (never shown).",
    );
  }
  // Cycles (a computed from b computed from a) would never resolve.
  const state = new Map<string, "visiting" | "done">();
  const visit = (ref: string, trail: string[]): void => {
    const s = state.get(ref);
    if (s === "done") return;
    if (s === "visiting") {
      const ind = byRef.get(ref)!;
      problems.error(ind.source, `Indicators are computed from each other in a circle: ${[...trail, ref].join(" -> ")}.`, "Make one of them entered data rather than computed.");
      return;
    }
    state.set(ref, "visiting");
    const ind = byRef.get(ref);
    if (ind) for (const dep of dependencies(ind)) if (byRef.has(dep)) visit(dep, [...trail, ref]);
    state.set(ref, "done");
  };
  for (const ind of data.indicators) visit(ind.ref, []);

  for (const section of data.sections) {
    for (const table of section.tables) {
      for (const ref of table.indicators) if (!byRef.has(ref)) unknown(ref, section.source);
    }
    for (const chart of section.charts) {
      for (const ref of chart.indicators) if (!byRef.has(ref)) unknown(ref, chart.source);
    }
  }
}

/** A target's tolerances must agree with the indicator's polarity and with each other. */
export function checkTargets(data: DataSet, problems: Problems): void {
  for (const ind of data.indicators) {
    const t = ind.target;
    if (!t) continue;
    const at = { file: ind.source.file, line: ind.lines.target ?? ind.source.line };
    const name = `${ind.ref} (${ind.title})`;
    switch (t.type) {
      case "at-least":
        if (ind.polarity === "low") {
          problems.error(at, `${name}: low is good, but the target is "at least ${t.green}" (a high-is-good target).`, "Use `type: below` for a low-is-good indicator, or correct the polarity.");
        }
        if (t.amber > t.green) {
          problems.error(at, `${name}: the amber threshold (${t.amber}) is above the green one (${t.green}); for an at-least target amber must be at or below green.`, "Swap the two figures.");
        }
        break;
      case "below":
        if (ind.polarity === "high") {
          problems.error(at, `${name}: high is good, but the target is "below ${t.green}" (a low-is-good target).`, "Use `type: at-least` for a high-is-good indicator, or correct the polarity.");
        }
        if (t.amber < t.green) {
          problems.error(at, `${name}: the amber threshold (${t.amber}) is below the green one (${t.green}); for a below target amber must be at or above green.`, "Swap the two figures.");
        }
        break;
      case "band":
        if (ind.polarity === "high" || ind.polarity === "low") {
          problems.error(at, `${name}: a band target means good is inside a range, but the polarity says ${ind.polarity} is good.`, "Set `polarity: range`, or use an at-least / below target.");
        }
        if (t.green[0] > t.green[1]) {
          problems.error(at, `${name}: the band runs from ${t.green[0]} down to ${t.green[1]}.`, "Write the band low figure first: `green: [low, high]`.");
        }
        if (t.amber < 0) problems.error(at, `${name}: the amber margin cannot be negative.`, "Give the amber margin as a positive number.");
        break;
      case "around":
        if (ind.polarity === "high" || ind.polarity === "low") {
          problems.error(at, `${name}: an "around" target means good is near ${t.value}, but the polarity says ${ind.polarity} is good.`, "Set `polarity: range` (or info), or use an at-least / below target.");
        }
        if (t.green < 0 || t.amber < t.green) {
          problems.error(at, `${name}: the green margin (±${t.green}) must be positive and no wider than the amber margin (±${t.amber}).`, "Correct the margins.");
        }
        break;
    }
    if (ind.unit === "percentage") {
      const figures = t.type === "band" ? t.green : t.type === "around" ? [t.value] : [t.green, t.amber];
      if (figures.some((f) => f < 0 || f > 100)) {
        problems.error(at, `${name}: a percentage target must be between 0 and 100.`, "Write the target as a percentage, e.g. 95 or 95%.");
      }
    }
  }
}
