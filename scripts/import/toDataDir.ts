// Turns a read sheet into the files of a data directory: authority.yaml, a
// catalogue file per section, a file per month and the month's commentary.
import { dump } from "js-yaml";
import type { Problems } from "../model/problems.ts";
import type { BenchmarkKey, Kind, Polarity, Unit } from "../model/types.ts";
import { isNoValueMarker, parseCell } from "../load/cellValue.ts";
import { longMonth, reportingYear } from "../metrics/months.ts";
import { inferDecimals, inferKind, inferPolarity, inferUnit, looksLikeFractions, sheetNumber } from "./infer.ts";
import { plainText, type Sheet, type SheetRow } from "./readSheet.ts";

export interface ImportOptions {
  name?: string;
  title?: string;
  /** Section titles by reference prefix, e.g. { M: "Front door", CP: "Child protection" }. */
  sectionNames?: Record<string, string>;
  yearStartMonth?: number;
}

export interface PlannedIndicator {
  row: SheetRow;
  section: string;
  unit: Unit;
  polarity: Polarity;
  kind: Kind;
  decimals: number;
  fractions: boolean;
  guesses: string[];
}

export interface ImportPlan {
  files: Map<string, string>;
  indicators: PlannedIndicator[];
  notes: string[];
}

const yaml = (v: unknown) => dump(v, { lineWidth: -1, quoteStyle: "double" }).trim();
/** Figures are written bare (`1,234`, `57.2%`, `-`, `3 of 4`): the month file reads them as text. */
const figure = (text: string) => (/^(-?[\d,]+(\.\d+)?%?|-|\d+ of \d+)$/.test(text) ? text : yaml(text));

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "indicators";
}

function prefixOf(ref: string): string {
  return /^[A-Za-z]+/.exec(ref)?.[0]?.toUpperCase() ?? "Other";
}

export function planImport(sheet: Sheet, options: ImportOptions, problems: Problems): ImportPlan {
  const notes: string[] = [];
  const yearStartMonth = options.yearStartMonth ?? 4;
  const latest = sheet.months[sheet.months.length - 1]!;
  const currentYear = reportingYear(latest, yearStartMonth);

  // Sections: the sheet's own column or heading rows, else the references' prefixes.
  const sectionTitle = (row: SheetRow) => row.section ?? options.sectionNames?.[prefixOf(row.ref)] ?? `${prefixOf(row.ref)} indicators`;
  if (sheet.rows.some((r) => !r.section)) {
    notes.push(
      options.sectionNames
        ? "Sections come from the reference prefixes and the names given with --sections."
        : "The sheet has no section column, so indicators are grouped by the letters their references start with; rename the sections in authority.yaml and data/indicators/ (or give --sections).",
    );
  }

  const indicators: PlannedIndicator[] = sheet.rows.map((row) => {
    const unit = inferUnit(row);
    const polarity = inferPolarity(row);
    const kind = inferKind(row, unit.value);
    const guesses = [unit.guess && `unit ${unit.value} (${unit.guess})`, polarity.guess && `polarity ${polarity.value} (${polarity.guess})`, kind.guess && `kind ${kind.value} (${kind.guess})`].filter(
      (g): g is string => !!g,
    );
    const fractions = looksLikeFractions(row, unit.value);
    if (fractions) guesses.push("percentages written as fractions (0.85 for 85%) were multiplied by 100");
    if (row.refMadeUp) guesses.push(`the sheet gives no reference; "${row.ref}" was made up from its line`);
    return { row, section: sectionTitle(row), unit: unit.value, polarity: polarity.value, kind: kind.value, decimals: inferDecimals(row, unit.value), fractions, guesses };
  });

  const sections = [...new Set(indicators.map((i) => i.section))];
  const files = new Map<string, string>();

  // Month files
  for (const month of sheet.months) {
    const lines = [`# ${options.name ?? "Imported"}: figures for ${longMonth(month)}, imported from ${sheet.file.split("/").pop()}.`, `month: ${month}`, "values:"];
    for (const section of sections) {
      lines.push(`  # ${section}`);
      for (const ind of indicators.filter((i) => i.section === section)) {
        const cell = ind.row.months.get(month);
        const text = monthValue(cell?.text ?? "", ind, problems, { file: sheet.file, line: ind.row.line, column: cell?.column ?? 0 });
        lines.push(`  ${yaml(ind.row.ref)}: ${figure(text)}`);
      }
    }
    files.set(`months/${month}.yaml`, lines.join("\n") + "\n");
  }

  // Catalogue
  for (const section of sections) {
    const lines = [`# ${section}: imported from ${sheet.file.split("/").pop()}. Lines marked "guess" were worked out by the import; check them.`, `title: ${yaml(section)}`, "indicators:"];
    for (const ind of indicators.filter((i) => i.section === section)) {
      const r = ind.row;
      lines.push(`  - ref: ${yaml(r.ref)}`);
      lines.push(`    title: ${yaml(r.title)}`);
      lines.push(`    unit: ${ind.unit}${ind.guesses.some((g) => g.startsWith("unit")) ? "    # guess" : ""}`);
      if (ind.decimals !== { count: 0, percentage: 1, rate: 1, average: 1 }[ind.unit]) lines.push(`    decimals: ${ind.decimals}`);
      lines.push(`    polarity: ${ind.polarity}${ind.guesses.some((g) => g.startsWith("polarity")) ? "    # guess: the sheet gives none" : ""}`);
      lines.push(`    kind: ${ind.kind}${ind.guesses.some((g) => g.startsWith("kind")) ? "    # guess" : ""}`);
      const target = targetFor(r, ind, currentYear, notes);
      if (target) lines.push(`    target: ${target}`);
      const benchmarks = benchmarkValues(r, ind);
      if (benchmarks) lines.push(`    benchmarks: ${benchmarks}`);
      if (r.owner && !isNoValueMarker(r.owner)) lines.push(`    owner: ${yaml(r.owner)}`);
      if (r.reporter && !isNoValueMarker(r.reporter)) lines.push(`    reporter: ${yaml(r.reporter)}`);
      if (r.outcome && !isNoValueMarker(r.outcome)) lines.push(`    outcome: ${yaml(r.outcome)}`);
      lines.push("");
    }
    files.set(`indicators/${slug(section)}.yaml`, lines.join("\n").trimEnd() + "\n");
  }

  // Commentary of the sheet's commentary month, per section.
  if (sheet.commentaryMonth) {
    for (const section of sections) {
      const blocks: { refs: string[]; text: string }[] = [];
      for (const ind of indicators.filter((i) => i.section === section)) {
        const text = plainText(ind.row.commentary);
        if (!text || isNoValueMarker(text) || text === "-") continue;
        const last = blocks[blocks.length - 1];
        if (last && last.text === text) last.refs.push(ind.row.ref);
        else blocks.push({ refs: [ind.row.ref], text: text.replace(/^-+/, "").trim() });
      }
      if (blocks.length) {
        files.set(
          `commentary/${sheet.commentaryMonth}/${slug(section)}.md`,
          blocks.map((b) => `**${b.refs.join(", ")}**: ${b.text}`).join("\n\n") + "\n",
        );
      }
    }
  }

  // Settings
  const benchmarkKeys = Object.keys(sheet.benchmarkLabels) as BenchmarkKey[];
  const authority = [
    `# Imported from ${sheet.file.split("/").pop()} by npm run import. Check the lines marked "check".`,
    `name: ${yaml(options.name ?? "Imported authority")}    # check`,
    "report:",
    `  title: ${yaml(options.title ?? "Children's Social Care Monthly Dataset")}`,
    "  style: monthly-dataset",
    `yearStartMonth: ${yearStartMonth}`,
    `directionOfTravel: { threshold: ${sheet.dotThreshold ?? 10} }${sheet.dotThreshold ? "" : "    # check: the sheet does not say"}`,
    ...(benchmarkKeys.length
      ? [
          "benchmarks:",
          `  year: ${yaml(sheet.benchmarkYear ?? "")}${sheet.benchmarkYear ? "" : "    # check: the sheet does not say"}`,
          `  columns: [${benchmarkKeys.join(", ")}]`,
          "  labels:",
          ...benchmarkKeys.map((k) => `    ${k}: ${yaml(sheet.benchmarkLabels[k])}`),
        ]
      : []),
    "sections:",
    ...sections.map((s) => `  - ${slug(s)}`),
  ];
  files.set("authority.yaml", authority.join("\n") + "\n");

  return { files, indicators, notes };
}

/**
 * A month cell as it goes into the month file. Text that is not a figure
 * ("c" for suppressed, "see note") is read as no value and reported as a
 * warning: a sheet's own markers should not stop an import.
 */
function monthValue(text: string, ind: PlannedIndicator, problems: Problems, at: { file: string; line: number; column: number }): string {
  const t = plainText(text);
  if (t === "" || isNoValueMarker(t)) return "-";
  let value = t;
  const n = sheetNumber(t);
  const pct = /%\s*$/.test(t) || ind.unit === "percentage";
  if (ind.fractions && n !== null) value = `${+(n * 100).toFixed(6)}%`;
  else if (n !== null && !/^-?[\d,]+(\.\d+)?%?$/.test(t)) value = `${n}${pct && ind.unit === "percentage" ? "%" : ""}`; // decimal comma, arrows, units
  const parsed = parseCell(value, ind.unit);
  if (parsed.kind === "invalid") {
    problems.warning(at, `${ind.row.ref}: the cell "${t}" is not a figure, so it was read as no value.`, "Check the sheet; enter the figure in the month file if there is one.");
    return "-";
  }
  return value;
}

function targetFor(row: SheetRow, ind: PlannedIndicator, currentYear: string, notes: string[]): string | null {
  const usable = row.targets.filter((t) => sheetNumber(t.text) !== null);
  if (usable.length === 0) return null;
  const chosen = usable.find((t) => t.year === currentYear) ?? usable.find((t) => t.year === null) ?? usable[usable.length - 1]!;
  const value = sheetNumber(chosen.text)!;
  const scaled = ind.fractions && value <= 1 ? value * 100 : value;
  if (ind.polarity !== "high" && ind.polarity !== "low") {
    notes.push(`${row.ref}: the target ${chosen.text}${chosen.year ? ` (${chosen.year})` : ""} was not imported: the sheet does not say whether high or low is good.`);
    return null;
  }
  const type = ind.polarity === "high" ? "at-least" : "below";
  return `{ type: ${type}, green: ${scaled} }${chosen.year && chosen.year !== currentYear ? `    # the ${chosen.year} target` : ""}`;
}

function benchmarkValues(row: SheetRow, ind: PlannedIndicator): string | null {
  const parts: string[] = [];
  for (const [key, text] of Object.entries(row.benchmarks)) {
    const n = sheetNumber(text ?? "");
    if (n === null) continue;
    parts.push(`${key}: ${ind.fractions && n <= 1 ? n * 100 : n}`);
  }
  return parts.length ? `{ ${parts.join(", ")} }` : null;
}
