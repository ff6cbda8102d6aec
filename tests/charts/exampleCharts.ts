// Every chart the build draws for a data directory, as the site builds them:
// each section's charts of every month (one SPC chart per indicator named),
// and each indicator's history and SPC charts of the latest month; each in
// both variants (wide and narrow).
import type { TopLevelSpec } from "vega-lite";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { buildMonthModel } from "../../scripts/metrics/model.ts";
import { chartData, historyData, type ChartData } from "../../scripts/charts/chartData.ts";
import { vegaLiteSpec } from "../../scripts/charts/specs.ts";
import { spcSpec } from "../../scripts/charts/spcChart.ts";
import { VARIANTS, type Variant } from "../../scripts/charts/theme.ts";
import { analyseIndicator } from "../../scripts/spc/forIndicator.ts";
import type { SpcAnalysis } from "../../scripts/spc/analyse.ts";
import type { IndicatorResult } from "../../scripts/model/types.ts";

export interface ExampleChart {
  name: string;
  variant: Variant;
  spec: TopLevelSpec;
  /** What the chart draws: a chart's figures, or an indicator's SPC analysis. */
  data: ChartData | null;
  spc: { ind: IndicatorResult; analysis: SpcAnalysis } | null;
}

export function exampleCharts(dir = "data"): ExampleChart[] {
  const { data } = loadValidData(dir);
  const labels = data.authority.benchmarks.labels;
  const catalogue = new Map(data.indicators.map((i) => [i.ref, i]));
  const months = data.months.map((m) => m.month).sort();
  const out: ExampleChart[] = [];
  const add = (name: string, d: ChartData) => {
    for (const variant of VARIANTS) out.push({ name: `${name} (${variant})`, variant, spec: vegaLiteSpec(d, variant), data: d, spc: null });
  };
  const addSpc = (name: string, ind: IndicatorResult) => {
    const analysis = analyseIndicator(ind, catalogue.get(ind.ref)!, data.authority);
    if (!analysis) return;
    for (const variant of VARIANTS) out.push({ name: `${name} (${variant})`, variant, spec: spcSpec(ind, analysis, variant), data: null, spc: { ind, analysis } });
  };
  for (const month of months) {
    const model = buildMonthModel(data, month);
    const byRef = new Map(model.indicators.map((i) => [i.ref, i]));
    for (const s of model.sections) {
      for (const c of s.charts) {
        if (c.type === "spc") for (const ref of c.indicators) addSpc(`${month} ${s.id} SPC ${ref}`, byRef.get(ref)!);
        else add(`${month} ${s.id} ${c.type} "${c.title}"`, chartData(c, model, labels));
      }
    }
    if (month === months.at(-1)) {
      for (const ind of model.indicators) {
        if (ind.series.some((p) => p.value !== null)) add(`indicator ${ind.ref} history`, historyData(ind, ind.shortTitle, labels));
        addSpc(`indicator ${ind.ref} SPC`, ind);
      }
    }
  }
  return out;
}
