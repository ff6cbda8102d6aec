// The chart checks (chartChecks.ts) on every chart of the example, compiled
// and laid out as the build does, in both variants, with Vega-Lite's and
// Vega's loggers captured. Split in parts so test files run side by side.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeProblems, contrastProblems, domainProblems, gapProblems, labelProblems, latestLabelProblems, layOut, missing, referenceProblems, seriesColourProblems, shareStackProblems, textProblems, warningProblems, type Laid } from "./chartChecks.ts";
import { exampleCharts } from "./exampleCharts.ts";

export function exampleChartSuite(part: number, parts: number): void {
  let laid: Laid[] = [];
  beforeAll(async () => {
    // Both variants of a chart come together, so split by pairs.
    const charts = exampleCharts("data").filter((_, i) => Math.floor(i / 2) % parts === part);
    for (const chart of charts) laid.push(await layOut(chart));
  }, 300_000);
  afterAll(() => {
    for (const l of laid) l.view.finalize();
    laid = [];
  });

  describe(`the example's charts (part ${part + 1} of ${parts})`, () => {
    it("cover every chart type the catalogue uses, in both variants", () => {
      const kinds = new Set(laid.map((l) => `${l.chart.spc ? "spc" : l.chart.data!.type} ${l.chart.variant}`));
      for (const type of ["annual", "bar", "grouped", "line", "spc", "stacked", "termly"]) for (const v of ["wide", "narrow"]) expect(kinds).toContain(`${type} ${v}`);
      expect(laid.length).toBeGreaterThan(500);
    });

    it("compile and run with no Vega-Lite or Vega warning", () => {
      expect(laid.flatMap(warningProblems)).toEqual([]);
    });

    it("have a y domain that holds every value, target, benchmark and limit drawn", () => {
      expect(laid.flatMap(domainProblems)).toEqual([]);
    });

    it("keep every target, benchmark and limit line clear of the axis frame, and never draw one over another", () => {
      expect(laid.flatMap(referenceProblems)).toEqual([]);
    });

    it("leave a gap where there is no figure: no point, bar or line vertex for it", () => {
      expect(laid.flatMap(gapProblems)).toEqual([]);
      // The example has gaps (10.5 in spring 2020, a summer term, an annual "tbc"): the check is exercised.
      expect(laid.some((l) => [...missing(l.chart).values()].some((s) => s.size > 0))).toBe(true);
    });

    it("break a line at a process change and mark the change with a rule", () => {
      expect(laid.flatMap(changeProblems)).toEqual([]);
      // The example's contacts change form in Nov-20: the check is exercised.
      expect(laid.some((l) => l.chart.data?.series.some((s) => s.breaks?.length))).toBe(true);
    });

    it("set all text at 12 px or more, uncut, inside the SVG", () => {
      expect(laid.flatMap(textProblems)).toEqual([]);
    });

    it("keep labels in the plot clear of points, lines and each other", () => {
      expect(laid.flatMap(labelProblems)).toEqual([]);
    });

    it("draw every line, point, bar and text at 3:1 contrast or more on white", () => {
      expect(laid.flatMap(contrastProblems)).toEqual([]);
    });

    it("top a stack of percentage shares out at 100%, clamping a total a rounding over", () => {
      expect(laid.flatMap(shareStackProblems)).toEqual([]);
      // The example's assessment outcomes add to 100.4% in Aug-20: the check is exercised.
      expect(laid.some((l) => l.chart.data?.type === "stacked" && l.chart.data.unit === "percentage")).toBe(true);
    });

    it("draw every series in its own colour, none near-black", () => {
      expect(laid.flatMap(seriesColourProblems)).toEqual([]);
    });

    it("label the latest period on the x axis", () => {
      expect(laid.flatMap(latestLabelProblems)).toEqual([]);
    });
  });
}
