// A generated 200-indicator x 120-month workbook imports, and its import
// takes under 5 s of processor time (the wall time `npm run bench` prints
// depends on what else the machine is doing).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { benchWorkbook } from "../../scripts/import/benchWorkbook.ts";
import { runImport } from "../../scripts/import/run.ts";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";

it("imports a 200 x 120 workbook in under 5 s of processor time", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-big-"));
  const sheet = path.join(dir, "big.xlsx");
  fs.writeFileSync(sheet, benchWorkbook(200, 120));
  const out: string[] = [];
  const start = process.cpuUsage();
  const status = runImport({ file: sheet, out: path.join(dir, "data"), options: {} }, { out: (s) => out.push(s), err: (s) => out.push(s) });
  const used = process.cpuUsage(start);
  expect(status, out.join("")).toBe(0);
  expect((used.user + used.system) / 1000).toBeLessThan(5000);
  const { data } = loadValidData(path.join(dir, "data"));
  expect(data.indicators).toHaveLength(200);
  expect(data.months).toHaveLength(120);
  expect(data.months[0]!.month).toBe("2011-01");
  fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);
