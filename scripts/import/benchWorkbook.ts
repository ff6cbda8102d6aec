// A large workbook for `npm run bench`: 200 indicators x 120 months in the
// wide layout councils keep (dates across, percentages formatted as such),
// with deterministic figures, so the import's time can be measured.
import * as XLSX from "@e965/xlsx";
import { addMonths } from "../metrics/months.ts";

export function benchWorkbook(indicators = 200, months = 120): Buffer {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const first = addMonths("2021-01", -months);
  const monthList = Array.from({ length: months }, (_, k) => addMonths(first, k));
  const ws: XLSX.WorkSheet = {};
  const put = (r: number, c: number, cell: XLSX.CellObject) => (ws[XLSX.utils.encode_cell({ r, c })] = cell);
  put(0, 0, { t: "s", v: "Benchmark Borough Council" });
  put(1, 0, { t: "s", v: "Children's services monthly dataset" });
  ["Ref", "Area", "Indicator", "Good performance is", "Unit"].forEach((h, c) => put(3, c, { t: "s", v: h }));
  monthList.forEach((m, k) => {
    const [y, mo] = m.split("-").map(Number) as [number, number];
    put(3, 5 + k, { t: "n", v: Date.UTC(y, mo - 1, 1) / 86_400_000 + 25_569, z: "mmm-yy" });
  });
  const units = ["Count", "Percentage", "Rate per 10,000", "Average"] as const;
  for (let i = 0; i < indicators; i++) {
    const r = 4 + i;
    const unit = units[i % 4]!;
    put(r, 0, { t: "s", v: `B${i + 1}` });
    put(r, 1, { t: "s", v: `Area ${Math.floor(i / 20) + 1}` });
    put(r, 2, { t: "s", v: `${unit === "Percentage" ? "% of" : unit === "Count" ? "Number of" : unit === "Average" ? "Average number of" : "Rate of"} cases of kind ${i + 1}${unit === "Count" ? " in the month" : ""}` });
    put(r, 3, { t: "s", v: ["High", "Low", "Info"][i % 3]! });
    put(r, 4, { t: "s", v: unit });
    let level = 100 + random() * 900;
    monthList.forEach((_, k) => {
      level = Math.max(1, level * (0.9 + random() * 0.2));
      const c = 5 + k;
      if (unit === "Count") put(r, c, { t: "n", v: Math.round(level), z: "#,##0" });
      else if (unit === "Percentage") put(r, c, { t: "n", v: Math.round((20 + random() * 70) * 10) / 1000, z: "0.0%" });
      else put(r, c, { t: "n", v: Math.round(level * 10) / 10, z: "0.0" });
    });
  }
  ws["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: 3 + indicators, c: 4 + months } });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "Dataset");
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;
}
