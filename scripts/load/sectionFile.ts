// Reads a section file, data/indicators/<section>.yaml, into a section and its indicators.
//
// Each indicator is checked on its own, so one mistake reports one problem
// instead of hiding the whole section (and flooding the month files with
// "unknown reference" errors for its other indicators).
import { z } from "zod";
import type { Problems } from "../model/problems.ts";
import type { Indicator, Section } from "../model/types.ts";
import { indicatorSchema, sectionSchema, type IndicatorInput } from "../schema/catalogue.ts";
import { parseWithSchema } from "../schema/report.ts";
import { lineFor, parseYamlTree, reportDuplicateKeys, toPlain } from "./yamlTree.ts";

const DEFAULT_DECIMALS = { count: 0, percentage: 1, rate: 1, average: 1 } as const;

const sectionShell = sectionSchema.extend({ indicators: z.array(z.unknown()).min(1, { message: "must list at least one indicator" }) });

export interface SectionFileResult {
  section: Section;
  indicators: Indicator[];
  /** Ratios whose kind follows their denominator's (resolved once all sections are read). */
  kindFromDenominator: string[];
  /** References of indicators that could not be read (known, so not reported again as unknown). */
  brokenRefs: string[];
}

export function readSectionFile(
  source: string,
  file: string,
  id: string,
  order: number,
  defaultBenchmarkYear: string,
  problems: Problems,
): SectionFileResult | null {
  const root = parseYamlTree(source, file, problems);
  if (!root) return null;
  reportDuplicateKeys(root, file, problems);
  const lines = new Map<string, number>();
  const plain = toPlain(root, lines);
  const parsed = parseWithSchema(sectionShell, plain, file, lines, problems);
  if (!parsed) return null;

  const kindFromDenominator: string[] = [];
  const brokenRefs: string[] = [];
  const indicators: Indicator[] = [];
  const indicatorLines = linesByIndicator(lines);
  parsed.indicators.forEach((raw, idx) => {
    const at = { file, line: lineFor(lines, ["indicators", idx]) ?? 1 };
    // Issues are placed with the full path, so the schema runs on the whole file's line map.
    const ref = (raw as { ref?: unknown } | null)?.ref;
    const context = typeof ref === "string" ? `Indicator ${ref}` : `Indicator ${idx + 1}`;
    const input = parseWithSchema(indicatorSchema, raw, file, indicatorLines.get(idx) ?? new Map(), problems, context);
    if (!input) {
      if (typeof ref === "string") brokenRefs.push(ref);
      return;
    }
    if (!input.kind) {
      if (input.compute && "ratio" in input.compute) kindFromDenominator.push(input.ref);
      else if (!input.compute && (input.unit === "count" || input.unit === "percentage")) {
        problems.error(
          at,
          `${input.ref} (${input.title}) does not say whether it is counted in the month or at month end.`,
          "Add `kind: flow` (counted in the month: it adds up over the year) or `kind: snapshot` (a position at month end).",
        );
      }
    }
    const fieldLine = (name: string) => lineFor(lines, ["indicators", idx, name]) ?? at.line;
    indicators.push(
      toIndicator(input, id, defaultBenchmarkYear, at, {
        compute: fieldLine("compute"),
        target: fieldLine("target"),
        percentageOf: fieldLine("percentageOf"),
        partOf: fieldLine("partOf"),
        benchmarks: fieldLine("benchmarks"),
      }),
    );
  });

  const section: Section = {
    id,
    title: parsed.title,
    ...(parsed.definition ? { definition: parsed.definition } : {}),
    tables: parsed.tables ?? [{ indicators: indicators.map((i) => i.ref) }],
    charts: parsed.charts.map((c, idx) => ({ ...c, source: { file, line: lineFor(lines, ["charts", idx]) ?? 1 } })),
    footnotes: parsed.footnotes ?? [],
    order,
    source: { file, line: 1 },
  };
  return { section, indicators, kindFromDenominator, brokenRefs };
}

/** The line map of each entry of `indicators` (by its index), with paths relative to the entry: in one pass over the file's lines, not one per indicator. */
function linesByIndicator(lines: Map<string, number>): Map<number, Map<string, number>> {
  const out = new Map<number, Map<string, number>>();
  for (const [k, v] of lines) {
    const m = /^indicators\.(\d+)(?:\.|$)/.exec(k);
    if (!m) continue;
    const idx = Number(m[1]);
    let entry = out.get(idx);
    if (!entry) out.set(idx, (entry = new Map()));
    entry.set(k.slice(m[0].length), v);
  }
  return out;
}

function toIndicator(
  input: IndicatorInput,
  section: string,
  defaultBenchmarkYear: string,
  source: { file: string; line: number },
  lines: Indicator["lines"],
): Indicator {
  const { summary, benchmarks, kind, decimals, target, ...rest } = input;
  const indicator: Indicator = {
    ...rest,
    shortTitle: input.shortTitle ?? input.title,
    section,
    decimals: decimals ?? DEFAULT_DECIMALS[input.unit],
    // Rolling figures, rates and averages are positions at month end unless stated.
    kind: kind ?? "snapshot",
    inSummary: summary,
    source,
    lines,
  };
  if (benchmarks) {
    const { year, ...values } = benchmarks;
    indicator.benchmarks = { year: year ?? (input.yearBasis === "academic" ? academicYearEndingIn(defaultBenchmarkYear) : defaultBenchmarkYear), values };
  }
  if (target) {
    indicator.target =
      target.type === "band" || target.type === "around" ? { ...target, amber: target.amber ?? 0 } : { ...target, amber: target.amber ?? target.green };
  }
  return indicator;
}

/**
 * The academic year that ends in a reporting year ("2019/20" -> "2018/19"):
 * the default year of an academic indicator's benchmarks, as its annual trend
 * puts academic 2018/19 under reporting 2019/20 (a label of another form is kept).
 */
function academicYearEndingIn(label: string): string {
  const m = /^(\d{4})\/(\d{2})$/.exec(label);
  if (!m) return label;
  const start = Number(m[1]) - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}
