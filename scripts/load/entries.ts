// Reads the figures of a month, outturn or term block: `ref: figure` lines.
import type { Problems } from "../model/problems.ts";
import type { Entry, Indicator, Month } from "../model/types.ts";
import { parseCell } from "./cellValue.ts";
import type { YMap, YNode } from "./yamlTree.ts";

/** Known references; a reference mapped to undefined is known but its catalogue entry is broken (already reported). */
export type IndicatorLookup = ReadonlyMap<string, Indicator | undefined>;

/** Suggests the closest known reference, for "unknown reference" messages. */
export function closestRef(ref: string, indicators: IndicatorLookup): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  for (const candidate of indicators.keys()) {
    const d = editDistance(ref.toLowerCase(), candidate.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = candidate;
    }
  }
  return bestScore <= Math.max(1, Math.floor(ref.length / 3)) ? best : null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Reports an unknown reference with a suggestion. */
export function unknownRef(ref: string, at: { file: string; line?: number }, indicators: IndicatorLookup, problems: Problems): void {
  const near = closestRef(ref, indicators);
  problems.error(
    at,
    `"${ref}" is not an indicator in the catalogue (data/indicators/).`,
    near ? `Did you mean "${near}"? Otherwise add "${ref}" to a section file first.` : `Check the reference, or add "${ref}" to a section file in data/indicators/ first.`,
  );
}

/** Reads one figure given as text for indicator `ref` in `month`. */
export function readFigure(
  ref: string,
  text: string,
  month: Month,
  at: { file: string; line?: number; column?: number },
  indicators: IndicatorLookup,
  problems: Problems,
): Entry | null {
  const indicator = indicators.get(ref);
  if (!indicator) {
    if (!indicators.has(ref)) unknownRef(ref, at, indicators, problems);
    return null;
  }
  const cell = parseCell(text, indicator.unit);
  if (cell.kind === "invalid") {
    problems.error(at, `${ref} (${indicator.title}): ${cell.reason}.`, cell.fix);
    return null;
  }
  if (cell.kind === "none") return { ref, month, figure: null, ...(cell.note ? { note: cell.note } : {}), source: at };
  return { ref, month, figure: cell.figure, source: at };
}

/** A note in place of a figure, written as `ref:` then an indented `note: words`. */
function readNote(ref: string, node: YMap, month: Month, at: { file: string; line?: number }, indicators: IndicatorLookup, problems: Problems): Entry | null {
  const indicator = indicators.get(ref);
  if (!indicator) {
    if (!indicators.has(ref)) unknownRef(ref, at, indicators, problems);
    return null;
  }
  let note: string | null = null;
  for (const { key, value } of node.entries) {
    const line = { file: at.file, line: key.line };
    if (key.text !== "note") {
      problems.error(line, `${ref}: "${key.text}" is not understood here; a figure's place can hold only a note.`, 'Write the figure on the line of its reference (`6.15: 5.9%`), or a note in its place: `6.15:` then an indented `note: words to print`.');
    } else if (value.kind !== "scalar" || value.text.trim() === "") {
      problems.error(line, `${ref}: the note is empty.`, "Write the words to print in place of the figure after `note:`, or remove the note.");
    } else note = value.text.trim();
  }
  return note === null ? null : { ref, month, figure: null, note, source: at };
}

/** Reads a `ref: figure` mapping. */
export function readEntries(
  node: YNode,
  month: Month,
  file: string,
  indicators: IndicatorLookup,
  problems: Problems,
): Entry[] {
  if (node.kind !== "map") {
    if (node.kind === "scalar" && node.text.trim() === "") return [];
    problems.error({ file, line: node.line }, "Expected lines of the form `ref: figure` here.", "Indent each figure under this heading as `1.1: 663`.");
    return [];
  }
  const out: Entry[] = [];
  for (const { key, value } of (node as YMap).entries) {
    const at = { file, line: key.line };
    // A block under a reference holds a note in place of its figure (`note: words`); any other block is a mistake.
    if (value.kind === "map" && value.entries.some((e) => e.key.text === "note")) {
      const entry = readNote(key.text, value, month, at, indicators, problems);
      if (entry) out.push(entry);
      continue;
    }
    if (value.kind !== "scalar") {
      problems.error(at, `The figure for "${key.text}" should be a single value.`, 'Write it on the same line, e.g. `5.13: 98 of 98` or `1.1: 663`.');
      continue;
    }
    const entry = readFigure(key.text, value.text, month, at, indicators, problems);
    if (entry) out.push(entry);
  }
  return out;
}
