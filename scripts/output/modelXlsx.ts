// A month's figures as an Excel workbook, in the wide layout `npm run import`
// reads (indicators down, months across, percentages as numbers formatted as
// percentages), so staff can take the figures back into a spreadsheet and a
// sheet kept this way imports into the directory it came from unchanged.
import * as XLSX from "@e965/xlsx";
import type { MonthModel, Polarity, Unit } from "../model/types.ts";
import { longMonth } from "../metrics/months.ts";
import { formatTarget } from "../format/target.ts";
import { withheldAs, withheldKey } from "../format/withheld.ts";

const POLARITY: Record<Polarity, string> = { high: "High", low: "Low", info: "Info", range: "Within limits" };
const UNIT: Record<Unit, string> = { count: "Count", percentage: "Percentage", rate: "Rate per 10,000", average: "Average" };

/** Excel's date serial for the first day of a month. */
function serial(month: string): number {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return Date.UTC(y, m - 1, 1) / 86_400_000 + 25_569;
}

function numberFormat(unit: Unit, decimals: number): string {
  const d = decimals > 0 ? `.${"0".repeat(decimals)}` : "";
  return unit === "percentage" ? `0${d}%` : unit === "count" ? "#,##0" : `#,##0${d}`;
}

type CellValue = XLSX.CellObject | null;

/**
 * Excel's built-in number formats (ids below 164; a workbook's own formats
 * take ids from 164). SheetJS starts a workbook without a format table of its
 * own from its process-wide one, which keeps the formats of every workbook
 * read or written before: a workbook's bytes then depended on what the process
 * had done earlier (a month written after others differed from the same month
 * written alone). Each workbook starts from these instead.
 */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = Object.freeze(Object.fromEntries(Object.entries(XLSX.SSF.get_table() as Record<number, string>).filter(([id]) => Number(id) < 164)));

export function modelToXlsx(model: MonthModel, authorityName: string): Buffer {
  const months = [...new Set(model.indicators.flatMap((i) => i.series.map((p) => p.month)))].sort();
  const hasOwner = model.indicators.some((i) => i.owner);
  const text = (v: string): XLSX.CellObject => ({ t: "s", v });
  const num = (v: number | null | undefined, unit: Unit, decimals: number): CellValue =>
    v === null || v === undefined || !Number.isFinite(v) ? null : { t: "n", v: unit === "percentage" ? v / 100 : v, z: numberFormat(unit, decimals) };
  const header: CellValue[] = [
    text("Ref"), text("Area"), text("Indicator"), ...(hasOwner ? [text("Owner"), text("Reporter")] : []), text("Good performance is"), text("Unit"),
    ...months.map((m): XLSX.CellObject => ({ t: "n", v: serial(m), z: "mmm-yy" })),
    text("% change from previous month"), text("12 month average"), text("12 month maximum"), text("YTD"), text("Target"),
  ];
  const sectionTitle = new Map(model.sections.map((s) => [s.id, s.title]));
  const rows: CellValue[][] = [
    [text(`${authorityName}: ${model.authority.report.title}`)],
    [text(`Figures as at month end: ${longMonth(model.month)}`)],
    model.publicEdition
      ? [text(withheldKey(model.publicEdition.symbol, model.publicEdition.threshold, model.publicEdition.suppressZero, model.publicEdition.rounding).replace(/^([^:]*): /, "Public edition: $1 = "))]
      : [],
    header,
  ];
  for (const section of model.sections) {
    for (const ref of section.indicators) {
      const i = model.indicators.find((x) => x.ref === ref);
      if (!i) continue;
      const byMonth = new Map(i.series.map((p) => [p.month, p]));
      // Public edition: a withheld figure is written as its symbol.
      const figure = (v: number | null | undefined, symbol: string | null | undefined) => (symbol ? text(symbol) : num(v, i.unit, i.decimals));
      rows.push([
        text(i.ref), text(sectionTitle.get(i.section) ?? i.section), text(i.title),
        ...(hasOwner ? [i.owner ? text(i.owner) : null, i.reporter ? text(i.reporter) : null] : []),
        text(POLARITY[i.polarity]), text(UNIT[i.unit]),
        ...months.map((m) => figure(byMonth.get(m)?.value, byMonth.get(m)?.withheld)),
        withheldAs(i, "changeFromPrevious") ? text(withheldAs(i, "changeFromPrevious")!) : i.changeFromPrevious === null ? null : { t: "n", v: i.changeFromPrevious, z: "0%" },
        figure(i.average12, withheldAs(i, "average12")), figure(i.max12, withheldAs(i, "max12")), figure(i.ytd, withheldAs(i, "ytd")),
        i.target ? text(formatTarget(i.target, i.unit, i.decimals)) : null,
      ]);
    }
  }
  // A dense sheet (rows of cells, SheetJS's `!data`), not one key per cell ("B7") on one object: a ten-year
  // archive's workbook has 24,000 cells, and keying them was a third of making it. An empty cell is left undefined.
  const ws: XLSX.WorkSheet = { "!data": rows.map((row) => row.map((cell) => cell ?? undefined)) as XLSX.CellObject[][] };
  const width = Math.max(...rows.map((row) => row.length));
  ws["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: width - 1 } });
  ws["!merges"] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: Math.min(width - 1, 8) } }];
  ws["!cols"] = [{ wch: 8 }, { wch: 22 }, { wch: 60 }, ...(hasOwner ? [{ wch: 16 }, { wch: 16 }] : []), { wch: 12 }, { wch: 14 }, ...months.map(() => ({ wch: 9 })), { wch: 14 }, { wch: 12 }, { wch: 12 }, { wch: 10 }, { wch: 20 }];
  // SheetJS reads a workbook's own format table from `SSF` (not in its types).
  const wb: XLSX.WorkBook & { SSF?: Record<number, string> } = XLSX.utils.book_new();
  wb.SSF = { ...BUILT_IN_FORMATS };
  XLSX.utils.book_append_sheet(wb, ws, "Figures");
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;
}
