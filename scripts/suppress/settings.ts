// The public edition's disclosure settings (authority.yaml `publicEdition:`).

export interface SuppressionSettings {
  /** Counts from 1 to this are suppressed (5: counts of 1 to 5). */
  threshold: number;
  /** Shown in place of a suppressed figure. */
  symbol: string;
  /** Other counts rounded to the nearest multiple of this (0: not rounded). */
  rounding: 0 | 5 | 10;
  /** Suppress counts of 0 too (off: 0 children is not a small number of children). */
  suppressZero: boolean;
  /** Indicators never suppressed (figures already published elsewhere, not about children). */
  exempt: string[];
  /** Indicators whose figures are always withheld from the public edition. */
  withhold: string[];
}

export const DEFAULT_SUPPRESSION: SuppressionSettings = {
  threshold: 5,
  symbol: "c",
  rounding: 0,
  suppressZero: false,
  exempt: [],
  withhold: [],
};

/** True if a count of children this size is suppressed on its own (primary suppression). */
export function isSmallCount(value: number, settings: Pick<SuppressionSettings, "threshold" | "suppressZero">): boolean {
  const n = Math.round(value);
  if (n === 0) return settings.suppressZero;
  return n >= 1 && n <= settings.threshold;
}
