import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, editFile } from "../helpers/fixture.ts";
import { runCommand } from "../helpers/run.ts";

describe("npm run check", () => {
  it("passes good data with a summary line", () => {
    const r = runCommand("check.ts", ["--data", copyFixture()]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/8 indicators in 2 sections, 3 months \(2020-10 to 2020-12\); 0 errors, 0 warnings/);
  });

  it("lists every problem as file:line: error: message Fix: ..., exits 1, and shows no stack trace", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("  C1: 663", "  C1: lots").replace("  R1: 276", "  R1: -1"));
    const r = runCommand("check.ts", ["--data", dir]);
    expect(r.status).toBe(1);
    const lines = r.stderr.split("\n").filter((l) => /: error: /.test(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/months\/2020-12\.yaml:4: error: C1 \(Number of contacts\): "lots" is not a number\. Fix: /);
    expect(lines[1]).toMatch(/months\/2020-12\.yaml:6: error: .*-1.* Fix: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toMatch(/2 errors, 0 warnings/);
  });

  it("says so plainly when the data directory does not exist", () => {
    const r = runCommand("check.ts", ["--data", "/nonexistent/data"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/does not exist/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("npm run build -- --data DIR --out DIR", () => {
  it("says so plainly when Chromium does not start, and leaves no output (the pack prints while the site is made)", () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-nochrome-"));
    const chromium = path.join(work, "chromium");
    fs.writeFileSync(chromium, "#!/bin/sh\necho 'cannot open display' >&2\nexit 1\n", { mode: 0o755 });
    const out = path.join(work, "dist");
    const r = runCommand("build.ts", ["--data", copyFixture(), "--out", out], undefined, { BOARDPACK_CHROMIUM: chromium, BOARDPACK_PDF_CACHE: "off" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Chromium (${chromium}) did not start, so the PDF cannot be printed`);
    expect(r.stderr).toContain("cannot open display");
    expect(r.stderr).toMatch(/BOARDPACK_CHROMIUM/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // Nothing half made: no dist/, no staging folder left beside it.
    expect(fs.readdirSync(work)).toEqual(["chromium"]);
  });

  it("writes the model of every month as JSON, CSV and an Excel workbook", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-out-"));
    const r = runCommand("build.ts", ["--data", copyFixture(), "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(fs.readdirSync(path.join(out, "site", "data")).sort()).toEqual(
      ["2020-10.csv", "2020-10.json", "2020-10.xlsx", "2020-11.csv", "2020-11.json", "2020-11.xlsx", "2020-12.csv", "2020-12.json", "2020-12.xlsx"],
    );
    const model = JSON.parse(fs.readFileSync(path.join(out, "site", "data", "2020-12.json"), "utf8"));
    const c2 = model.indicators.find((i: { ref: string }) => i.ref === "C2%");
    expect(c2).toMatchObject({ ref: "C2%", unit: "percentage", numerator: 379, denominator: 663, rag: "red", dot: "improved" });
    expect(c2.value).toBeCloseTo((379 / 663) * 100, 10);
    const csv = fs.readFileSync(path.join(out, "site", "data", "2020-12.csv"), "utf8").split("\r\n");
    expect(csv[0]).toMatch(/^\uFEFFRef,Section,Indicator,Period,Unit,Good performance,Figure,/);
    expect(csv.find((l) => l.startsWith("C1,"))).toMatch(/^C1,Front door,Number of contacts,2020-12,count,For information,663,/);
  });

  it("leaves the previous output untouched when the data has errors", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-out-"));
    fs.writeFileSync(path.join(out, "previous.txt"), "last good build");
    const dir = copyFixture();
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("  C1: 663", "  C1: lots"));
    const r = runCommand("build.ts", ["--data", dir, "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/nothing was built/);
    expect(fs.readdirSync(out)).toEqual(["previous.txt"]);
    expect(fs.readdirSync(path.dirname(out)).filter((f) => f.startsWith(`.${path.basename(out)}-building`))).toEqual([]);
  });
});

describe("npm run build -- --edition public", () => {
  it("builds the public edition, warns file:line on a small number in the commentary it publishes, and exits 0", () => {
    const dir = copyFixture();
    fs.writeFileSync(
      path.join(dir, "commentary", "2020-12", "front-door.md"),
      "---\npublic: |\n  Recruitment held up, though there were 2 resignations.\n---\nReferrals rose to **276** in December.\n",
    );
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-public-cli-")), "dist");
    try {
      const r = runCommand("build.ts", ["--data", dir, "--out", out, "--edition", "public", "--no-pdf", "--quiet"]);
      expect(r.status, r.stderr).toBe(0);
      const file = path.join(dir, "commentary", "2020-12", "front-door.md");
      const warning = r.stderr.split("\n").find((l) => l.startsWith(`${file}:`));
      expect(warning).toMatch(/^\S+front-door\.md:3: warning: The public edition would publish "2 resignations", which may be a count of 1 to 5 children\. Fix: /);
      expect(r.stderr).not.toMatch(/\n\s+at |: error: /);
      expect(r.stdout).toMatch(/^Public edition: /m);
      // The warned text is published as written (a warning, not a refusal), and the internal text is not.
      const page = fs.readFileSync(path.join(out, "site", "2020-12", "front-door", "index.html"), "utf8");
      expect(page).toMatch(/there were 2 resignations/);
      expect(page).not.toMatch(/Referrals rose to/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(path.dirname(out), { recursive: true, force: true });
    }
  }, 300_000);
});
