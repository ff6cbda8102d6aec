// The build: load -> validate -> compute -> render -> print, in that order.
import fs from "node:fs";
import path from "node:path";
import type { Problems } from "../model/problems.ts";
import type { DataSet, Month, MonthModel } from "../model/types.ts";
import { buildMonthModel, reportMonths } from "../metrics/model.ts";
import { modelToCsv } from "../output/modelCsv.ts";
import { modelToJson } from "../output/modelJson.ts";
import { loadValidData } from "./loadAndValidate.ts";
import { stageOutput } from "./outputDir.ts";
import { PhaseTimer } from "./timer.ts";

export interface BuildOptions {
  data: string;
  out: string;
  /** The month of the PDF board pack (default: the latest month with data). */
  month?: Month;
}

export interface BuildResult {
  data: DataSet;
  problems: Problems;
  models: MonthModel[];
  reportMonth: Month;
  outDir: string;
  timer: PhaseTimer;
}

export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const timer = new PhaseTimer();
  const { data, problems } = await timer.time("load and validate", () => loadValidData(options.data));
  const months = reportMonths(data);
  if (months.length === 0) throw new Error(`There are no month files in ${path.join(options.data, "months")}; add one (npm run new-month -- YYYY-MM).`);
  const reportMonth = options.month ?? months[months.length - 1]!;
  if (!months.includes(reportMonth)) {
    throw new Error(`There is no data for ${reportMonth}: the months with data are ${months[0]} to ${months[months.length - 1]}.`);
  }
  const models = await timer.time("compute", () => months.map((m) => buildMonthModel(data, m)));

  const staging = stageOutput(options.out);
  try {
    await timer.time("write model", () => {
      const dataDir = path.join(staging.dir, "site", "data");
      fs.mkdirSync(dataDir, { recursive: true });
      for (const model of models) {
        fs.writeFileSync(path.join(dataDir, `${model.month}.json`), modelToJson(model));
        fs.writeFileSync(path.join(dataDir, `${model.month}.csv`), modelToCsv(model));
      }
    });
    staging.commit();
  } catch (e) {
    staging.discard();
    throw e;
  }
  return { data, problems, models, reportMonth, outDir: path.resolve(options.out), timer };
}
