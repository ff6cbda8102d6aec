// Describes a target and its tolerances in words, as the Rotherham summary does.
import type { Rag, Target, Unit } from "../model/types.ts";
import { formatValue } from "./number.ts";

/** One-line description: `95%+ green; 92% to 95% amber; below 92% red`. */
export function formatTarget(target: Target, unit: Unit, decimals: number): string {
  const t = toleranceColumns(target, unit, decimals);
  return `green ${t.green}; amber ${t.amber}; red ${t.red}`;
}

/** The three columns of the summary: what counts as red, amber and green. */
export function toleranceColumns(target: Target, unit: Unit, decimals: number): Record<Rag, string> {
  const f = (v: number) => formatValue(v, unit, trimDecimals(v, decimals));
  switch (target.type) {
    case "at-least":
      return target.amber === target.green
        ? { green: `${f(target.green)}+`, amber: "-", red: `below ${f(target.green)}` }
        : { green: `${f(target.green)}+`, amber: `${f(target.amber)} to ${f(target.green)}`, red: `below ${f(target.amber)}` };
    case "below":
      return target.amber === target.green
        ? { green: `below ${f(target.green)}`, amber: "-", red: `${f(target.green)}+` }
        : { green: `below ${f(target.green)}`, amber: `${f(target.green)} to ${f(target.amber)}`, red: `${f(target.amber)}+` };
    case "band":
      return {
        green: `${f(target.green[0])} to ${f(target.green[1])}`,
        amber: target.amber ? `within ${f(target.amber)} of the range` : "-",
        red: target.amber ? `more than ${f(target.amber)} outside` : "outside the range",
      };
    case "around":
      return {
        green: `${f(target.value)} ± ${f(target.green)}`,
        amber: `within ± ${f(target.amber)}`,
        red: `more than ± ${f(target.amber)}`,
      };
  }
}

/** Targets are written as people set them (95, 22.7): show their own decimals, not the indicator's. */
function trimDecimals(v: number, max: number): number {
  for (let d = 0; d <= Math.max(max, 2); d++) if (Math.abs(v - Number(v.toFixed(d))) < 1e-9) return d;
  return max;
}
