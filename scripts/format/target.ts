// Describes a target and its tolerances in words, each RAG state beside the
// figures that earn it, for the four shapes of a target (scripts/metrics/rag.ts
// holds the rules these words must say: bounds are inclusive where it is).
import type { Rag, Target, Unit } from "../model/types.ts";
import { formatValue } from "./number.ts";

export const RAG_WORDS: Record<Rag, string> = { green: "Green", amber: "Amber", red: "Red" };

/** One line: `Green 95% or more; Amber 92% to under 95%; Red below 92%`. */
export function formatTarget(target: Target, unit: Unit, decimals: number): string {
  return targetLines(target, unit, decimals)
    .map((l) => `${RAG_WORDS[l.rag]} ${l.text}`)
    .join("; ");
}

/** The states of a target, best first, each with the figures that earn it; a target without amber has two. */
export function targetLines(target: Target, unit: Unit, decimals: number): { rag: Rag; text: string }[] {
  const t = toleranceColumns(target, unit, decimals);
  return (["green", "amber", "red"] as const).filter((rag) => t[rag] !== null).map((rag) => ({ rag, text: t[rag]! }));
}

/**
 * What counts as green, amber and red, in words with the figures (null where
 * the target has no amber band). Matches ragRating: at-least is green at or
 * above `green`; below is green under `green` and red at `amber` or more;
 * band and around count their edges in the better state.
 */
export function toleranceColumns(target: Target, unit: Unit, decimals: number): Record<Rag, string | null> {
  const f = (v: number) => formatTargetValue(v, unit, decimals);
  const plain = (v: number) => formatValue(v, unit === "percentage" ? "count" : unit, trimDecimals(v, decimals));
  const noAmber = (amber: number, green: number) => amber === green || !Number.isFinite(amber);
  switch (target.type) {
    case "at-least":
      return noAmber(target.amber, target.green)
        ? { green: `${f(target.green)} or more`, amber: null, red: `below ${f(target.green)}` }
        : { green: `${f(target.green)} or more`, amber: `${f(target.amber)} to under ${f(target.green)}`, red: `below ${f(target.amber)}` };
    case "below":
      return noAmber(target.amber, target.green)
        ? { green: `below ${f(target.green)}`, amber: null, red: `${f(target.green)} or more` }
        : { green: `below ${f(target.green)}`, amber: `${f(target.green)} to under ${f(target.amber)}`, red: `${f(target.amber)} or more` };
    case "band": {
      const [low, high] = target.green;
      if (!target.amber) return { green: `${f(low)} to ${f(high)}`, amber: null, red: `below ${f(low)} or above ${f(high)}` };
      const outerLow = round(low - target.amber);
      const outerHigh = round(high + target.amber);
      return {
        green: `${f(low)} to ${f(high)}`,
        amber: `within ${plain(target.amber)} of that range (${f(outerLow)} to ${f(outerHigh)})`,
        red: `below ${f(outerLow)} or above ${f(outerHigh)}`,
      };
    }
    case "around": {
      const range = (d: number) => `${f(round(target.value - d))} to ${f(round(target.value + d))}`;
      return {
        green: `${f(target.value)} ± ${plain(target.green)} (${range(target.green)})`,
        amber: target.amber > target.green ? `within ± ${plain(target.amber)} (${range(target.amber)})` : null,
        red: `more than ± ${plain(Math.max(target.amber, target.green))} from ${f(target.value)}`,
      };
    }
  }
}

/**
 * A target's figure as people set it and as the summary's target text says
 * it ("2.6%", "487"), wherever a target is printed: tables, chart keys, chart
 * descriptions. At most the indicator's decimals (two for a whole-number one).
 */
export function formatTargetValue(v: number, unit: Unit, decimals: number): string {
  return formatValue(v, unit, trimDecimals(v, decimals));
}

/** Sums of written figures (158.8 - 15) without binary noise. */
function round(v: number): number {
  return Number(v.toPrecision(12));
}

/** Targets are written as people set them (95, 22.7): show their own decimals, not the indicator's. */
function trimDecimals(v: number, max: number): number {
  for (let d = 0; d <= Math.max(max, 2); d++) if (Math.abs(v - Number(v.toFixed(d))) < 1e-9) return d;
  return max;
}
