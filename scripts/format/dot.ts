// Direction of travel as a symbol and words: never colour alone.
import type { Dot, Judgement } from "../model/types.ts";

export const DOT_SYMBOL: Record<Dot, string> = {
  improved: "↑",
  declined: "↓",
  increased: "↑",
  decreased: "↓",
  unchanged: "→",
  up: "↑",
  down: "↓",
  similar: "⇒",
};

export const DOT_WORDS: Record<Dot, string> = {
  improved: "Improved",
  declined: "Declined",
  increased: "Increased",
  decreased: "Decreased",
  unchanged: "No change",
  up: "Up 10% or more",
  down: "Down 10% or more",
  similar: "Similar",
};

export const JUDGEMENT_WORDS: Record<Judgement, string> = { positive: "better", negative: "worse", similar: "similar" };

/** `Improved`, or for the threshold convention `Down 10% or more (better)`. */
export function dotText(dot: Dot | null, judgement: Judgement | null, threshold?: number): string {
  if (!dot) return "n/a";
  let words = DOT_WORDS[dot];
  if (threshold !== undefined && (dot === "up" || dot === "down")) words = words.replace("10%", `${Math.round(threshold * 100)}%`);
  const withJudgement = (dot === "up" || dot === "down" || dot === "similar") && judgement && judgement !== "similar";
  return withJudgement ? `${words} (${JUDGEMENT_WORDS[judgement!]})` : words;
}
