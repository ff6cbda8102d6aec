// The four special-cause rules of an XmR chart. Each is a small function over
// a segment's values and limits, returning the points it flags and on which
// side; a rule flags every point of its run, not only the last.
import type { Limits } from "./limits.ts";

export type Side = "high" | "low";
export type RuleName = "outside limits" | "trend" | "two in three" | "shift";

/** Precedence when several rules flag a point. */
export const RULE_ORDER: RuleName[] = ["outside limits", "trend", "two in three", "shift"];

export interface Flag {
  index: number;
  rule: RuleName;
  side: Side;
}

/** 1. A point strictly above the upper or below the lower process limit. */
export function outsideLimits(values: number[], limits: Limits): Flag[] {
  const out: Flag[] = [];
  values.forEach((v, index) => {
    if (v > limits.upl) out.push({ index, rule: "outside limits", side: "high" });
    else if (v < limits.lpl) out.push({ index, rule: "outside limits", side: "low" });
  });
  return out;
}

/** 2. `length` points in a row, each strictly above (or below) the one before; a tie breaks the run. */
export function trend(values: number[], length: number): Flag[] {
  const out: Flag[] = [];
  for (const side of ["high", "low"] as const) {
    let start = 0;
    for (let i = 1; i <= values.length; i++) {
      const continues = i < values.length && (side === "high" ? values[i]! > values[i - 1]! : values[i]! < values[i - 1]!);
      if (!continues) {
        if (i - start >= length) for (let j = start; j < i; j++) out.push({ index: j, rule: "trend", side });
        start = i;
      }
    }
  }
  return out;
}

/**
 * 3. In any three points in a row, two or more beyond the same near-limit line
 * (two sigma, not beyond the process limit) with all three on the same side of
 * the mean; only the points beyond the near-limit line are flagged.
 */
export function twoInThree(values: number[], limits: Limits): Flag[] {
  const flagged = new Map<number, Side>();
  for (let i = 0; i + 2 < values.length; i++) {
    const window = [i, i + 1, i + 2];
    for (const side of ["high", "low"] as const) {
      const sameSide = window.every((j) => (side === "high" ? values[j]! > limits.mean : values[j]! < limits.mean));
      if (!sameSide) continue;
      const beyond = window.filter((j) =>
        side === "high" ? values[j]! > limits.upperNear && values[j]! <= limits.upl : values[j]! < limits.lowerNear && values[j]! >= limits.lpl,
      );
      if (beyond.length >= 2) for (const j of beyond) flagged.set(j, side);
    }
  }
  return [...flagged.entries()].map(([index, side]) => ({ index, rule: "two in three" as const, side }));
}

/** 4. `length` points in a row strictly on one side of the mean; a point on the mean breaks the run. */
export function shift(values: number[], mean: number, length: number): Flag[] {
  const out: Flag[] = [];
  for (const side of ["high", "low"] as const) {
    let start = 0;
    for (let i = 0; i <= values.length; i++) {
      const onSide = i < values.length && (side === "high" ? values[i]! > mean : values[i]! < mean);
      if (!onSide) {
        if (i - start >= length) for (let j = start; j < i; j++) out.push({ index: j, rule: "shift", side });
        start = i + 1;
      }
    }
  }
  return out;
}

export interface RuleOptions {
  /** Points in a row for a trend (7; option 6). */
  trendLength: number;
  /** Points in a row for a shift (7; option 6). */
  shiftLength: number;
}

export function allFlags(values: number[], limits: Limits, options: RuleOptions): Flag[] {
  return [
    ...outsideLimits(values, limits),
    ...trend(values, options.trendLength),
    ...twoInThree(values, limits),
    ...shift(values, limits.mean, options.shiftLength),
  ];
}
