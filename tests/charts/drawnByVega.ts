// A chart as Vega itself draws it: compiled and parsed on its own, with Vega's own expression generator, no
// template and no worker. The oracle the build's own drawing is compared with, byte for byte.
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { installTextMetrics } from "../../scripts/charts/vegaTextMetrics.ts";

export async function drawnByVega(spec: TopLevelSpec): Promise<string> {
  installTextMetrics();
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  await view.runAsync();
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
