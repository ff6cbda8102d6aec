// Which Chromium prints: the headless shell where there is one, an executable named in the environment before either.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findChromium, findHeadlessShell, isHeadlessShell } from "../../scripts/setup/chromium.mjs";

const saved = { BOARDPACK_CHROMIUM: process.env.BOARDPACK_CHROMIUM, PUPPETEER_EXECUTABLE_PATH: process.env.PUPPETEER_EXECUTABLE_PATH };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe("finding Chromium", () => {
  it("takes BOARDPACK_CHROMIUM first, when it names a file that exists", () => {
    const exe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-find-")), "my-chrome");
    fs.writeFileSync(exe, "", { mode: 0o755 });
    process.env.BOARDPACK_CHROMIUM = exe;
    expect(findChromium()).toBe(exe);
    process.env.BOARDPACK_CHROMIUM = `${exe}-missing`;
    expect(findChromium()).not.toBe(`${exe}-missing`);
  });

  it("prefers the headless shell to the full browser", () => {
    delete process.env.BOARDPACK_CHROMIUM;
    delete process.env.PUPPETEER_EXECUTABLE_PATH;
    const shell = findHeadlessShell();
    // Setup installs the shell on Debian (CI); elsewhere the full browser is found.
    if (shell) expect(findChromium()).toBe(shell);
    else expect(isHeadlessShell(findChromium() ?? "")).toBe(false);
  });

  it("knows a headless shell by its name, whatever folder it is in", () => {
    expect(isHeadlessShell("/usr/lib/chromium/chromium-headless-shell")).toBe(true);
    expect(isHeadlessShell("/home/me/.cache/puppeteer/chrome-headless-shell/linux-131/chrome-headless-shell-linux64/chrome-headless-shell")).toBe(true);
    expect(isHeadlessShell("/opt/headless_shell")).toBe(true);
    expect(isHeadlessShell("/usr/bin/chromium")).toBe(false);
    expect(isHeadlessShell("/opt/headless-shell-tools/chrome")).toBe(false);
  });
});
