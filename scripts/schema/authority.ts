// Schema of data/authority.yaml: who the report is for and how it judges figures.
import { z } from "zod";
import { BENCHMARK_KEYS } from "../model/types.ts";
import { booleanish, colour, nonEmptyText, numberish, positiveNumber, text, yearLabel } from "./fields.ts";

const DEFAULT_BENCHMARK_LABELS = {
  statNeighbour: "Statistical neighbour average",
  bestStatNeighbour: "Best statistical neighbour",
  england: "England average",
  englandTopQuartile: "England top quartile",
  region: "Regional average",
} as const;

const benchmarkKey = z.enum(BENCHMARK_KEYS);

const dot = z.union([
  z.literal("polarity").transform(() => ({ convention: "polarity" as const })),
  z.literal("threshold").transform(() => ({ convention: "threshold" as const, threshold: 0.1 })),
  z
    .strictObject({ threshold: numberish })
    .transform((v) => ({ convention: "threshold" as const, threshold: v.threshold / 100 })),
]);

/** Statistical process control settings (authority-wide; an indicator may override them). */
export const spcSettingsSchema = z.strictObject({
  screenOutliers: booleanish.optional(),
  freezeAfter: z.union([z.literal(false), numberish.refine((n) => Number.isInteger(n) && n >= 12, { message: "must be a whole number of points, 12 or more" })]).optional(),
  trendLength: numberish.refine((n) => n === 6 || n === 7 || n === 5, { message: "must be 5, 6 or 7" }).optional(),
  shiftLength: numberish.refine((n) => n === 6 || n === 7 || n === 8, { message: "must be 6, 7 or 8" }).optional(),
  minimumPoints: numberish.refine((n) => Number.isInteger(n) && n >= 3, { message: "must be a whole number, 3 or more" }).optional(),
});

export const authoritySchema = z.strictObject({
  name: nonEmptyText,
  shortName: nonEmptyText.optional(),
  colour: colour.default("#1d5c84"),
  report: z.strictObject({
    title: nonEmptyText,
    createdBy: text.optional(),
    status: text.optional(),
    caveat: text.optional(),
    style: z.enum(["performance-report", "monthly-dataset"]).default("performance-report"),
  }),
  yearStartMonth: numberish
    .refine((n) => Number.isInteger(n) && n >= 1 && n <= 12, { message: "must be a month number from 1 to 12 (4 = April)" })
    .default(4),
  directionOfTravel: dot.default({ convention: "polarity" }),
  // Children aged 0-17: a whole number, and no council has more than England's 12 million.
  population: z
    .record(
      yearLabel,
      positiveNumber.refine((n) => Number.isInteger(n) && n <= 12_000_000, { message: "must be the number of children aged 0-17: a whole number, at most 12,000,000" }),
    )
    .default({}),
  benchmarks: z
    .strictObject({
      year: text,
      columns: z.array(benchmarkKey).default(["statNeighbour", "bestStatNeighbour", "england", "englandTopQuartile"]),
      labels: z.partialRecord(benchmarkKey, nonEmptyText).default({}),
      /** Within this many per cent of a benchmark counts as similar (default 5). */
      similarWithin: numberish.refine((n) => n >= 0 && n <= 50, { message: "must be a percentage from 0 to 50" }).default(5),
    })
    .optional(),
  sections: z.array(nonEmptyText).min(1, { message: "must list at least one section" }),
  /**
   * Which judgements the summary shows (RAG against targets, SPC icons, or both), and which months' charts
   * are drawn again for phones: the latest and printed months' (an earlier month's phones scroll), or every month's.
   */
  display: z
    .strictObject({ rag: booleanish.default(true), spc: booleanish.default(true), phoneCharts: z.enum(["latest", "every-month"]).default("latest") })
    .default({ rag: true, spc: true, phoneCharts: "latest" }),
  spc: spcSettingsSchema.default({}),
  /** Abbreviations the pack's glossary explains, over the built-in list (TERM: meaning). */
  glossary: z
    .record(z.string(), z.unknown())
    .transform((terms, ctx) => {
      // Each term checked here (not by the record's key and value types), so every problem is named at its own line.
      const out: Record<string, string> = {};
      for (const [term, meaning] of Object.entries(terms)) {
        if (!/^[A-Za-z0-9][A-Za-z0-9.&/'-]{0,19}$/.test(term.trim())) {
          ctx.addIssue({ code: "custom", path: [term], message: "must be an abbreviation as the pack writes it: up to 20 letters, digits or . & / ' - with no spaces (e.g. MASH)" });
        } else if ((typeof meaning !== "string" && typeof meaning !== "number") || String(meaning).trim() === "") {
          ctx.addIssue({ code: "custom", path: [term], message: "needs its meaning after the colon (e.g. MASH: Multi-agency safeguarding hub)" });
        } else out[term.trim()] = String(meaning).trim();
      }
      return out;
    })
    .default({}),
  /** The public edition: small numbers suppressed (npm run build -- --edition public). */
  publicEdition: z
    .strictObject({
      threshold: numberish.refine((n) => Number.isInteger(n) && n >= 2 && n <= 100, { message: "must be a whole number from 2 to 100 (5: counts of 1 to 5 are suppressed; with 1 the symbol would say the count is 1)" }).default(5),
      symbol: nonEmptyText.refine((s) => s.length <= 3 && !/[\d<>&"']/.test(s), { message: "must be one to three characters that are not digits or <>&\"' (e.g. c)" }).default("c"),
      rounding: z
        .union([z.literal(false), z.literal("off"), z.literal("no"), numberish])
        .transform((v, ctx) => {
          if (v === false || v === "off" || v === "no" || v === 0) return 0 as const;
          if (v === 5 || v === 10) return v;
          ctx.addIssue({ code: "custom", message: "must be off, 5 or 10 (round other counts to the nearest 5 or 10)" });
          return z.NEVER;
        })
        .default(0),
      suppressZero: booleanish.default(false),
      exempt: z.array(nonEmptyText).default([]),
      withhold: z.array(nonEmptyText).default([]),
      /** reviewed: only commentary with a `public:` block is published; all: every commentary, with warnings. */
      commentary: z.enum(["reviewed", "all"]).default("reviewed"),
    })
    .default({ threshold: 5, symbol: "c", rounding: 0, suppressZero: false, exempt: [], withhold: [], commentary: "reviewed" }),
});

export type AuthorityInput = z.output<typeof authoritySchema>;

export function benchmarkLabels(labels: Partial<Record<(typeof BENCHMARK_KEYS)[number], string>>) {
  return { ...DEFAULT_BENCHMARK_LABELS, ...labels };
}
