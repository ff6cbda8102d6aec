// An Excel workbook (.xlsx, .xlsm, .xls) or OpenDocument sheet (.ods) as a
// grid, read with SheetJS: formula cells give their saved values, merged
// cells their merged value, dates (or numbers formatted as dates) their
// month, and cells formatted as percentages (0.305 shown as 30.5%) are
// read as percentages. Hidden rows and columns are read and reported.
import * as XLSX from "@e965/xlsx";
import type { Problems } from "../../model/problems.ts";
import type { Cell, Grid, GridRow } from "../grid.ts";
import { columnLetters } from "../grid.ts";

export interface Workbook {
  file: string;
  sheetNames: string[];
  hiddenSheets: Set<string>;
  grid(name: string): Grid;
}

export function openWorkbook(bytes: Uint8Array, file: string, problems: Problems): Workbook | null {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: "buffer", cellNF: true, cellStyles: true, cellFormula: false, cellDates: false, dense: true });
  } catch (e) {
    problems.error({ file }, `This is not a workbook that can be read (${(e as Error).message}).`, "Open it in Excel and save it again as an Excel workbook (.xlsx), or save the sheet as CSV.");
    return null;
  }
  if (wb.SheetNames.length === 0) {
    problems.error({ file }, "The workbook has no sheets.", "Save the workbook with the dataset's sheet in it.");
    return null;
  }
  const hiddenSheets = new Set((wb.Workbook?.Sheets ?? []).filter((s) => s.Hidden).map((s) => s.name ?? ""));
  const cache = new Map<string, Grid>();
  return {
    file,
    sheetNames: wb.SheetNames,
    hiddenSheets,
    grid(name) {
      let g = cache.get(name);
      if (!g) cache.set(name, (g = sheetGrid(wb.Sheets[name]!, file, name)));
      return g;
    },
  };
}

const PERCENT_FORMAT = /%(?=(?:[^"]*"[^"]*")*[^"]*$)/;

function formatDecimals(format: string): number | undefined {
  const section = format.split(";")[0]!.replace(/"[^"]*"/g, "");
  const m = /\.(0+|#+)/.exec(section);
  if (m) return m[1]!.length;
  return /[0#]/.test(section) ? 0 : undefined;
}

function toCell(c: XLSX.CellObject): Cell | null {
  switch (c.t) {
    case "z":
      return null;
    case "e":
      return { text: c.w ?? "#ERROR", error: c.w ?? "#ERROR" };
    case "b":
      return { text: c.v ? "TRUE" : "FALSE" };
    case "s":
      return { text: String(c.v ?? "") };
    case "d": {
      const d = c.v instanceof Date ? c.v : new Date(String(c.v));
      return { text: c.w ?? d.toISOString().slice(0, 7), month: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}` };
    }
    case "n": {
      const v = c.v as number;
      const format = typeof c.z === "string" ? c.z : "General";
      if (format !== "General" && XLSX.SSF.is_date(format)) {
        const p = XLSX.SSF.parse_date_code(v);
        const cell: Cell = { text: c.w ?? String(v) };
        if (p && p.y > 1900) cell.month = `${p.y}-${String(p.m).padStart(2, "0")}`;
        return cell;
      }
      const cell: Cell = { text: c.w ?? String(v), number: v };
      if (PERCENT_FORMAT.test(format)) {
        cell.percent = true;
        cell.number = v * 100;
      }
      const d = format === "General" ? undefined : formatDecimals(format);
      if (d !== undefined) cell.decimals = d;
      return cell;
    }
    default:
      return c.v === undefined ? null : { text: String(c.v) };
  }
}

function sheetGrid(ws: XLSX.WorkSheet, file: string, name: string): Grid {
  const data = (ws["!data"] ?? []) as (XLSX.CellObject | undefined)[][];
  const rowInfo = (ws["!rows"] ?? []) as ({ hidden?: boolean } | undefined)[];
  const colInfo = (ws["!cols"] ?? []) as ({ hidden?: boolean } | undefined)[];
  const rows: GridRow[] = [];
  const byIndex = new Map<number, GridRow>();
  const rowCount = Math.max(data.length, ws["!ref"] ? XLSX.utils.decode_range(ws["!ref"]).e.r + 1 : 0);
  for (let r = 0; r < rowCount; r++) {
    const cells: Cell[] = [];
    const src = data[r] ?? [];
    for (let c = 0; c < src.length; c++) {
      const cell = src[c] ? toCell(src[c]!) : null;
      cells[c] = cell ?? { text: "" };
    }
    const row: GridRow = { row: r + 1, cells };
    if (rowInfo[r]?.hidden) row.hidden = true;
    rows.push(row);
    byIndex.set(r, row);
  }
  for (const m of (ws["!merges"] ?? []) as XLSX.Range[]) {
    const anchor = byIndex.get(m.s.r)?.cells[m.s.c];
    if (!anchor || anchor.text === "") continue;
    for (let r = m.s.r; r <= m.e.r; r++) {
      const row = byIndex.get(r);
      if (!row) continue;
      for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) row.cells[c] = { ...anchor, mergedCopy: true };
    }
  }
  const hiddenColumns = colInfo.map((c, i) => (c?.hidden ? i : -1)).filter((i) => i >= 0);
  const notes: string[] = [];
  const hiddenRows = rows.filter((r) => r.hidden && r.cells.some((c) => c.text.trim() !== "")).map((r) => r.row);
  if (hiddenRows.length) notes.push(`Rows hidden in the workbook were read like the others: ${ranges(hiddenRows)} (delete them from the sheet if they should not be imported).`);
  if (hiddenColumns.length) notes.push(`Columns hidden in the workbook were read like the others: ${hiddenColumns.map(columnLetters).join(", ")}.`);
  return { file, kind: "workbook", sheet: name, rows, hiddenColumns, notes };
}

/** "3, 7-9, 12" */
export function ranges(ns: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < ns.length; ) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j]! + 1) j++;
    out.push(j > i ? `${ns[i]}-${ns[j]}` : String(ns[i]));
    i = j + 1;
  }
  return out.join(", ");
}
