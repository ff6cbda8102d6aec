// RAG rating of a figure against a target and its tolerances (unrounded figure).
import type { Rag, Target } from "../model/types.ts";

/** The line a target draws: its green threshold (at-least, below), or null for band and around targets. */
export function targetLine(target: Target | null | undefined): number | null {
  return target && (target.type === "at-least" || target.type === "below") ? target.green : null;
}

export function ragRating(value: number | null, target: Target | undefined | null): Rag | null {
  if (value === null || !target) return null;
  switch (target.type) {
    case "at-least":
      return value >= target.green ? "green" : value >= target.amber ? "amber" : "red";
    case "below":
      return value < target.green ? "green" : value < target.amber ? "amber" : "red";
    case "band": {
      const [low, high] = target.green;
      if (value >= low && value <= high) return "green";
      const distance = value < low ? low - value : value - high;
      return distance <= target.amber ? "amber" : "red";
    }
    case "around": {
      const distance = Math.abs(value - target.value);
      return distance <= target.green ? "green" : distance <= target.amber ? "amber" : "red";
    }
  }
}
