// `npm run build` starts Chromium before it loads the build (BuildOptions.browser): the build must stop it
// however it ends, or the command would never exit.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runBuild } from "../../scripts/build/pipeline.ts";
import { DataError } from "../../scripts/model/problems.ts";
import { startBrowser } from "../../scripts/pdf/browser.ts";
import { copyFixture, editFile } from "../helpers/fixture.ts";

/** This process's Chromium children still running (a killed one may linger as a zombie until reaped). */
function runningChromium(): string[] {
  const ps = execFileSync("ps", ["-o", "stat=,comm=", "--ppid", String(process.pid)], { encoding: "utf8" }).split("\n");
  return ps.filter((l) => /chrom/i.test(l) && !/^\s*Z/.test(l));
}

describe("a Chromium started before the build", () => {
  it("is stopped when the data has errors (nothing built, nothing printed)", async () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("  C1: 663", "  C1: lots"));
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-early-")), "dist");
    const early = startBrowser();
    const started = performance.now();
    await expect(runBuild({ data: dir, out, browser: early })).rejects.toBeInstanceOf(DataError);
    // Never asked for, it is killed, not waited for: the build ends as soon as the data is read.
    const ended = performance.now() - started;
    // Its start was cut short, or it had started and was killed; it is not waited for (an aborted launch may never settle).
    await expect(early.get()).rejects.toThrow(/stopped before it was used/);
    await vi.waitFor(() => expect(runningChromium()).toEqual([]), { timeout: 5000 });
    expect(fs.existsSync(out)).toBe(false);
    expect(ended).toBeLessThan(10_000);
  });

  it("is stopped by a site-only build, which prints nothing", async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-early-")), "dist");
    const early = startBrowser();
    const result = await runBuild({ data: copyFixture(), out, noPdf: true, browser: early });
    expect(result.pdf).toBeNull();
    await vi.waitFor(() => expect(runningChromium()).toEqual([]), { timeout: 5000 });
  });
});
