// The bad-input corpus: every case in tests/fixtures/bad/ (the minimal
// fixture with one defect) is rejected with the exact first error expected,
// `file:line: error: ... Fix: ...`, as a DataError (printed without a stack),
// and the build writes nothing. Most cases run in-process; every case also
// goes through npm run check's own code and error reporting in one
// subprocess (exit code, stderr), and a few through the real commands.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadAndValidate } from "../../scripts/build/loadAndValidate.ts";
import { runBuild } from "../../scripts/build/pipeline.ts";
import { DataError, formatProblem, MAX_PROBLEMS_PER_FILE, type Problem } from "../../scripts/model/problems.ts";
import { MAX_DATA_FILE_BYTES } from "../../scripts/load/textFile.ts";
import { badCases, prepareCase } from "../helpers/badCorpus.ts";
import { copyFixture } from "../helpers/fixture.ts";
import { spawnSync } from "node:child_process";
import { ROOT, runCommand } from "../helpers/run.ts";

const STACK = /\n\s+at |^\s+at |Error: .*\n\s+at /m;

/** `file:line: error: ...` with paths relative to the data folder, as `npm run check` run inside it prints. */
function line(p: Problem, dir: string): string {
  return formatProblem({ ...p, file: path.relative(dir, path.resolve(p.file)) }).split(dir + path.sep).join("");
}

/** An output folder holding a previous build, to see that a failed build leaves it alone. */
function previousOutput(): string {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-bad-out-")), "dist");
  fs.mkdirSync(out);
  fs.writeFileSync(path.join(out, "previous.txt"), "the last good build");
  return out;
}

function untouched(out: string): void {
  expect(fs.readdirSync(out)).toEqual(["previous.txt"]);
  expect(fs.readFileSync(path.join(out, "previous.txt"), "utf8")).toBe("the last good build");
  expect(fs.readdirSync(path.dirname(out))).toEqual(["dist"]); // no staging folder left beside it
}

const cases = badCases();
const tally = { cases: 0, rejected: 0, withLine: 0, stackTraces: 0, wronglyAccepted: 0, exact: 0 };

describe("the bad-input corpus (tests/fixtures/bad/)", () => {
  it("has at least 60 cases, each naming its defect and the exact first error", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    for (const c of cases) {
      expect(c.defect, c.name).toMatch(/\w/);
      expect(c.expected, c.name).toMatch(/^[^\s:]+(?::\d+){0,2}: error: .+ Fix: .+/);
    }
  });

  for (const c of cases) {
    it(`${c.name}: ${c.defect}`, async () => {
      const dir = prepareCase(c);
      const out = previousOutput();
      tally.cases++;
      try {
        // npm run check
        let first: Problem | undefined;
        try {
          first = loadAndValidate(dir).problems.errors[0];
        } catch (e) {
          tally.stackTraces++;
          throw e;
        }
        if (!first) tally.wronglyAccepted++;
        expect(first, "accepted: no error").toBeDefined();
        tally.rejected++;
        if (first!.line !== undefined) tally.withLine++;
        expect(line(first!, dir)).toBe(c.expected);

        // npm run build: the same first error, as a DataError (never a stack), and nothing written.
        const failure = await runBuild({ data: dir, out, noPdf: true }).then(
          () => null,
          (e: unknown) => e,
        );
        if (!(failure instanceof DataError)) tally.stackTraces++;
        expect(failure).toBeInstanceOf(DataError);
        expect(line((failure as DataError).problems[0]!, dir)).toBe(c.expected);
        untouched(out);
        tally.exact++;
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.rmSync(path.dirname(out), { recursive: true, force: true });
      }
    });
  }

  afterAll(() => {
    // The counts the issue asks for, in the test log.
    process.stdout.write(
      `bad-input corpus: ${tally.cases} cases, ${tally.rejected} rejected (${tally.withLine} with file:line, ${tally.rejected - tally.withLine} with the file only), ${tally.exact} with the exact first error, ${tally.stackTraces} stack traces, ${tally.wronglyAccepted} wrongly accepted\n`,
    );
  });
});

describe("the bad-input corpus through the real commands", () => {
  // One of each kind: YAML (an alias bomb), an encoding, the 50 MB file, a missing file.
  const chosen = ["yaml-alias-bomb", "encoding-windows-1252-markdown", "file-50mb", "settings-missing-file"].map((slug) => cases.find((c) => c.name.endsWith(`-${slug}`))!);

  chosen.forEach((c, i) => {
    it(`${c.name}: npm run build${i < 2 ? " and npm run check" : ""} exit 1 with the error line and no stack trace, and write nothing`, () => {
      const dir = prepareCase(c);
      const out = previousOutput();
      try {
        const build = runCommand("build.ts", ["--data", ".", "--out", out], dir);
        expect(build.status).toBe(1);
        expect(build.stderr.split("\n")[0]).toBe(c.expected);
        expect(build.stderr).toMatch(/nothing was built/);
        expect(build.stderr).not.toMatch(STACK);
        untouched(out);
        if (i < 2) {
          const check = runCommand("check.ts", ["--data", "."], dir);
          expect(check.status).toBe(1);
          expect(check.stderr.split("\n")[0]).toBe(c.expected);
          expect(check.stderr).not.toMatch(STACK);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.rmSync(path.dirname(out), { recursive: true, force: true });
      }
    });
  });
});

describe("every case of the corpus through npm run check's own code", () => {
  // One process for all cases (tsx starts in about a second): tests/helpers/checkMany.ts runs check.ts's
  // code and its error reporting (scripts/cli/report.ts) in each case's folder, as `npm run check` run there.
  it("exits 1 with the expected first line on stderr and no stack trace, for every case; the same output as the real command", () => {
    const dirs = cases.map((c) => prepareCase(c));
    try {
      const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "tests", "helpers", "checkMany.ts"), ...dirs], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", BOARDPACK_DEBUG: "", GITHUB_ACTIONS: "" },
        timeout: 300_000,
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(r.status, r.stderr).toBe(0);
      const results = r.stdout
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as { dir: string; code: number; stdout: string; stderr: string });
      expect(results.map((x) => x.dir)).toEqual(dirs);
      const wrong: string[] = [];
      results.forEach((x, n) => {
        const c = cases[n]!;
        if (x.code !== 1) wrong.push(`${c.name}: exit ${x.code}`);
        if (x.stderr.split("\n")[0] !== c.expected) wrong.push(`${c.name}: first line ${JSON.stringify(x.stderr.split("\n")[0])}`);
        if (STACK.test(x.stderr) || /^boardpack: /m.test(x.stderr)) wrong.push(`${c.name}: a stack trace or an unexpected failure`);
        if (!/: \d+ errors?, \d+ warnings?\. Fix the errors above and run again\.\n$/.test(x.stderr)) wrong.push(`${c.name}: no closing summary`);
      });
      expect(wrong).toEqual([]);
      // The runner prints what the real command prints: compare two cases with `npm run check` itself.
      for (const slug of ["yaml-alias-bomb", "public-exempt-and-withhold"]) {
        const n = cases.findIndex((c) => c.name.endsWith(`-${slug}`));
        const real = runCommand("check.ts", ["--data", "."], dirs[n]!);
        expect({ code: results[n]!.code, stdout: results[n]!.stdout, stderr: results[n]!.stderr }, slug).toEqual({ code: real.status, stdout: real.stdout, stderr: real.stderr });
      }
    } finally {
      for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    }
  }, 400_000);
});

describe("a data file at the size limit", () => {
  it(`is processed within a 256 MB heap: a ${MAX_DATA_FILE_BYTES / 1024 / 1024} MB month file of unknown references gives its first error and at most ${MAX_PROBLEMS_PER_FILE} lines for the file`, () => {
    const dir = copyFixture();
    const file = path.join(dir, "months", "2020-09.yaml");
    const fd = fs.openSync(file, "w");
    let written = fs.writeSync(fd, "month: 2020-09\nvalues:\n");
    for (let i = 0; ; i++) {
      const row = `  X${i}: ${i}\n`;
      if (written + row.length > MAX_DATA_FILE_BYTES) break;
      written += fs.writeSync(fd, row);
    }
    fs.closeSync(fd);
    const r = runCommand("check.ts", ["--data", "."], dir, { NODE_OPTIONS: "--max-old-space-size=256" });
    try {
      expect(r.status).toBe(1);
      const lines = r.stderr.split("\n").filter((l) => l.startsWith("months/2020-09.yaml"));
      expect(lines[0]).toBe('months/2020-09.yaml:3: error: "X0" is not an indicator in the catalogue (data/indicators/). Fix: Check the reference, or add "X0" to a section file in data/indicators/ first.');
      expect(lines).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
      expect(lines.at(-1)).toMatch(/more than 100 problems; the rest are not listed/);
      expect(r.stderr).not.toMatch(STACK);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
