// Vega-Lite specifications for the chart types the packs use:
// line (12 months, with target and benchmark lines), bar, annual trend bars,
// grouped bars (started vs completed...) and stacked outcome shares.
import type { TopLevelSpec } from "vega-lite";
import type { ChartData } from "./chartData.ts";
import { HEIGHT, REFERENCE_COLOURS, SERIES_COLOURS, WIDTH, vegaLiteConfig } from "./theme.ts";

const UNIT_TITLE = { count: "Number", percentage: "Per cent", rate: "Rate per 10,000", average: "Average" } as const;

interface Row {
  x: string;
  y: number | null;
  label: string;
  kind: "series" | "reference";
}

function rows(data: ChartData): Row[] {
  const out: Row[] = [];
  for (const s of data.series) data.categories.forEach((x, i) => out.push({ x, y: s.values[i] ?? null, label: s.label, kind: "series" }));
  for (const r of data.references) for (const x of data.categories) out.push({ x, y: r.value, label: r.label, kind: "reference" });
  return out;
}

function colourScale(data: ChartData) {
  return {
    domain: [...data.series.map((s) => s.label), ...data.references.map((r) => r.label)],
    range: [...data.series.map((_, i) => SERIES_COLOURS[i % SERIES_COLOURS.length]!), ...data.references.map((r) => REFERENCE_COLOURS[r.kind])],
  };
}

function yAxis(data: ChartData, zero: boolean) {
  const format = data.unit === "percentage" ? { labelExpr: "datum.label + '%'" } : {};
  return {
    field: "y",
    type: "quantitative" as const,
    title: UNIT_TITLE[data.unit],
    scale: { zero, nice: true },
    axis: { ...format, tickCount: 5, format: data.decimals > 0 && data.unit !== "percentage" ? ",.1~f" : ",~f" },
  };
}

const xAxis = (categories: string[]) => ({ field: "x", type: "ordinal" as const, sort: categories, title: null, axis: { labelAngle: 0 } });

function legendNeeded(data: ChartData): boolean {
  return data.series.length + data.references.length > 1;
}

export function vegaLiteSpec(data: ChartData): TopLevelSpec {
  const values = rows(data);
  const colour = {
    field: "label",
    type: "nominal" as const,
    scale: colourScale(data),
    title: null,
    legend: legendNeeded(data) ? { symbolType: data.type === "line" ? "stroke" : "square" } : null,
  };
  const base = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: WIDTH,
    height: HEIGHT,
    data: { values },
    config: vegaLiteConfig,
  };
  const references = {
    transform: [{ filter: "datum.kind === 'reference'" }],
    mark: { type: "line" as const, strokeDash: [6, 4], strokeWidth: 1.5 },
    encoding: { x: xAxis(data.categories), y: yAxis(data, false), color: colour },
  };
  const onlySeries = [{ filter: "datum.kind === 'series' && isValid(datum.y)" }];

  switch (data.type) {
    case "line":
      return {
        ...base,
        layer: [
          {
            transform: [{ filter: "datum.kind === 'series'" }],
            mark: { type: "line", point: true },
            encoding: { x: xAxis(data.categories), y: yAxis(data, data.unit === "count"), color: colour },
          },
          ...(data.references.length ? [references] : []),
        ],
      } as TopLevelSpec;
    case "bar":
      return {
        ...base,
        layer: [
          { transform: onlySeries, mark: { type: "bar" }, encoding: { x: xAxis(data.categories), y: yAxis(data, true), color: colour } },
          ...(data.references.length ? [references] : []),
        ],
      } as TopLevelSpec;
    case "annual":
    case "grouped":
    case "stacked": {
      // Bars side by side (annual trend, started vs completed) or stacked (outcome shares).
      const stacked = data.type === "stacked";
      const side = !stacked && data.series.length > 1 ? { xOffset: { field: "label", type: "nominal", sort: data.series.map((s) => s.label) } } : {};
      return {
        ...base,
        transform: onlySeries,
        mark: { type: "bar" },
        encoding: { x: xAxis(data.categories), y: stacked ? { ...yAxis(data, true), stack: "zero" } : yAxis(data, true), color: colour, ...side },
      } as TopLevelSpec;
    }
    case "spc":
      throw new Error("SPC charts are drawn by spcChart.ts");
  }
}
