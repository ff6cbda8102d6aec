// Eleventy runs quiet: no line of its own in the build's output. Its
// "Benchmark" lines (a filter or transform over 8% of a run, timed by the
// clock) came through quiet mode, in short runs whenever a garbage collection
// or Chromium took the core; here every step looks slow, so each would print.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { copyFixture } from "../helpers/fixture.ts";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { buildMonthModel, reportMonths } from "../../scripts/metrics/model.ts";
import { buildSiteData } from "../../scripts/site/siteData.ts";
import { renderSite } from "../../scripts/site/eleventy.ts";

afterEach(() => vi.restoreAllMocks());

describe("Eleventy's runs", () => {
  it("print nothing, even when every filter and transform takes long by the clock", async () => {
    const { data } = loadValidData(copyFixture());
    const months = reportMonths(data).slice(-2);
    const site = await buildSiteData(data, months.map((m) => buildMonthModel(data, m)), { pdfMonths: [] });
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-quiet-"));
    const printed: string[] = [];
    for (const method of ["log", "warn", "error", "info"] as const) vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.join(" ")));
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => (printed.push(String(chunk)), true));
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (printed.push(String(chunk)), true));
    // Every reading of the clock 50 ms after the last: each filter call takes 50 ms.
    let now = 0;
    vi.spyOn(performance, "now").mockImplementation(() => (now += 50));
    const { written } = await renderSite(site, out);
    vi.restoreAllMocks();
    expect(written).toBeGreaterThan(10);
    expect(printed.filter((line) => line.includes("[11ty]"))).toEqual([]);
    fs.rmSync(out, { recursive: true, force: true });
  }, 120_000);
});
