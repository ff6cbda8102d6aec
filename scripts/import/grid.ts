// One grid of cells for every kind of sheet (CSV, workbook, text exported
// from a PDF). Each cell knows its address as the user sees it, so every
// message the import gives points at the sheet, never at a file it made.
import type { Location, Month } from "../model/types.ts";

export interface Cell {
  /** The text as the sheet shows it ("30.5%", "1,234", "Oct-20"). */
  text: string;
  /** The value a workbook holds, in the units shown (30.512 for a cell holding 0.30512 formatted as %). */
  number?: number;
  /** Decimal places the workbook's number format shows. */
  decimals?: number;
  /** The workbook formats the cell as a percentage. */
  percent?: boolean;
  /** A date cell (or a number formatted as a date): its month. */
  month?: Month;
  /** Excel's error value (#REF!, #DIV/0!...). */
  error?: string;
  /** Part of a merged range other than its top-left cell (holds the merged value). */
  mergedCopy?: boolean;
}

export interface GridRow {
  /** The row as the user sees it: the line of a CSV or text file, the row number of a workbook. */
  row: number;
  /** Cells by column index (0-based); missing cells are empty. */
  cells: Cell[];
  hidden?: boolean;
}

export interface Grid {
  /** The file as the user named it. */
  file: string;
  kind: "csv" | "text" | "workbook";
  /** The workbook sheet read. */
  sheet?: string;
  rows: GridRow[];
  hiddenColumns: number[];
  /** What the reader did that the user should know (encoding converted, sheet chosen...). */
  notes: string[];
}

/** Excel's column letters for a 0-based column index. */
export function columnLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Where a cell is, as the user sees it: `sheet.xlsx:Dataset!F23`, or `file.csv` line 23 column 6. */
export function cellAt(grid: Pick<Grid, "file" | "kind" | "sheet">, row: number, col?: number): Location {
  if (grid.kind === "workbook") {
    const sheet = grid.sheet ? `${quoteSheet(grid.sheet)}!` : "";
    return { file: `${grid.file}:${sheet}${col === undefined ? `${row}:${row}` : `${columnLetters(col)}${row}`}` };
  }
  return col === undefined ? { file: grid.file, line: row } : { file: grid.file, line: row, column: col + 1 };
}

/** The same address as one string, for notes. */
export function addressText(grid: Pick<Grid, "file" | "kind" | "sheet">, row: number, col?: number): string {
  const at = cellAt(grid, row, col);
  return [at.file, at.line, at.column].filter((x) => x !== undefined).join(":");
}

/** A column as the user names it: `F` in a workbook, `column 6` elsewhere. */
export function columnName(grid: Pick<Grid, "kind">, col: number): string {
  return grid.kind === "workbook" ? `column ${columnLetters(col)}` : `column ${col + 1}`;
}

export function textOf(row: GridRow | undefined, col: number): string {
  if (!row || col < 0) return "";
  const c = row.cells[col];
  return c && !c.mergedCopy ? c.text.trim() : "";
}
