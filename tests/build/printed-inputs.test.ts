// `npm run build` starts Chromium before loading the build unless the same inputs have had their packs made
// (printedInputs.ts): the inputs' hash must change with the data and the options, and not otherwise.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildInputs, packsMadeBefore, rememberPacksMade } from "../../scripts/build/printedInputs.ts";
import { copyFixture, editFile } from "../helpers/fixture.ts";
import { runCommand } from "../helpers/run.ts";
import { findChromium } from "../../scripts/setup/chromium.mjs";

const saved = { cache: process.env.BOARDPACK_CACHE_DIR, pdf: process.env.BOARDPACK_PDF_CACHE };
afterEach(() => {
  for (const [name, value] of [["BOARDPACK_CACHE_DIR", saved.cache], ["BOARDPACK_PDF_CACHE", saved.pdf]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("the inputs of a build whose packs were made", () => {
  it("hash the same for the same data and options, and differently for any change to either", () => {
    const dir = copyFixture();
    const options = { data: dir, month: "2020-12" };
    const first = buildInputs(dir, options)!;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(buildInputs(copyFixture(), options)).toBe(first); // the same files elsewhere
    expect(buildInputs(dir, { ...options, month: "2020-11" })).not.toBe(first);
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("  C1: 663", "  C1: 664"));
    expect(buildInputs(dir, options)).not.toBe(first);
    fs.writeFileSync(path.join(dir, "months", "notes.txt"), "a file of any kind in the data folder");
    expect(buildInputs(dir, options)).not.toBe(buildInputs(copyFixture(), options));
  });

  it("have no hash when the data folder cannot be read (the build then says why)", () => {
    expect(buildInputs("/nonexistent/data", {})).toBeNull();
  });

  it("are remembered in the cache folder, and not when the PDF cache is off", () => {
    process.env.BOARDPACK_CACHE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-printed-"));
    const inputs = buildInputs(copyFixture(), {})!;
    expect(packsMadeBefore(inputs)).toBe(false);
    rememberPacksMade(inputs);
    expect(packsMadeBefore(inputs)).toBe(true);
    expect(packsMadeBefore(buildInputs(copyFixture(), { month: "2020-11" })!)).toBe(false);
    process.env.BOARDPACK_PDF_CACHE = "off";
    expect(packsMadeBefore(inputs)).toBe(false);
  });
});

describe("npm run build", () => {
  it("starts Chromium before it loads the build unless the same inputs had their pack made; then it starts none", () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-early-cli-"));
    // A Chromium that notes each start before it runs.
    const starts = path.join(work, "starts.log");
    const chromium = path.join(work, "chromium");
    fs.writeFileSync(chromium, `#!/bin/sh\necho started >> '${starts}'\nexec '${findChromium()}' "$@"\n`, { mode: 0o755 });
    const env = { BOARDPACK_CHROMIUM: chromium, BOARDPACK_CACHE_DIR: path.join(work, "cache") };
    const data = copyFixture();
    const build = () => {
      const r = runCommand("build.ts", ["--data", data, "--out", path.join(work, "dist"), "--quiet"], undefined, env);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/Printed the 2020-12 board pack/);
      return fs.existsSync(starts) ? fs.readFileSync(starts, "utf8").split("\n").filter(Boolean).length : 0;
    };
    expect(build()).toBe(1);
    // The same inputs: the pack is copied from the cache, and no Chromium is started at all.
    expect(build()).toBe(1);
    editFile(data, "months/2020-12.yaml", (t) => t.replace("  C1: 663", "  C1: 664"));
    expect(build()).toBe(2);
    fs.rmSync(work, { recursive: true, force: true });
  }, 240_000);
});
