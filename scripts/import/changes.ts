// Turns a plan into the files of a data directory. For a new directory:
// every file. For one that already holds data: only what the sheet changes,
// written as a person would — new months as `new-month` scaffolds them,
// re-run figures of earlier months as restatements in the latest month's
// file, new indicators appended to their section file, commentary beside a
// person's own, never over it — and YAML edited in place (see yamlEdit.ts).
import fs from "node:fs";
import path from "node:path";
import type { DataSet, Figure, Indicator, Month } from "../model/types.ts";
import { vintageAt } from "../metrics/vintage.ts";
import { formatValue } from "../format/number.ts";
import { longMonth } from "../metrics/months.ts";
import { DRAFT_MARKER } from "../load/commentary.ts";
import { BENCHMARK_KEYS } from "../model/types.ts";
import type { Plan, PlannedFigure, PlannedIndicator } from "./plan.ts";
import { sameFigure } from "./figures.ts";
import { importedHeading, monthFileText, restatedBlock, type MonthFileLine, NEW_MONTH_HELP } from "./monthFile.ts";
import { figureLine, yamlKey, yamlScalar } from "./yamlText.ts";
import { YamlEditError, YamlFile } from "./yamlEdit.ts";
import type { SheetCell } from "./interpret.ts";

export interface FigureChange {
  ref: string;
  title: string;
  month: Month;
  old: string;
  new: string;
  where: string;
}

export interface UpdateReport {
  fresh: boolean;
  newMonths: Month[];
  /** Months before or between the directory's that the sheet fills in. */
  addedMonths: Month[];
  restatements: FigureChange[];
  /** The directory's latest month, changed in place (it is not yet a restatement). */
  corrections: FigureChange[];
  newIndicators: { ref: string; title: string; section: string; where: string }[];
  newSections: { id: string; title: string }[];
  missing: { ref: string; title: string }[];
  commentary: { section: string; month: Month; action: "written" | "unchanged" | "kept"; beside?: string }[];
  /** Figures the directory has where the sheet shows none (left as they are). */
  keptWhereSheetBlank: FigureChange[];
  outturnYears: string[];
  /** Where the restatements went. */
  restatedIn: Month | null;
}

export interface ChangeSet {
  /** Relative path -> new content, for files that are new or change. */
  files: Map<string, string>;
  report: UpdateReport;
  /** `path|restated month or ""|ref` -> the sheet cell a written figure came from. */
  provenance: Map<string, SheetCell>;
}

const DEFAULT_DECIMALS = { count: 0, percentage: 1, rate: 1, average: 1 } as const;
const UNIT_HINT = { count: "a count", percentage: 'a percentage (57.2%) or "n of d"', rate: "a rate per 10,000", average: "an average" } as const;

export function provenanceKey(file: string, block: string, ref: string): string {
  return `${file}|${block}|${ref}`;
}

function figureText(f: Figure | null | undefined, ind: { unit: Indicator["unit"]; decimals: number }): string {
  if (!f) return "none";
  return formatValue(f.value, ind.unit, ind.decimals);
}

/** The YAML lines of one catalogue entry, as the import writes it. */
export function indicatorEntry(ind: PlannedIndicator, indent: string): string[] {
  const r = ind.row;
  const guessed = (what: string) => ind.guesses.some((g) => g.startsWith(what));
  const lines = [
    `${indent}- ref: ${yamlKey(ind.ref)}`,
    `${indent}  title: ${yamlScalar(ind.title)}`,
    `${indent}  unit: ${ind.unit}${guessed("unit") ? "    # guess" : ""}`,
  ];
  if (ind.decimals !== DEFAULT_DECIMALS[ind.unit]) lines.push(`${indent}  decimals: ${ind.decimals}`);
  lines.push(`${indent}  polarity: ${ind.polarity}${guessed("polarity") ? "    # guess: the sheet gives none" : ""}`);
  lines.push(`${indent}  kind: ${ind.kind}${guessed("kind") ? "    # guess" : ""}`);
  if (ind.target) lines.push(`${indent}  target: ${ind.target}`);
  if (ind.benchmarks) lines.push(`${indent}  benchmarks: ${ind.benchmarks}`);
  const plainUnit = r.unitText.trim();
  if (plainUnit && !/^-+$/.test(plainUnit) && !/^(p|%|count|number|n|no\.?|percentage|percent)$/i.test(plainUnit) && plainUnit.length <= 40) lines.push(`${indent}  dataNote: ${yamlScalar(plainUnit)}`);
  for (const key of ["owner", "reporter", "outcome"] as const) if (r[key] && !/^(-|n\/a|tbc)$/i.test(r[key])) lines.push(`${indent}  ${key}: ${yamlScalar(r[key])}`);
  if (ind.row.refGuess) lines.push(`${indent}  # reference made up by the import: ${ind.row.refGuess.replace(/^the sheet gives no reference \([^)]*\); /, "the sheet gives none; ")}`);
  return lines;
}

function sectionFileText(plan: Plan, sectionId: string, title: string, source: string): string {
  const lines = [`# ${title}: imported from ${source}. Lines marked "guess" were worked out by the import; check them.`, `title: ${yamlScalar(title)}`, "indicators:"];
  for (const ind of plan.indicators.filter((i) => i.sectionId === sectionId)) lines.push(...indicatorEntry(ind, "  "), "");
  return lines.join("\n").trimEnd() + "\n";
}

function authorityText(plan: Plan, source: string): string {
  const sheet = plan.sheet;
  const benchmarkKeys = BENCHMARK_KEYS.filter((k) => sheet.benchmarkLabels[k]);
  // Abbreviated capitals ("STAT NEIGH AVE") read worse than boardpack's own labels.
  const labelled = benchmarkKeys.filter((k) => /[a-z]/.test(sheet.benchmarkLabels[k]!));
  const monthlyDataset = plan.indicators.some((i) => i.row.owner || i.row.reporter || i.row.outcome);
  const polarityDot = /polarity/i.test(sheet.preamble.join(" ")) && sheet.dotThreshold === null;
  return [
    `# Imported from ${source} by npm run import. Check the lines marked "check".`,
    `name: ${yamlScalar(plan.name)}${plan.nameGuessed ? "    # check" : ""}`,
    "report:",
    `  title: ${yamlScalar(plan.title)}`,
    `  style: ${monthlyDataset ? "monthly-dataset" : "performance-report"}`,
    `yearStartMonth: ${plan.yearStartMonth}`,
    polarityDot ? "directionOfTravel: polarity    # the sheet's key judges direction by polarity" : `directionOfTravel: { threshold: ${sheet.dotThreshold ?? 10} }${sheet.dotThreshold ? "" : "    # check: the sheet does not say"}`,
    ...(benchmarkKeys.length
      ? [
          "benchmarks:",
          `  year: ${yamlScalar(sheet.benchmarkYear ?? "")}${sheet.benchmarkYear ? "" : "    # check: the sheet does not say"}`,
          `  columns: [${benchmarkKeys.join(", ")}]`,
          ...(labelled.length ? ["  labels:", ...labelled.map((k) => `    ${k}: ${yamlScalar(sheet.benchmarkLabels[k])}`)] : []),
        ]
      : []),
    "sections:",
    ...plan.sections.map((s) => `  - ${s.id}`),
  ].join("\n") + "\n";
}

function outturnText(plan: Plan, year: string, values: Map<string, string>, source: string): string {
  const lines = [`# ${plan.name}: year-end figures for ${year}, imported from ${source} (its ${year} column).`, `year: ${year}`, "values:"];
  for (const section of plan.sections) {
    const inds = plan.indicators.filter((i) => i.sectionId === section.id && values.has(i.ref));
    if (!inds.length) continue;
    lines.push(`  # ${section.title}`);
    for (const i of inds) lines.push(figureLine("  ", i.ref, values.get(i.ref)!, i.title));
  }
  return lines.join("\n") + "\n";
}

/** Commentary a person has not written yet: missing, a stub, or boardpack's untouched draft. */
function replaceable(existing: string): boolean {
  return existing.includes(DRAFT_MARKER) || existing.replace(/<!--[\s\S]*?-->/g, "").trim() === "";
}

/** A file of the directory the update cannot edit as it must: its path (relative to the directory), line, and what to do. */
export class ChangeError extends Error {
  constructor(readonly file: string, readonly line: number | undefined, message: string, readonly fix: string) {
    super(message);
    this.name = "ChangeError";
  }
}

/** What a YAML edit's failure means to the person who wrote the file. */
function explainEdit(e: YamlEditError): ChangeError {
  const file = e.file ?? "";
  const flow = /^(.+) is written on one line$/.exec(e.message);
  if (flow) {
    const keys = flow[1]!.split(".");
    const key = keys.at(-1)!;
    if (keys[0] === "restated") {
      const name = `${keys.join(": ")}:`;
      return new ChangeError(file, e.line, `${name} is written on one line ({ ... }), so the import cannot add the sheet's restated figures to it.`, `Write ${name} as a block (${keys.length > 1 ? "one figure per line" : "one month per line, each figure on its own line under its month"}), then import again.`);
    }
    return new ChangeError(file, e.line, `${key}: is written on one line, so the import cannot add to it.`, `Write ${key}: as a block (one entry per line), then import again.`);
  }
  return new ChangeError(file, e.line, `The import cannot edit this file (${e.message}).`, "Check the file's YAML (npm run check), then import again.");
}

export function buildChanges(plan: Plan, dir: string, existing: DataSet | null): ChangeSet {
  try {
    return buildChangeSet(plan, dir, existing);
  } catch (e) {
    if (e instanceof YamlEditError) throw explainEdit(e);
    throw e;
  }
}

function buildChangeSet(plan: Plan, dir: string, existing: DataSet | null): ChangeSet {
  const source = path.basename(plan.sheet.file);
  const files = new Map<string, string>();
  const provenance = new Map<string, SheetCell>();
  const report: UpdateReport = {
    fresh: !existing, newMonths: [], addedMonths: [], restatements: [], corrections: [], newIndicators: [], newSections: [], missing: [],
    commentary: [], keptWhereSheetBlank: [], outturnYears: [], restatedIn: null,
  };
  const read = (rel: string) => (existing && fs.existsSync(path.join(dir, rel)) ? fs.readFileSync(path.join(dir, rel), "utf8") : null);
  const put = (rel: string, content: string) => {
    if (read(rel) !== content) files.set(rel, content);
  };
  const sectionTitle = new Map(plan.sections.map((s) => [s.id, s.title]));
  const bySection = (inds: PlannedIndicator[]) => plan.sections.map((s) => ({ id: s.id, title: s.title, inds: inds.filter((i) => i.sectionId === s.id) }));
  const newInds = plan.indicators.filter((i) => !i.existing);
  const fig = (ind: PlannedIndicator, m: Month): PlannedFigure | undefined => plan.figures.get(ind.ref)?.get(m);
  const firstFigure = (ind: PlannedIndicator) => plan.sheet.months.find((m) => fig(ind, m)?.figure);
  const note = (rel: string, block: string, ind: PlannedIndicator, f: PlannedFigure | undefined) => {
    if (f?.cell) provenance.set(provenanceKey(rel, block, ind.ref), f.cell);
  };

  if (!existing) {
    // A new directory: everything.
    files.set("authority.yaml", authorityText(plan, source));
    for (const s of plan.sections) files.set(`indicators/${s.id}.yaml`, sectionFileText(plan, s.id, s.title, source));
    for (const month of plan.sheet.months) {
      const rel = `months/${month}.yaml`;
      const sections = bySection(plan.indicators.filter((i) => i.entered)).map((s) => ({
        title: s.title,
        lines: s.inds.map((ind) => {
          const f = fig(ind, month);
          note(rel, "", ind, f);
          return { ref: ind.ref, figure: f?.text ?? "-", comment: ind.title };
        }),
      }));
      files.set(rel, monthFileText({ heading: importedHeading(plan.name, month, source), month, sections }));
    }
    report.newMonths = [...plan.sheet.months];
    report.newIndicators = plan.indicators.map((i) => ({ ref: i.ref, title: i.title, section: sectionTitle.get(i.sectionId)!, where: i.row.where }));
    report.newSections = plan.sections.map((s) => ({ id: s.id, title: s.title }));
  } else {
    const latestExisting = existing.months.at(-1)?.month ?? null;
    const sheetLatest = plan.sheet.months.at(-1)!;
    const vintage = latestExisting ? vintageAt(existing, latestExisting) : null;
    const monthFile = new Map(existing.months.map((m) => [m.month, m]));
    const relOf = new Map(existing.months.map((m) => [m.month, path.relative(dir, path.resolve(m.file)).split(path.sep).join("/")]));
    const newMonths = plan.sheet.months.filter((m) => !latestExisting || m > latestExisting);
    const restatedIn = newMonths.at(-1) ?? latestExisting;
    report.newMonths = newMonths;
    report.restatedIn = restatedIn;
    const sheetIsOlder = latestExisting !== null && sheetLatest < latestExisting;
    const catalogueEntered = existing.indicators.filter((i) => !i.compute && i.frequency === "monthly");
    const planned = new Map(plan.indicators.map((i) => [i.ref, i]));

    // Figures of months the directory already has.
    const restated = new Map<Month, MonthFileLine[]>();
    const edits = new Map<string, YamlFile>();
    const editFile = (rel: string) => {
      let f = edits.get(rel);
      if (!f) edits.set(rel, (f = new YamlFile(read(rel) ?? "", rel)));
      return f;
    };
    for (const ind of plan.indicators) {
      if (!ind.entered) continue;
      for (const month of plan.sheet.months) {
        const file = monthFile.get(month);
        if (!file) continue;
        const f = fig(ind, month)!;
        const rel = relOf.get(month)!;
        if (!ind.existing) {
          const first = firstFigure(ind);
          if (!first || month < first) continue;
          if (rel.endsWith(".csv")) throw new ChangeError(rel, undefined, `This is a CSV month file; the import adds figures to YAML month files only.`, `Convert it to ${rel.replace(/\.csv$/, ".yaml")} and import again.`);
          editFile(rel).appendLines(["values"], (indent) => [figureLine(indent, ind.ref, f.text, ind.title)]);
          note(rel, "", ind, f);
          continue;
        }
        const before = vintage!.entered.get(ind.ref)?.get(month);
        if (sameFigure(f, before ?? null)) continue;
        const change: FigureChange = { ref: ind.ref, title: ind.title, month, old: figureText(before, ind), new: figureText(f.figure, ind), where: f.cell?.address ?? ind.row.where };
        if (!f.figure) {
          report.keptWhereSheetBlank.push(change);
          continue;
        }
        if (sheetIsOlder) continue;
        if (month === latestExisting && newMonths.length === 0) {
          if (rel.endsWith(".csv")) throw new ChangeError(rel, undefined, `This is a CSV month file; the import changes YAML month files only.`, `Convert it to ${rel.replace(/\.csv$/, ".yaml")} and import again.`);
          const y = editFile(rel);
          if (file.listed.includes(ind.ref)) y.setScalar(["values", ind.ref], f.text);
          else y.appendLines(["values"], (indent) => [figureLine(indent, ind.ref, f.text, ind.title)]);
          note(rel, "", ind, f);
          report.corrections.push(change);
        } else {
          const lines = restated.get(month) ?? [];
          lines.push({ ref: ind.ref, figure: f.text, comment: ind.title });
          restated.set(month, lines);
          report.restatements.push(change);
        }
      }
    }

    // Months the directory lacks: new months (as new-month writes them), and earlier or missing ones.
    for (const month of plan.sheet.months) {
      if (monthFile.has(month)) continue;
      const rel = `months/${month}.yaml`;
      const isNew = newMonths.includes(month);
      const later = existing.months.find((m) => m.month > month);
      const listedLater = new Set(later?.listed ?? []);
      const sections = plan.sections.map((s) => {
        const lines: MonthFileLine[] = [];
        const catalogue = catalogueEntered.filter((i) => i.section === s.id);
        for (const ci of catalogue) {
          const ind = plan.indicators.find((p) => p.existing?.ref === ci.ref);
          if (!isNew && !listedLater.has(ci.ref)) continue;
          if (ind) {
            const f = fig(ind, month);
            note(rel, "", ind, f);
            lines.push({ ref: ci.ref, figure: f?.text ?? "-", comment: ci.title });
          } else {
            lines.push({ ref: ci.ref, figure: "", comment: `${ci.title} (${UNIT_HINT[ci.unit]}; ${ci.kind === "flow" ? "in the month" : "at month end"}; not in the sheet)` });
          }
        }
        for (const ind of newInds.filter((i) => i.sectionId === s.id)) {
          const first = firstFigure(ind);
          if (!first || month < first) continue;
          const f = fig(ind, month);
          note(rel, "", ind, f);
          lines.push({ ref: ind.ref, figure: f?.text ?? "-", comment: ind.title });
        }
        return { title: s.title, lines };
      });
      const heading = isNew ? [`# ${existing.authority.shortName}: figures for ${longMonth(month)}, imported from ${source}.`, ...NEW_MONTH_HELP] : importedHeading(existing.authority.shortName, month, source);
      const restatedHere = month === restatedIn && restated.size ? [...restated.entries()].map(([m, lines]) => ({ month: m, lines })) : undefined;
      if (restatedHere) for (const b of restatedHere) for (const l of b.lines) note(rel, b.month, planned.get(l.ref)!, fig(planned.get(l.ref)!, b.month));
      files.set(rel, monthFileText({ heading, month, sections, draft: isNew, ...(restatedHere ? { restated: restatedHere } : {}) }));
      if (!isNew) report.addedMonths.push(month);
    }

    // Restatements into the directory's latest month file, when no month is new.
    if (restated.size && restatedIn && !newMonths.length) {
      const file = monthFile.get(restatedIn)!;
      const rel = path.relative(dir, path.resolve(file.file)).split(path.sep).join("/");
      if (rel.endsWith(".csv")) throw new ChangeError(rel, undefined, `This is a CSV month file; the import records restatements in YAML month files only.`, `Convert it to ${rel.replace(/\.csv$/, ".yaml")} and import again.`);
      const y = editFile(rel);
      const node = y.nodeAt(["restated"]);
      if (node === undefined) {
        y.appendBlock(restatedBlock([...restated.entries()].map(([month, lines]) => ({ month, lines })), ""));
      } else if (node === null || (node as { items?: unknown[] }).items === undefined) {
        y.replaceEmptyKey("restated", restatedBlock([...restated.entries()].map(([month, lines]) => ({ month, lines })), ""));
      } else {
        for (const [month, lines] of restated) {
          if (!y.has(["restated", month])) {
            y.appendLines(["restated"], (indent) => restatedBlock([{ month, lines }], indent, false));
            continue;
          }
          const there = new Set(y.keys(["restated", month]));
          for (const l of lines) {
            if (there.has(l.ref)) y.setScalar(["restated", month, l.ref], l.figure);
            else y.appendLines(["restated", month], (indent) => [figureLine(indent, l.ref, l.figure, l.comment)]);
          }
        }
      }
      for (const [month, lines] of restated) for (const l of lines) note(rel, month, planned.get(l.ref)!, fig(planned.get(l.ref)!, month));
    }
    for (const [rel, y] of edits) put(rel, y.source);

    // New indicators, appended to their sections; new sections into authority.yaml.
    const authority = new YamlFile(read("authority.yaml") ?? "", "authority.yaml");
    for (const s of plan.sections) {
      const inds = newInds.filter((i) => i.sectionId === s.id);
      if (!inds.length) continue;
      const rel = `indicators/${s.id}.yaml`;
      if (s.isNew) {
        files.set(rel, sectionFileText(plan, s.id, s.title, source));
        const node = authority.nodeAt(["sections"]);
        if (node && (node as { flow?: boolean }).flow) authority.appendFlowItem(["sections"], s.id);
        else authority.appendLines(["sections"], (indent) => [`${indent}- ${s.id}`]);
        report.newSections.push({ id: s.id, title: s.title });
      } else {
        const y = new YamlFile(read(rel) ?? "", rel);
        y.appendLines(["indicators"], (indent) => ["", ...inds.flatMap((i, k) => [...(k ? [""] : []), ...indicatorEntry(i, indent)])]);
        put(rel, y.source);
      }
      for (const i of inds) report.newIndicators.push({ ref: i.ref, title: i.title, section: s.title, where: i.row.where });
    }
    put("authority.yaml", authority.source);
    report.missing = plan.missing.map((i) => ({ ref: i.ref, title: i.title }));
  }

  // Commentary: never over a person's text.
  const cm = plan.sheet.commentaryMonth;
  if (cm) {
    for (const [sectionId, text] of plan.commentary) {
      const rel = `commentary/${cm}/${sectionId}.md`;
      const current = read(rel);
      const entry = { section: sectionTitle.get(sectionId) ?? sectionId, month: cm };
      if (current === null || (current !== text && replaceable(current))) {
        files.set(rel, text);
        report.commentary.push({ ...entry, action: "written" });
      } else if (current === text) {
        report.commentary.push({ ...entry, action: "unchanged" });
      } else {
        const beside = `commentary/${cm}/from-sheet/${sectionId}.md`;
        put(beside, text);
        report.commentary.push({ ...entry, action: "kept", beside });
      }
    }
  }

  // Year-end figures: years the directory has no file for.
  for (const [year, values] of plan.outturns) {
    const rel = `outturns/${year.replace("/", "-")}.yaml`;
    if (read(rel) !== null) continue;
    files.set(rel, outturnText(plan, year, values, source));
    report.outturnYears.push(year);
  }
  return { files, report, provenance };
}
