// Relative change between two figures, as a fraction (-0.147 for a 14.7% fall).

/** (current - base) / base; null when either is missing or the base is 0. */
export function relativeChange(current: number | null | undefined, base: number | null | undefined): number | null {
  if (current === null || current === undefined || base === null || base === undefined) return null;
  if (base === 0) return null;
  return (current - base) / base;
}
