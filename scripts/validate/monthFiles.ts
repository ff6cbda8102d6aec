// The months that have a data file in months/, whether or not it could be read
// (a file with errors is reported by itself, not again as missing).
import fs from "node:fs";
import path from "node:path";
import type { DataSet, Month } from "../model/types.ts";
import { monthOfFileName } from "../load/monthFile.ts";

export function monthsWithFiles(data: DataSet): Set<Month> {
  const dir = path.join(data.dir, "months");
  const months = new Set<Month>(data.months.map((m) => m.month));
  if (fs.existsSync(dir)) {
    for (const f of fs.readdirSync(dir)) {
      const m = monthOfFileName(f);
      if (m) months.add(m);
    }
  }
  return months;
}
