// Schema of a section file, data/indicators/<section>.yaml: the section's
// title, definition, tables and charts, and its indicators.
import { z } from "zod";
import { booleanish, footnotes, monthText, nonEmptyText, numberish, text } from "./fields.ts";
import { spcSettingsSchema } from "./authority.ts";

const ref = nonEmptyText;

const target = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("at-least"), green: numberish, amber: numberish.optional() }),
  z.strictObject({ type: z.literal("below"), green: numberish, amber: numberish.optional() }),
  z.strictObject({
    type: z.literal("band"),
    green: z.tuple([numberish, numberish]),
    amber: numberish.optional(),
  }),
  z.strictObject({ type: z.literal("around"), value: numberish, green: numberish, amber: numberish.optional() }),
]);

const compute = z.union([
  z.strictObject({ ratio: z.strictObject({ numerator: ref, denominator: ref }) }),
  z.strictObject({ rate: ref }),
  z.strictObject({ rolling12: ref }),
]);

const benchmarks = z.strictObject({
  year: text.optional(),
  statNeighbour: numberish.optional(),
  bestStatNeighbour: numberish.optional(),
  england: numberish.optional(),
  englandTopQuartile: numberish.optional(),
  region: numberish.optional(),
});

export const indicatorSchema = z.strictObject({
  ref,
  title: nonEmptyText,
  shortTitle: nonEmptyText.optional(),
  unit: z.enum(["count", "percentage", "rate", "average"]),
  decimals: numberish.refine((n) => Number.isInteger(n) && n >= 0 && n <= 4, { message: "must be a whole number from 0 to 4" }).optional(),
  polarity: z.enum(["high", "low", "info", "range"]),
  kind: z.enum(["flow", "snapshot"]).optional(),
  frequency: z.enum(["monthly", "termly"]).default("monthly"),
  compute: compute.optional(),
  percentageOf: ref.optional(),
  partOf: ref.optional(),
  target: target.optional(),
  benchmarks: benchmarks.optional(),
  definition: text.optional(),
  dataNote: text.optional(),
  footnotes: footnotes.optional(),
  owner: text.optional(),
  reporter: text.optional(),
  outcome: text.optional(),
  summary: booleanish.default(true),
  yearBasis: z.enum(["reporting", "academic"]).default("reporting"),
  rebase: z.array(z.strictObject({ month: monthText, reason: nonEmptyText })).optional(),
  spc: z.union([z.literal(false), spcSettingsSchema]).optional(),
});

const chart = z.strictObject({
  type: z.enum(["line", "bar", "annual", "termly", "grouped", "stacked", "spc"]),
  title: nonEmptyText,
  indicators: z.array(ref).min(1, { message: "must name at least one indicator" }),
});

export const sectionSchema = z.strictObject({
  title: nonEmptyText,
  definition: text.optional(),
  tables: z.array(z.strictObject({ title: text.optional(), indicators: z.array(ref).min(1), footnotes: footnotes.optional() })).optional(),
  footnotes: footnotes.optional(),
  charts: z.array(chart).default([]),
  indicators: z.array(indicatorSchema).min(1, { message: "must list at least one indicator" }),
});

export type SectionInput = z.output<typeof sectionSchema>;
export type IndicatorInput = z.output<typeof indicatorSchema>;
