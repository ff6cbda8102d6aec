// startBrowser: a Chromium started ahead of need, then used or stopped. Puppeteer's launch, aborted at the wrong
// step, can stay pending for ever; a build that waited for it ended with exit code 13 and no message.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "puppeteer-core";
import { describe, expect, it, vi } from "vitest";
import { spawnBrowser, startBrowser } from "../../scripts/pdf/browser.ts";

const fakeBrowser = () => ({ close: vi.fn(async () => {}) }) as unknown as Browser & { close: ReturnType<typeof vi.fn> };

describe("startBrowser", () => {
  it("closes one never used at once, even when its launch never settles once aborted", async () => {
    let signal: AbortSignal | undefined;
    const start = startBrowser((s) => {
      signal = s;
      return new Promise<Browser>(() => {});
    });
    const closed = await Promise.race([start.close().then(() => "closed"), new Promise((r) => setTimeout(() => r("waited"), 1000))]);
    expect(closed).toBe("closed");
    expect(signal?.aborted).toBe(true);
    await expect(start.get()).rejects.toThrow(/stopped before it was used/);
  });

  it("closes the browser a launch gives after all, when aborted too late to stop it", async () => {
    const browser = fakeBrowser();
    let finish!: (b: Browser) => void;
    const start = startBrowser(() => new Promise<Browser>((r) => (finish = r)));
    await start.close();
    finish(browser);
    await vi.waitFor(() => expect(browser.close).toHaveBeenCalledTimes(1));
  });

  it("waits for a used browser to close, once however often it is asked", async () => {
    const browser = fakeBrowser();
    let signal: AbortSignal | undefined;
    const start = startBrowser(async (s) => ((signal = s), browser));
    expect(await start.get()).toBe(browser);
    await Promise.all([start.close(), start.close()]);
    await start.close();
    expect(browser.close).toHaveBeenCalledTimes(1);
    expect(signal?.aborted).toBe(false);
  });

  it("reports a failed start to the one who uses it, and closes without failing", async () => {
    const start = startBrowser(async () => {
      throw new Error("Chromium (/x) did not start");
    });
    await expect(start.get()).rejects.toThrow(/did not start/);
    await expect(start.close()).resolves.toBeUndefined();
  });
});

describe("spawnBrowser", () => {
  /** Chromium's profile folders in the temporary folder. */
  const profiles = () => new Set(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith("boardpack-chromium-")));
  /** Whether a process runs with `text` in its command line (read from /proc: no ps or pgrep on a bare machine). */
  const running = (text: string) =>
    fs.readdirSync("/proc").some((pid) => {
      if (!/^\d+$/.test(pid)) return false;
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(text);
      } catch {
        return false; // gone meanwhile
      }
    });

  it("resolves with Chromium already spawned (its start goes on while the build loads), and its profile folder goes once it is closed", async () => {
    const before = profiles();
    const start = await spawnBrowser();
    const made = [...profiles()].filter((p) => !before.has(p));
    expect(made).toHaveLength(1);
    const profile = path.join(os.tmpdir(), made[0]!);
    // Spawned before anything else ran on this thread, not once Puppeteer's own steps got a turn.
    expect(running(`--user-data-dir=${profile}`)).toBe(true);
    const browser = await start.get();
    const page = await browser.newPage();
    await page.setContent("<p>ready</p>");
    expect(await page.$eval("p", (p) => p.textContent)).toBe("ready");
    await start.close();
    expect(fs.existsSync(profile)).toBe(false);
    expect(running(`--user-data-dir=${profile}`)).toBe(false);
  }, 60_000);
});
