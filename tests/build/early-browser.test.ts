// `npm run build` starts Chromium before it loads the build (BuildOptions.browser): the build must stop it
// however it ends, or the command would never exit.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runBuild } from "../../scripts/build/pipeline.ts";
import { DataError } from "../../scripts/model/problems.ts";
import { startBrowser } from "../../scripts/pdf/browser.ts";
import { copyFixture, editFile } from "../helpers/fixture.ts";

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
    const browser = await early.get().catch(() => null); // its start was cut short, or it had started and was killed
    if (browser) {
      expect(browser.connected).toBe(false);
      expect(browser.process()?.exitCode ?? browser.process()?.signalCode).not.toBeNull();
    }
    expect(fs.existsSync(out)).toBe(false);
    expect(ended).toBeLessThan(10_000);
  });

  it("is stopped by a site-only build, which prints nothing", async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-early-")), "dist");
    const early = startBrowser();
    const result = await runBuild({ data: copyFixture(), out, noPdf: true, browser: early });
    expect(result.pdf).toBeNull();
    const browser = await early.get().catch(() => null);
    if (browser) expect(browser.connected).toBe(false);
  });
});
