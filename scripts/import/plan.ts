// Works out what a sheet means for a data directory: which catalogue
// indicator each row is (in an existing directory: by reference, or by title
// where the sheet gives no reference of its own), each new indicator's
// section and guessed settings, and every month's figure, read with the
// catalogue's unit and checked as `npm run check` checks it.
import type { Problems } from "../model/problems.ts";
import type { DataSet, Indicator, Kind, Month, Polarity, Unit } from "../model/types.ts";
import { isNoValueMarker } from "../load/cellValue.ts";
import { reportingYear } from "../metrics/months.ts";
import { inferDecimals, inferKind, inferPolarity, inferUnit, looksLikeFractions, sheetNumber } from "./infer.ts";
import { areaKey, plainText, sectionTitle, type Sheet, type SheetCell, type SheetRow } from "./interpret.ts";
import { cellFigure, type CellFigure } from "./figures.ts";

export interface ImportOptions {
  name?: string;
  title?: string;
  /** Section titles by reference prefix, e.g. { M: "Front door", CP: "Child protection" }. */
  sectionNames?: Record<string, string>;
  yearStartMonth?: number;
}

export interface PlannedIndicator {
  row: SheetRow;
  /** The reference in the data directory. */
  ref: string;
  title: string;
  /** The catalogue entry this row updates (null: a new indicator). */
  existing: Indicator | null;
  /** How the row was matched to the catalogue (for the notes). */
  matchedBy: "reference" | "title" | null;
  sectionId: string;
  unit: Unit;
  polarity: Polarity;
  kind: Kind;
  decimals: number;
  fractions: boolean;
  /** Figures the directory holds for it (entered monthly indicators only; computed ones are the engine's). */
  entered: boolean;
  guesses: string[];
  target: string | null;
  targetNote: string | null;
  benchmarks: string | null;
}

export interface PlannedSection {
  id: string;
  title: string;
  /** The area labels of the sheet that went into it, and its rows. */
  labels: string[];
  rows: number[];
  isNew: boolean;
}

export interface PlannedFigure extends CellFigure {
  cell: SheetCell | null;
}

export interface Plan {
  sheet: Sheet;
  indicators: PlannedIndicator[];
  sections: PlannedSection[];
  /** ref -> month -> figure, for entered indicators. */
  figures: Map<string, Map<Month, PlannedFigure>>;
  /** Section id -> the sheet's commentary for `sheet.commentaryMonth`. */
  commentary: Map<string, string>;
  /** Year label -> ref -> figure text, from the sheet's year-end columns. */
  outturns: Map<string, Map<string, string>>;
  /** Catalogue indicators the sheet does not have (an update leaves them alone). */
  missing: Indicator[];
  notes: string[];
  yearStartMonth: number;
  name: string;
  nameGuessed: boolean;
  title: string;
}

export function slug(s: string): string {
  return s.toLowerCase().replace(/['’]/g, "").replace(/&/g, " and ").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "indicators";
}

function prefixOf(ref: string): string {
  return /^[A-Za-z]+/.exec(ref)?.[0]?.toUpperCase() ?? /^\d+/.exec(ref)?.[0] ?? "Other";
}

const normTitle = (t: string) => plainText(t).toLowerCase().replace(/[^a-z0-9%]+/g, " ").trim();

export function planImport(sheet: Sheet, options: ImportOptions, existing: DataSet | null, problems: Problems): Plan {
  const notes: string[] = [];
  const yearStartMonth = existing?.authority.yearStartMonth ?? options.yearStartMonth ?? 4;
  const latest = sheet.months[sheet.months.length - 1]!;
  const currentYear = reportingYear(latest, yearStartMonth);

  // Match rows to the catalogue: references first, then titles for rows whose reference the import made up.
  const byRef = new Map(existing?.indicators.map((i) => [i.ref, i]) ?? []);
  const titleCount = new Map<string, number>();
  for (const i of existing?.indicators ?? []) titleCount.set(normTitle(i.title), (titleCount.get(normTitle(i.title)) ?? 0) + 1);
  const byTitle = new Map((existing?.indicators ?? []).filter((i) => titleCount.get(normTitle(i.title)) === 1).map((i) => [normTitle(i.title), i]));
  const claimed = new Set<string>();
  const match = new Map<SheetRow, { ind: Indicator; by: "reference" | "title" }>();
  for (const row of sheet.rows) {
    const ind = byRef.get(row.ref);
    if (!row.refMadeUp && ind) {
      match.set(row, { ind, by: "reference" });
      claimed.add(ind.ref);
    }
  }
  for (const row of sheet.rows) {
    if (match.has(row)) continue;
    const ind = byTitle.get(normTitle(row.title));
    if (ind && !claimed.has(ind.ref) && (row.refMadeUp || !byRef.has(row.ref))) {
      match.set(row, { ind, by: "title" });
      claimed.add(ind.ref);
    }
  }
  // A new row's reference must not clash with the catalogue's.
  const taken = new Set([...byRef.keys(), ...sheet.rows.filter((r) => match.has(r)).map((r) => match.get(r)!.ind.ref)]);
  const refFor = new Map<SheetRow, string>();
  for (const row of sheet.rows) {
    const m = match.get(row);
    if (m) {
      refFor.set(row, m.ind.ref);
      continue;
    }
    let ref = row.ref;
    if (byRef.has(ref)) {
      let n = 2;
      while (taken.has(`${row.ref}-${n}`)) n++;
      ref = `${row.ref}-${n}`;
      notes.push(`${row.where}: the reference ${row.ref} is already an indicator in the catalogue with another title, so this row became "${ref}".`);
    }
    taken.add(ref);
    refFor.set(row, ref);
  }

  // Sections.
  const sections: PlannedSection[] = (existing?.sections ?? []).map((s) => ({ id: s.id, title: s.title, labels: [], rows: [], isNew: false }));
  const sectionById = new Map(sections.map((s) => [s.id, s]));
  const usedIds = new Set(sections.map((s) => s.id));
  const hasAreas = sheet.rows.some((r) => r.area);
  const areaTitle = new Map<string, string>();
  for (const r of sheet.rows) if (r.area && !areaTitle.has(areaKey(r.area))) areaTitle.set(areaKey(r.area), sectionTitle(r.area));
  if (!hasAreas && !existing) {
    notes.push(
      options.sectionNames
        ? "Sections come from the reference prefixes and the names given with --sections."
        : "The sheet has no area column or heading rows, so indicators are grouped by the letters (or number) their references start with; rename the sections in authority.yaml and data/indicators/, or give --sections.",
    );
  }
  const groupOf = (row: SheetRow): { key: string; title: string } => {
    if (row.area) return { key: areaKey(row.area), title: areaTitle.get(areaKey(row.area))! };
    const p = prefixOf(row.ref);
    if (options.sectionNames?.[p.toUpperCase()]) return { key: `prefix:${options.sectionNames[p.toUpperCase()]!.toLowerCase()}`, title: options.sectionNames[p.toUpperCase()]! };
    if (hasAreas) return { key: "other", title: "Other indicators" };
    return { key: `prefix:${p.toLowerCase()}`, title: /^\d+$/.test(p) ? `Section ${p}` : `${p} indicators` };
  };
  // In an update, an area goes where most of its matched rows already are.
  const votes = new Map<string, Map<string, number>>();
  for (const row of sheet.rows) {
    const m = match.get(row);
    if (!m) continue;
    const key = groupOf(row).key;
    const v = votes.get(key) ?? new Map<string, number>();
    v.set(m.ind.section, (v.get(m.ind.section) ?? 0) + 1);
    votes.set(key, v);
  }
  const groupSection = new Map<string, PlannedSection>();
  const sectionFor = (row: SheetRow, neighbour: string | null): PlannedSection => {
    const m = match.get(row);
    if (m) return sectionById.get(m.ind.section)!;
    const g = groupOf(row);
    const known = groupSection.get(g.key);
    if (known) return known;
    const v = votes.get(g.key);
    let s: PlannedSection | undefined;
    if (v) s = sectionById.get([...v.entries()].sort((a, b) => b[1] - a[1])[0]![0]);
    s ??= sections.find((x) => areaKey(x.title) === areaKey(g.title) || (!x.isNew && x.id === slug(g.title)));
    if (!s && !row.area && neighbour && existing) s = sectionById.get(neighbour);
    if (!s) {
      let id = slug(g.title);
      for (let n = 2; usedIds.has(id); n++) id = `${slug(g.title)}-${n}`;
      usedIds.add(id);
      s = { id, title: g.title, labels: [], rows: [], isNew: true };
      sections.push(s);
      sectionById.set(id, s);
    }
    groupSection.set(g.key, s);
    return s;
  };

  const indicators: PlannedIndicator[] = [];
  let neighbour: string | null = null;
  for (const row of sheet.rows) {
    const section = sectionFor(row, neighbour);
    neighbour = section.id;
    if (row.area && !section.labels.includes(row.area)) section.labels.push(row.area);
    section.rows.push(row.row);
    const m = match.get(row);
    const ref = refFor.get(row)!;
    if (m) {
      const ind = m.ind;
      indicators.push({
        row, ref, title: ind.title, existing: ind, matchedBy: m.by, sectionId: ind.section, unit: ind.unit, polarity: ind.polarity, kind: ind.kind, decimals: ind.decimals,
        fractions: looksLikeFractions(row, ind.unit), entered: !ind.compute && ind.frequency === "monthly", guesses: [], target: null, targetNote: null, benchmarks: null,
      });
      continue;
    }
    const unit = inferUnit(row);
    const polarity = inferPolarity(row);
    const kind = inferKind(row, unit.value);
    const guesses = [unit.guess && `unit ${unit.value} (${unit.guess})`, polarity.guess && `polarity ${polarity.value} (${polarity.guess})`, kind.guess && `kind ${kind.value} (${kind.guess})`].filter((g): g is string => !!g);
    const fractions = looksLikeFractions(row, unit.value);
    if (fractions) guesses.push("percentages written as fractions (0.85 for 85%) were multiplied by 100");
    if (row.refGuess) guesses.push(row.refGuess);
    const planned: PlannedIndicator = {
      row, ref, title: row.title || ref, existing: null, matchedBy: null, sectionId: section.id, unit: unit.value, polarity: polarity.value, kind: kind.value,
      decimals: workbookDecimals(row) ?? inferDecimals(row, unit.value), fractions, entered: true, guesses, target: null, targetNote: null, benchmarks: null,
    };
    const target = targetFor(row, planned, currentYear);
    planned.target = target.yaml;
    planned.targetNote = target.note;
    planned.benchmarks = benchmarkValues(row, planned);
    indicators.push(planned);
  }
  const missing = (existing?.indicators ?? []).filter((i) => !claimed.has(i.ref) && !i.compute && i.frequency === "monthly");

  // Figures.
  const figures = new Map<string, Map<Month, PlannedFigure>>();
  for (const ind of indicators) {
    if (!ind.entered) continue;
    const byMonth = new Map<Month, PlannedFigure>();
    for (const month of sheet.months) {
      const cell = ind.row.months.get(month);
      const f = cellFigure(cell, { ref: ind.ref, title: ind.title, unit: ind.unit, fractions: ind.fractions }, problems);
      byMonth.set(month, { ...f, cell: cell ?? null });
    }
    figures.set(ind.ref, byMonth);
    if (ind.unit === "percentage" && !ind.fractions) warnBareFractions(ind, byMonth, problems);
  }

  // Commentary of the sheet's commentary month, per section.
  const commentary = new Map<string, string>();
  if (sheet.commentaryMonth) {
    for (const section of sections) {
      const blocks: { refs: string[]; text: string }[] = [];
      for (const ind of indicators.filter((i) => i.sectionId === section.id)) {
        const text = plainText(ind.row.commentary).replace(/^-+/, "").trim();
        if (!text || isNoValueMarker(text)) continue;
        const last = blocks[blocks.length - 1];
        if (last && last.text === text) last.refs.push(ind.ref);
        else blocks.push({ refs: [ind.ref], text });
      }
      if (blocks.length) commentary.set(section.id, blocks.map((b) => `**${b.refs.join(", ")}**: ${b.text}`).join("\n\n") + "\n");
    }
  }

  // Year-end figures from the sheet's year columns (YR ON YR TREND 2015/16...).
  const outturns = new Map<string, Map<string, string>>();
  for (const ind of indicators) {
    if (!ind.entered) continue;
    for (const [year, text] of ind.row.outturns) {
      const t = plainText(text);
      if (!t || isNoValueMarker(t)) continue;
      const probe = cellFigure({ text: t, at: ind.row.at, address: ind.row.where }, { ref: ind.ref, title: ind.title, unit: ind.unit, fractions: ind.fractions }, { warning() {}, error() {} } as unknown as Problems);
      if (!probe.figure) continue;
      const y = outturns.get(year) ?? new Map<string, string>();
      y.set(ind.ref, probe.text);
      outturns.set(year, y);
    }
  }

  const guessedName = sheet.preamble.find((p) => /\b(council|borough|county|city|metropolitan|authority)\b/i.test(p) && p.length <= 80);
  const guessedTitle = sheet.preamble.find((p) => /\b(report|dataset|scorecard|performance|data set)\b/i.test(p) && p.length <= 100 && p !== guessedName);
  return {
    sheet,
    indicators,
    sections: sections.filter((s) => !s.isNew || indicators.some((i) => i.sectionId === s.id)),
    figures,
    commentary,
    outturns,
    missing,
    notes,
    yearStartMonth,
    name: options.name ?? existing?.authority.name ?? guessedName ?? "Imported authority",
    nameGuessed: !options.name && !existing,
    title: options.title ?? existing?.authority.report.title ?? guessedTitle?.replace(/\s*[-–:]\s*(as at .*|[A-Za-z]+ \d{4})$/i, "") ?? "Children's Social Care Monthly Dataset",
  };
}

/** The decimals a workbook's number formats show for the row (the most common). */
function workbookDecimals(row: SheetRow): number | null {
  const counts = new Map<number, number>();
  for (const c of row.months.values()) if (c.decimals !== undefined && c.text !== "") counts.set(c.decimals, (counts.get(c.decimals) ?? 0) + 1);
  if (counts.size === 0) return null;
  return Math.min(4, [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0]);
}

const num = (t: string | undefined) => {
  const m = /-?\d+(?:\.\d+)?/.exec((t ?? "").replace(/,/g, ""));
  return m ? Number(m[0]) : null;
};

/** A target from the sheet: a "Target" column, or Red / Amber / Green tolerance columns. */
function targetFor(row: SheetRow, ind: PlannedIndicator, currentYear: string): { yaml: string | null; note: string | null } {
  const scale = (v: number) => (ind.fractions && v <= 1 ? +(v * 100).toFixed(6) : v);
  const parts = row.targetParts;
  const green = parts.green && !isNoValueMarker(parts.green) ? parts.green : "";
  if (green) {
    const amberText = parts.amber ?? "";
    const around = /\+\/-\s*(\d+(?:\.\d+)?)\s*of\s*(\d+(?:\.\d+)?)/i.exec(green);
    if (around) {
      if (ind.polarity === "high" || ind.polarity === "low") return { yaml: null, note: `${ind.ref}: the target "${green}" (around a value) does not fit its polarity (${ind.polarity}) and was not imported.` };
      const amberMatch = /\+\/-\s*(\d+(?:\.\d+)?)/.exec(amberText);
      const amber = amberMatch && Number(amberMatch[1]) >= Number(around[1]) ? Number(amberMatch[1]) : Number(around[1]);
      return { yaml: `{ type: around, value: ${scale(Number(around[2]))}, green: ${scale(Number(around[1]))}, amber: ${scale(amber)} }`, note: null };
    }
    const band = /^(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)$/.exec(green.replace(/%/g, "").trim());
    if (band && ind.polarity === "range") {
      const amber = num(amberText);
      return { yaml: `{ type: band, green: [${scale(Number(band[1]))}, ${scale(Number(band[2]))}]${amber !== null ? `, amber: ${scale(amber)}` : ""} }`, note: null };
    }
    const g = num(green);
    if (g !== null && (ind.polarity === "high" || ind.polarity === "low")) {
      const a = num(amberText);
      const type = ind.polarity === "high" ? "at-least" : "below";
      const amberOk = a !== null && (type === "at-least" ? a <= g : a >= g);
      return { yaml: `{ type: ${type}, green: ${scale(g)}${amberOk ? `, amber: ${scale(a!)}` : ""} }`, note: null };
    }
    if (g !== null) return { yaml: null, note: `${ind.ref}: the target "${green}" was not imported: the sheet does not say whether high or low is good.` };
  }
  const usable = row.targets.filter((t) => sheetNumber(t.text) !== null);
  if (usable.length === 0) return { yaml: null, note: null };
  const chosen = usable.find((t) => t.year === currentYear) ?? usable.find((t) => t.year === null) ?? usable[usable.length - 1]!;
  const value = scale(sheetNumber(chosen.text)!);
  if (ind.polarity !== "high" && ind.polarity !== "low") {
    return { yaml: null, note: `${ind.ref}: the target ${chosen.text}${chosen.year ? ` (${chosen.year})` : ""} was not imported: the sheet does not say whether high or low is good.` };
  }
  if (ind.unit === "percentage" && (value < 0 || value > 100)) return { yaml: null, note: `${ind.ref}: the target ${chosen.text} is not a percentage and was not imported.` };
  const type = ind.polarity === "high" ? "at-least" : "below";
  return { yaml: `{ type: ${type}, green: ${value} }${chosen.year && chosen.year !== currentYear ? `    # the ${chosen.year} target` : ""}`, note: null };
}

function benchmarkValues(row: SheetRow, ind: PlannedIndicator): string | null {
  const parts: string[] = [];
  for (const [key, text] of Object.entries(row.benchmarks)) {
    const t = (text ?? "").trim();
    if (!/^-?[\d,]*\.?\d+%?$/.test(t)) continue;
    const n = sheetNumber(t);
    if (n === null || n < 0 || (ind.unit === "percentage" && !ind.fractions && n > 100)) continue;
    parts.push(`${key}: ${ind.fractions && n <= 1 ? +(n * 100).toFixed(6) : n}`);
  }
  return parts.length ? `{ ${parts.join(", ")} }` : null;
}

/**
 * A bare number of 1 or less among a percentage row's cells written with a %
 * sign, all far larger (`0.5` among `99.5%` and `100.0%`), is probably a
 * fraction (50%) typed or pasted without its format: it is read as written
 * (0.5%), with a warning naming the cell.
 */
function warnBareFractions(ind: PlannedIndicator, byMonth: Map<Month, PlannedFigure>, problems: Problems): void {
  const withSign = (c: SheetCell) => c.percent === true || /%\s*$/.test(plainText(c.text));
  const signed = [...byMonth.values()].filter((f) => f.figure && f.cell && withSign(f.cell)).map((f) => f.figure!.value);
  if (signed.length < 2) return;
  const smallest = Math.min(...signed);
  if (smallest <= 1) return;
  for (const f of byMonth.values()) {
    if (!f.figure || !f.cell || withSign(f.cell) || f.figure.numerator !== undefined) continue;
    const v = f.figure.value;
    if (v <= 0 || v > 1 || smallest < 10 * v) continue;
    const examples = [...new Set([...byMonth.values()].filter((g) => g.figure && g.cell && withSign(g.cell)).map((g) => plainText(g.cell!.text)))].slice(0, 3);
    problems.warning(
      f.cell.at,
      `${ind.ref} (${ind.title.length > 60 ? `${ind.title.slice(0, 57)}...` : ind.title}): the cell "${plainText(f.cell.text)}" has no % sign among figures written as percentages (${examples.join(", ")}), so it is probably a fraction (${+(v * 100).toFixed(6)}%); it was read as ${+v.toFixed(6)}%.`,
      `Check the figure in the sheet: write it as ${+(v * 100).toFixed(6)}% if it is a fraction.`,
    );
  }
}