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
import { buildSiteData } from "../site/siteData.ts";
import { renderSite } from "../site/eleventy.ts";
import { compileStyles } from "../site/styles.ts";
import { chartStats } from "../charts/chart.ts";
import { PhaseTimer } from "./timer.ts";

export interface BuildOptions {
  data: string;
  out: string;
  /** The month of the PDF board pack (default: the latest month with data). */
  month?: Month;
  /** URL path the site is served under, e.g. /boardpack/ for a project site (default /). */
  pathPrefix?: string;
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
    const siteDir = path.join(staging.dir, "site");
    await timer.time("write model", () => {
      const dataDir = path.join(siteDir, "data");
      fs.mkdirSync(dataDir, { recursive: true });
      for (const model of models) {
        fs.writeFileSync(path.join(dataDir, `${model.month}.json`), modelToJson(model));
        fs.writeFileSync(path.join(dataDir, `${model.month}.csv`), modelToCsv(model));
      }
    });
    const chartsBefore = chartStats.ms;
    const site = await timer.time("charts and views", () => buildSiteData(data, models));
    timer.phases.push({ name: "  of which charts", ms: chartStats.ms - chartsBefore });
    await timer.time("styles", () => {
      fs.mkdirSync(path.join(siteDir, "assets"), { recursive: true });
      fs.writeFileSync(path.join(siteDir, "assets", "boardpack.css"), compileStyles());
    });
    await timer.time("eleventy", () => renderSite(site, siteDir, options.pathPrefix ?? "/"));
    staging.commit();
  } catch (e) {
    staging.discard();
    throw e;
  }
  return { data, problems, models, reportMonth, outDir: path.resolve(options.out), timer };
}
