// The public edition's disclosure settings (authority.yaml `publicEdition:`).
import type { PublicEditionSettings } from "../model/types.ts";

export type SuppressionSettings = PublicEditionSettings;

export const DEFAULT_SUPPRESSION: SuppressionSettings = {
  threshold: 5,
  symbol: "c",
  rounding: 0,
  suppressZero: false,
  exempt: [],
  withhold: [],
  commentary: "reviewed",
};

/** True if a count of children this size is suppressed on its own (primary suppression). */
export function isSmallCount(value: number, settings: Pick<SuppressionSettings, "threshold" | "suppressZero">): boolean {
  const n = Math.round(value);
  if (n === 0) return settings.suppressZero;
  return n >= 1 && n <= settings.threshold;
}
