// npm run generate-archive -- --out DIR [--months 120] [--indicators 200] [--end YYYY-MM] [--seed N]
// Writes a synthetic council's data directory with years of history (see scripts/synthetic/archive.ts).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { isMonth } from "../metrics/months.ts";
import { writeSyntheticArchive } from "../synthetic/archive.ts";
import { runCli } from "./report.ts";

await runCli(async () => {
  const { values } = parseArgs({
    options: { out: { type: "string" }, months: { type: "string", default: "120" }, indicators: { type: "string", default: "200" }, end: { type: "string", default: "2020-12" }, seed: { type: "string", default: "20201231" } },
  });
  if (!values.out) throw new Error("Usage: npm run generate-archive -- --out DIR [--months 120] [--indicators 200] [--end YYYY-MM]");
  if (!isMonth(values.end!)) throw new Error(`--end must be written YYYY-MM (got "${values.end}").`);
  const months = Number(values.months);
  const indicators = Number(values.indicators);
  if (!Number.isInteger(months) || months < 1 || !Number.isInteger(indicators) || indicators < 1) throw new Error("--months and --indicators must be whole numbers of 1 or more.");
  if (fs.existsSync(values.out) && fs.readdirSync(values.out).length) throw new Error(`${values.out} already exists and is not empty; choose another --out.`);
  const r = writeSyntheticArchive(values.out, { months, indicators, end: values.end!, seed: Number(values.seed) });
  process.stdout.write(`Wrote ${r.indicators} indicators x ${r.months.length} months (${r.months[0]} to ${r.months.at(-1)}) into ${path.relative(process.cwd(), values.out) || values.out}/\n`);
  return 0;
});
