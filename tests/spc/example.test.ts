// SPC on the example: the model's spc object, the contacts chart around the
// new contact form, the summary icons, and the authority's settings.
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { buildMonthModel } from "../../scripts/metrics/model.ts";
import { benchmarkBand, benchmarkPosition } from "../../scripts/metrics/benchmark.ts";
import { analyse } from "../../scripts/spc/analyse.ts";
import type { MonthModel } from "../../scripts/model/types.ts";
import { copyFixture, editFile } from "../helpers/fixture.ts";
import { buildInto, cellText, readPage } from "../helpers/site.ts";

let model: MonthModel;
let site: string;
beforeAll(async () => {
  const { data } = loadValidData("data");
  model = buildMonthModel(data, "2020-12");
  ({ site } = await buildInto("data", { noPdf: true }));
}, 300_000);

describe("the model's spc object", () => {
  it("describes the latest segment with the interface's fields", () => {
    const json = JSON.parse(fs.readFileSync(`${site}/data/2020-12.json`, "utf8"));
    const ind = json.indicators.find((i: { ref: string }) => i.ref === "1.8");
    expect(Object.keys(ind.spc)).toEqual(expect.arrayContaining(["mean", "upl", "lpl", "screened", "baseline", "points", "variation", "assurance"]));
    expect(ind.spc.points).toHaveLength(12);
    expect(Object.keys(ind.spc.points[0])).toEqual(["month", "value", "special", "rule"]);
    expect(ind.spc.points.at(-1)).toMatchObject({ month: "2020-12", special: "improvement", rule: "outside limits" });
    expect(ind.spc.variation).toBe("improvement-low"); // 18.8%, below the lower limit, low is good
    expect(ind.spc.assurance).toBe("consistently-pass");
    expect(Array.isArray(ind.narrative)).toBe(true);
  });

  it("restarts the contacts measures at the new contact form (November 2020), with no limits from its two points", () => {
    const ind = model.indicators.find((i) => i.ref === "1.1")!;
    // Two months since the new form: too few points for limits, so no variation or assurance to report.
    expect(ind.spc).toBeNull();
    const a = analyse(ind.series, ind.polarity, ind.target, [{ month: "2020-11", reason: "New contact form implemented" }])!;
    expect(a.segments.map((s) => [s.start, s.end, s.reason])).toEqual([
      ["2020-01", "2020-10", null],
      ["2020-11", "2020-12", "New contact form implemented"],
    ]);
    expect(a.segments[0]!.limits!.mean).toBeCloseTo((1666 + 1161 + 1038 + 918 + 1067 + 1190 + 1465 + 1148 + 1534 + 1353) / 10, 9);
    expect(a.segments[1]!.limits).toBeNull();
  });

  it("has no SPC for indicators with too few points or reported by term", () => {
    expect(model.indicators.find((i) => i.ref === "1.1B")!.spc).toBeNull(); // three months
    expect(model.indicators.find((i) => i.ref === "6.13")!.spc).toBeNull(); // termly
  });
});

describe("the contacts section's SPC chart", () => {
  it("shows the rebase with its reason, the first segment's trial limits, and says the new form has too few points for limits", () => {
    const doc = readPage(site, "/2020-12/contacts/");
    const chart = doc.querySelectorAll("figure.bp-chart").find((f) => /statistical process control/i.test(f.querySelector("figcaption")!.text) && /harm/.test(f.text))!;
    for (const svg of chart.querySelectorAll("svg.bp-chart__svg")) {
      expect(svg.text).toContain("New contact form implemented (Nov-20)");
      expect(svg.text).toContain("Too few points for limits (2; 6 needed)");
    }
    expect(chart.querySelector("desc")!.text).toMatch(/The limits restart at November 2020 \(New contact form implemented\)\./);
    expect(chart.querySelector("desc")!.text).toMatch(/Latest segment: 2 points, too few for process limits \(at least 6\)\./);
    expect(chart.querySelector(".bp-chart-key")!.text).toMatch(/Trial process limits \(from fewer than 13 points\)/);
    expect(chart.querySelector(".bp-chart__note")!.text).toMatch(/Nov-20 to Dec-20 \(since new contact form implemented\): 2 points, too few for process limits/);
    const means = new Set(chart.querySelectorAll("tbody tr").map((r) => cellText(r.querySelectorAll("td")[1]!)));
    expect(means).toEqual(new Set(["1,254", ""])); // limits for the first segment only
  });
});

describe("icons in the summary", () => {
  it("show variation and assurance as SVG images with words", () => {
    const table = readPage(site, "/").querySelectorAll(".bp-summary table").find((t) => t.text.includes("1.8"))!;
    const head = table.querySelectorAll("thead th").map(cellText);
    const row = table.querySelectorAll("tbody tr").find((r) => cellText(r.querySelector("th, td")!) === "1.8")!;
    const cells = row.querySelectorAll("th, td");
    expect(cells[head.indexOf("Variation")]!.querySelector("svg")!.getAttribute("aria-label")).toBe("Special cause improvement (lower)");
    expect(cells[head.indexOf("Assurance")]!.querySelector("svg")!.getAttribute("aria-label")).toBe("Consistently passes the target");
    // The verdict names the figure it judges (December's, not the 2019/20 outturn beside it) and the benchmarks' year.
    const verdict = head.indexOf("Dec-20 against benchmarks (2019/20)");
    expect(cells[verdict]!.text).toBe("18.8%: better than SN (21.6%), better than England (22.6%)");
    const timeliness = readPage(site, "/").querySelectorAll(".bp-summary tbody tr").find((r) => cellText(r.querySelector("th, td")!) === "2.2")!;
    expect(cellText(timeliness.querySelectorAll("th, td")[verdict]!)).toBe("88.8%: better than SN (81.7%), better than England (83.1%)");
  });

  it("follow the display setting: RAG, SPC or both", async () => {
    const dir = copyFixture();
    editFile(dir, "authority.yaml", (t) => t + "display: { rag: no, spc: yes }\n");
    const { site: s } = await buildInto(dir, { noPdf: true });
    const head = readPage(s, "/").querySelector(".bp-summary thead")!.querySelectorAll("th").map(cellText);
    expect(head).toContain("Variation");
    expect(head).not.toContain("RAG");
  });
});

describe("settings", () => {
  it("an indicator can override the authority's screening", () => {
    const dir = copyFixture();
    editFile(dir, "indicators/caseloads.yaml", (t) => t.replace("    target: { type: band, green: [16, 22], amber: 1 }", "    target: { type: band, green: [16, 22], amber: 1 }\n    spc: { minimumPoints: 3, screenOutliers: no }"));
    const { data } = loadValidData(dir);
    const spc = buildMonthModel(data, "2020-12").indicators.find((i) => i.ref === "11.10")!.spc!;
    expect(spc.screened).toBe(false);
    expect(spc.mean).toBeCloseTo((20.4 + 19.6 + 19.9) / 3, 9);
  });

  it("reports a bad setting at its line", () => {
    const dir = copyFixture();
    editFile(dir, "authority.yaml", (t) => t + "spc: { trendLength: 9 }\n");
    expect(() => loadValidData(dir)).toThrow(/authority\.yaml:\d+: error: .*trendLength.*must be 5, 6 or 7/);
  });
});

describe("benchmark position", () => {
  it("is better, similar (within 5%) or worse, by polarity", () => {
    expect(benchmarkPosition(88.8, 81.7, "high", 0.05)).toBe("better");
    expect(benchmarkPosition(18.8, 19.5, "low", 0.05)).toBe("similar");
    expect(benchmarkPosition(443.5, 323.7, "low", 0.05)).toBe("worse");
  });

  it("places a figure in England's top quartile, or better or worse than its average", () => {
    expect(benchmarkBand(93.1, { england: 83.1, englandTopQuartile: 91.2 }, "high")).toBe("top-quartile");
    expect(benchmarkBand(88.8, { england: 83.1, englandTopQuartile: 91.2 }, "high")).toBe("better-than-average");
    expect(benchmarkBand(38.1, { england: 78.7, englandTopQuartile: 88.2 }, "high")).toBe("worse-than-average");
    expect(benchmarkBand(18.8, { england: 22.6, englandTopQuartile: 17.2 }, "low")).toBe("better-than-average");
    expect(benchmarkBand(50, { statNeighbour: 40 }, "high")).toBeNull();
  });
});
