// What an import did, in words: the list printed after an update (and by
// --dry-run), the same list in IMPORT-NOTES.md, and a reader of that list
// for `npm run summary`.
import type { Month } from "../model/types.ts";
import { longMonth, shortMonth } from "../metrics/months.ts";
import type { UpdateReport } from "./changes.ts";

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

/** The change, one line per item, Markdown list style. */
/** `dir` prefixes the paths named ("data/", or "" for the notes inside the directory). */
export function changeLines(r: UpdateReport, dir: string): string[] {
  const out: string[] = [];
  if (r.fresh) {
    out.push(`- New data directory: ${plural(r.newIndicators.length, "indicator")} in ${plural(r.newSections.length, "section")}, ${plural(r.newMonths.length, "month")}${r.newMonths.length ? ` (${shortMonth(r.newMonths[0]!)} to ${shortMonth(r.newMonths.at(-1)!)})` : ""}.`);
  } else {
    for (const m of r.newMonths) out.push(`- New month: ${longMonth(m)} (${dir}months/${m}.yaml)`);
    for (const m of r.addedMonths) out.push(`- Month added from the sheet's earlier columns: ${longMonth(m)} (${dir}months/${m}.yaml)`);
    for (const c of r.restatements) out.push(`- Restated: ${c.ref} ${shortMonth(c.month)}: ${c.old} -> ${c.new} (${c.title}; sheet ${c.where})`);
    for (const c of r.corrections) out.push(`- Changed in ${longMonth(c.month)}, the latest month: ${c.ref}: ${c.old} -> ${c.new} (${c.title}; sheet ${c.where})`);
    for (const i of r.newIndicators) out.push(`- New indicator: ${i.ref} (${i.title}) in ${i.section}, from ${i.where}; its settings are guessed (marked # guess)`);
    for (const s of r.newSections) out.push(`- New section: ${s.title} (${dir}indicators/${s.id}.yaml)`);
    for (const i of r.missing) out.push(`- Not in the sheet, left as it is: ${i.ref} (${i.title})`);
    for (const c of r.keptWhereSheetBlank) out.push(`- Kept: ${c.ref} ${shortMonth(c.month)} is ${c.old} in ${dir} but the sheet shows no figure (${c.where})`);
  }
  for (const c of r.commentary) {
    if (c.action === "written") out.push(`- Commentary added: ${c.section}, ${longMonth(c.month)}`);
    else if (c.action === "kept") out.push(`- Commentary kept: ${c.section}, ${longMonth(c.month)} was written in the repository and differs from the sheet's; the sheet's is beside it in ${dir}${c.beside}`);
  }
  for (const y of r.outturnYears) out.push(`- Year-end figures for ${y} (${dir}outturns/${y.replace("/", "-")}.yaml)`);
  return out;
}

/** The "## The update" section of IMPORT-NOTES.md, read back by `npm run summary`. */
export const UPDATE_HEADING = "## The update";

export interface RecordedUpdate {
  newMonths: Month[];
  newIndicators: string[];
  lines: string[];
}

/** Reads the update list from IMPORT-NOTES.md text (null if there is none). */
export function readRecordedUpdate(notes: string): RecordedUpdate | null {
  const start = notes.indexOf(`${UPDATE_HEADING}\n`);
  if (start < 0) return null;
  const body = notes.slice(start + UPDATE_HEADING.length + 1);
  const end = body.search(/^## /m);
  const lines = (end < 0 ? body : body.slice(0, end)).split("\n").filter((l) => l.startsWith("- "));
  return {
    newMonths: lines.map((l) => /\((?:.*\/)?months\/(\d{4}-\d{2})\.yaml\)$/.exec(l)).filter((m) => m && /^- New month/.test(m.input)).map((m) => m![1]!),
    newIndicators: lines.map((l) => /^- New indicator: (.+?) \(/.exec(l)?.[1]).filter((x): x is string => !!x),
    lines,
  };
}
