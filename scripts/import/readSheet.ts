// Reads a council's sheet, whatever form it comes in, as a Sheet: a CSV (any
// separator and encoding), an Excel workbook (the sheet named, or the one
// that looks like the dataset), or text exported from a PDF.
import fs from "node:fs";
import path from "node:path";
import type { Problems } from "../model/problems.ts";
import { readCsvGrid } from "./readers/csvReader.ts";
import { readTextGrid } from "./readers/textReader.ts";
import { openWorkbook } from "./readers/workbookReader.ts";
import { datasetScore, interpretGrid, type InterpretOptions, type Sheet } from "./interpret.ts";
import type { Grid } from "./grid.ts";

export interface ReadOptions extends InterpretOptions {
  /** The workbook sheet to read (default: the one that looks like a dataset). */
  sheet?: string;
}

const WORKBOOK_EXT = /\.(xlsx|xlsm|xltx|xls|ods)$/i;

/** Reads `file` (shown to the user as `name`). */
export function readSheetFile(file: string, name: string, problems: Problems, options: ReadOptions = {}): Sheet | null {
  const bytes = fs.readFileSync(file);
  const grid = readGrid(bytes, name, problems, options);
  return grid ? interpretGrid(grid, problems, options) : null;
}

export function readGrid(bytes: Uint8Array, name: string, problems: Problems, options: ReadOptions = {}): Grid | null {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (WORKBOOK_EXT.test(name) || zip || ole) return workbookGrid(bytes, name, problems, options);
  if (/\.txt$/i.test(name)) return readTextGrid(bytes, name, problems);
  return readCsvGrid(bytes, name, problems);
}

function workbookGrid(bytes: Uint8Array, name: string, problems: Problems, options: ReadOptions): Grid | null {
  const wb = openWorkbook(bytes, name, problems);
  if (!wb) return null;
  if (options.sheet) {
    const chosen = wb.sheetNames.find((s) => s === options.sheet) ?? wb.sheetNames.find((s) => s.toLowerCase() === options.sheet!.toLowerCase());
    if (!chosen) {
      problems.error({ file: name }, `The workbook has no sheet called "${options.sheet}".`, `Use --sheet with one of: ${wb.sheetNames.map((s) => `"${s}"`).join(", ")}.`);
      return null;
    }
    return wb.grid(chosen);
  }
  const candidates = wb.sheetNames.filter((s) => !wb.hiddenSheets.has(s));
  const pool = candidates.length ? candidates : wb.sheetNames;
  const scored = pool.length === 1 ? [{ s: pool[0]!, score: 1 }] : pool.map((s) => ({ s, score: datasetScore(wb.grid(s)) }));
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a), scored[0]!);
  const grid = wb.grid(best.s);
  if (wb.sheetNames.length > 1) {
    const others = wb.sheetNames.filter((s) => s !== best.s);
    grid.notes.unshift(`Read the sheet "${best.s}" of ${path.basename(name)}, the one that looks like a dataset (the others: ${others.map((s) => `"${s}"`).join(", ")}; choose another with --sheet NAME).`);
  }
  return grid;
}
