// One month cell of the sheet as the figure a month file holds: read as
// sheets write figures (workbook values, "1,234", "30%", arrows, units,
// decimal commas), checked as `npm run check` would check it, and where it
// cannot be used, read as no value with a warning naming the sheet's cell
// (a broken formula in a workbook is an error: the user can mend it).
import type { Problems } from "../model/problems.ts";
import type { Figure, Unit } from "../model/types.ts";
import { isNoValueMarker, parseCell } from "../load/cellValue.ts";
import { sheetNumber } from "./infer.ts";
import { plainText, type SheetCell } from "./interpret.ts";

export interface CellFigure {
  /** As written into the month file: "1234", "57.2%", "98 of 98" or "-". */
  text: string;
  figure: Figure | null;
  /** Decimal places the sheet shows (for comparing with figures already in a directory). */
  shown: number | null;
}

/** Excel error values: those that mean "no figure" and those that mean a broken formula. */
const NO_FIGURE_ERRORS = new Set(["#DIV/0!", "#N/A"]);
const ERROR_VALUE = /^#(REF!|VALUE!|NAME\?|NUM!|NULL!|DIV\/0!|N\/A|SPILL!|CALC!|GETTING_DATA)$/i;

const round = (n: number, d = 6) => Number(n.toFixed(d));

function decimalsOf(text: string): number {
  return (text.replace(/%$/, "").split(".")[1] ?? "").replace(/\D.*$/, "").length;
}

export interface FigureContext {
  ref: string;
  title: string;
  unit: Unit;
  /** Percentages written as fractions (0.85 for 85%). */
  fractions: boolean;
}

export function cellFigure(cell: SheetCell | undefined, ind: FigureContext, problems: Problems): CellFigure {
  const none: CellFigure = { text: "-", figure: null, shown: null };
  if (!cell) return none;
  const name = `${ind.ref} (${ind.title.length > 60 ? `${ind.title.slice(0, 57)}...` : ind.title})`;
  const raw = plainText(cell.text);
  const error = cell.error ?? (ERROR_VALUE.test(raw) ? raw.toUpperCase() : undefined);
  if (error) {
    if (NO_FIGURE_ERRORS.has(error)) {
      problems.warning(cell.at, `${name}: the cell holds ${error} (a formula with nothing to work on), so it was read as no value.`);
      return none;
    }
    problems.error(cell.at, `${name}: the cell holds Excel's error ${error}: its formula is broken, so the figure is not known.`, "Mend the formula in the sheet (or enter the figure), save it and import again.");
    return none;
  }
  if (cell.damaged) {
    problems.warning(cell.at, `${name}: the cell is damaged in the export (${cell.damaged}), so it was read as no value.`, "Enter the figure in the month file if you know it.");
    return none;
  }
  if (raw === "" || isNoValueMarker(raw)) return none;

  let text: string;
  let shown: number;
  if (cell.number !== undefined) {
    let v = cell.number;
    if (ind.unit === "percentage" && !cell.percent && ind.fractions) v *= 100;
    shown = cell.decimals ?? decimalsOf(raw);
    text = `${round(v)}${ind.unit === "percentage" ? "%" : ""}`;
  } else {
    const n = sheetNumber(raw);
    shown = decimalsOf(raw);
    text = raw;
    if (ind.fractions && n !== null) {
      text = `${round(n * 100)}%`;
      shown = Math.max(0, shown - 2);
    } else if (n !== null && !/^-?[\d,]+(\.\d+)?%?$/.test(raw)) text = `${n}${/%\s*$/.test(raw) ? "%" : ""}`; // arrows, units, decimal commas
  }
  const parsed = parseCell(text, ind.unit);
  if (parsed.kind === "invalid") {
    problems.warning(cell.at, `${name}: the cell "${raw}" is not a figure (${parsed.reason}), so it was read as no value.`, "Check the sheet; enter the figure in the month file if there is one.");
    return none;
  }
  if (parsed.kind === "none") return none;
  const f = parsed.figure;
  // The checks `npm run check` makes of every figure: better a gap with a warning than data that does not build.
  const bad =
    ind.unit === "count" && f.value < 0 ? "a count cannot be negative"
    : ind.unit === "count" && !Number.isInteger(f.value) ? "a count is a whole number"
    : ind.unit !== "count" && f.value < 0 ? `a ${ind.unit} cannot be negative`
    : f.numerator !== undefined && f.denominator !== undefined && f.numerator > f.denominator ? "its numerator is larger than its denominator"
    : ind.unit === "percentage" && f.value > 100 ? "a percentage cannot be over 100"
    : null;
  if (bad) {
    problems.warning(cell.at, `${name}: the cell "${raw}" cannot be used (${bad}), so it was read as no value.`, "Check the figure in the sheet.");
    return none;
  }
  return { text, figure: f, shown };
}

/** The same figure, to the sheet's precision: true where a directory's figure is the one the sheet shows. */
export function sameFigure(sheet: CellFigure, existing: Figure | null): boolean {
  if (!sheet.figure || !existing) return !sheet.figure && !existing;
  const a = sheet.figure.value;
  const b = existing.value;
  if (Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))) return true;
  const d = sheet.shown ?? 6;
  return Math.abs(a - b) <= 0.5 * 10 ** -d + 1e-9;
}
