// The performance team's month: new-month scaffolding, data-quality
// warnings, the pull-request summary and the GitHub Actions workflow.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { load } from "js-yaml";
import { check, copyFixture, editFile, writeFile } from "../helpers/fixture.ts";
import { ROOT, runCommand } from "../helpers/run.ts";
import { githubAnnotation } from "../../scripts/cli/report.ts";

const require = createRequire(import.meta.url);

describe("npm run new-month", () => {
  it("scaffolds the month from the catalogue, with units, hints and last month's figures", () => {
    const dir = copyFixture();
    const r = runCommand("newMonth.ts", ["2021-01", "--data", dir]);
    expect(r.status).toBe(0);
    const text = fs.readFileSync(path.join(dir, "months", "2021-01.yaml"), "utf8");
    expect(text).toMatch(/^month: 2021-01$/m);
    for (const ref of ["C1", "C2", "R1", "P1", "11.10"]) expect(text).toMatch(new RegExp(`^  ${ref.replace(".", "\\.")}: +# `, "m"));
    expect(text).not.toMatch(/^  C2%:/m); // computed: not entered
    expect(text).toMatch(/P1: +# % of plans up to date \(a percentage \(57\.2%\) or "n of d"; at month end; Dec-20: 86\.4%\)/);
    for (const s of ["front-door", "caseloads"]) expect(fs.existsSync(path.join(dir, "commentary", "2021-01", `${s}.md`))).toBe(true);
  });

  it("gives a file that checks, warning about each figure still blank", () => {
    const dir = copyFixture();
    runCommand("newMonth.ts", ["2021-01", "--data", dir]);
    const { errors, warnings } = check(dir);
    expect(errors).toEqual([]);
    expect(warnings.filter((w) => /has no figure for 2021-01; it had one last month/.test(w.message))).toHaveLength(5);
  });

  it("publishes nothing of the commentary stubs", () => {
    const dir = copyFixture();
    runCommand("newMonth.ts", ["2021-01", "--data", dir]);
    const { data } = check(dir);
    expect(data!.commentary.filter((c) => c.month === "2021-01").map((c) => c.markdown)).toEqual(["", ""]);
  });

  it("for a month with figures, drafts commentary from them, never overwriting a person's", () => {
    const dir = copyFixture();
    const before = fs.readFileSync(path.join(dir, "months", "2020-12.yaml"), "utf8");
    const human = fs.readFileSync(path.join(dir, "commentary", "2020-12", "front-door.md"), "utf8");
    const r = runCommand("newMonth.ts", ["2020-12", "--data", dir]);
    expect(r.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, "months", "2020-12.yaml"), "utf8")).toBe(before);
    expect(fs.readFileSync(path.join(dir, "commentary", "2020-12", "front-door.md"), "utf8")).toBe(human);
    const draft = fs.readFileSync(path.join(dir, "commentary", "2020-12", "caseloads.md"), "utf8");
    expect(draft).toMatch(/^<!-- boardpack:draft/);
    expect(draft).toMatch(/- \*\*11\.10\*\* Average caseload rose 2% to 19\.9 in December 2020\./);
    // a draft is not a person's commentary: the site shows its own, marked as generated
    const { data } = check(dir);
    expect(data!.commentary.find((c) => c.section === "caseloads" && c.month === "2020-12")!.draft).toBe(true);
  });
});

describe("data-quality warnings (npm run check)", () => {
  /** The fixture with a year of referrals so the checks have a history. */
  function withHistory(values: number[], last: string | number) {
    const dir = copyFixture();
    editFile(dir, "authority.yaml", (t) => t.replace("population:\n", "population:\n  2019/20: 56947\n"));
    const months = ["2020-01", "2020-02", "2020-03", "2020-04", "2020-05", "2020-06", "2020-07", "2020-08", "2020-09"];
    months.forEach((m, i) =>
      writeFile(dir, `months/${m}.yaml`, `month: ${m}\nvalues:\n  C1: 1000\n  C2: 600\n  R1: ${values[i]}\n  R1r: -\n  P1: 90%\n  11.10: 19\n`),
    );
    if (String(last) !== "276") editFile(dir, "months/2020-12.yaml", (t) => t.replace("  R1: 276", `  R1: ${last}`));
    writeFile(dir, "commentary/2020-12/front-door.md", "Commentary.");
    return dir;
  }
  const steady = [270, 265, 280, 275, 268, 272, 281, 277, 274];

  it("flags a count that falls to 0 from its usual level", () => {
    const w = check(withHistory(steady, 0)).warnings.find((x) => /R1 .* is 0 in 2020-12, against a usual/.test(x.message));
    expect(w).toMatchObject({ file: "months/2020-12.yaml", line: 6 });
  });

  it("flags a jump far outside the usual month-to-month change", () => {
    const { warnings } = check(withHistory(steady, 600));
    expect(warnings.find((x) => /R1 .* moved from 224 to 600 in 2020-12, far outside/.test(x.message))).toMatchObject({ file: "months/2020-12.yaml", line: 6 });
    expect(check(withHistory(steady, 283)).warnings.filter((x) => /far outside/.test(x.message) && /R1/.test(x.message))).toEqual([]);
  });

  it("flags a missing month in the middle of a series", () => {
    const dir = withHistory(steady, 276);
    editFile(dir, "months/2020-05.yaml", (t) => t.replace("R1: 268", "R1: -"));
    expect(check(dir).warnings.find((x) => /R1 .* has no figure for 2020-05, between months that have one/.test(x.message))).toMatchObject({ file: "months/2020-05.yaml", line: 5 });
  });

  it("flags benchmarks more than two years old", () => {
    const dir = copyFixture();
    editFile(dir, "indicators/front-door.yaml", (t) => t.replace("benchmarks: { statNeighbour: 686.6, england: 534.8 }", 'benchmarks: { year: "2016/17", statNeighbour: 686.6 }'));
    expect(check(dir).warnings.find((x) => /benchmarks from 2016\/17, more than two years before 2020\/21/.test(x.message))).toMatchObject({ file: "indicators/front-door.yaml", line: 40 });
  });

  it("flags a section whose RAG worsened without commentary", () => {
    const dir = copyFixture();
    fs.rmSync(path.join(dir, "commentary"), { recursive: true });
    // P1 86.4% (amber) after 88.4% (amber): no change; make December red.
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("172 of 199", "150 of 199"));
    const w = check(dir).warnings.find((x) => /Front door: P1 went amber to red in 2020-12, but the section has no commentary/.test(x.message));
    expect(w?.file).toBe("commentary/2020-12/front-door.md");
    // with commentary, no warning
    writeFile(dir, "commentary/2020-12/front-door.md", "Plans fell behind.");
    expect(check(dir).warnings.filter((x) => /no commentary/.test(x.message))).toEqual([]);
  });

  it("appear as annotations on the pull request in GitHub Actions", () => {
    expect(githubAnnotation({ severity: "warning", file: "data/months/2020-12.yaml", line: 6, message: "R1 is 0 (100%)", fix: "Check." })).toBe(
      "::warning file=data/months/2020-12.yaml,line=6,title=boardpack::R1 is 0 (100%25) Fix: Check.",
    );
  });
});

describe("npm run summary", () => {
  it("shows the reviewer the month's changes, restatements and warnings in one place", () => {
    const r = runCommand("summary.ts", ["--data", copyFixture()]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^## Testshire: December 2020/m);
    expect(r.stdout).toMatch(/### RAG ratings that changed/);
    expect(r.stdout).toMatch(/### Largest changes on last month[\s\S]*\| R1 \| Number of referrals \| 224 \| 276 \| \+23% \|/);
    expect(r.stdout).toMatch(/### Figures restated in this month's file[\s\S]*\| R1 \| Nov-20 \| 223 \| 224 \|/);
    expect(r.stdout).toMatch(/### Data-quality warnings/);
  });

  it("lists the errors when the data cannot be built", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("  C1: 663", "  C1: lots"));
    const r = runCommand("summary.ts", ["--data", dir]);
    expect(r.stdout).toMatch(/the data has errors[\s\S]*2020-12\.yaml:4: error: C1/);
  });
});

describe("the GitHub Actions workflow", () => {
  const file = path.join(ROOT, ".github", "workflows", "boardpack.yml");
  const text = fs.readFileSync(file, "utf8");

  it("is valid workflow syntax (GitHub's published schema)", () => {
    const { validateWorkflow } = require("@action-validator/core") as { validateWorkflow: (src: string) => { errors: unknown[] } };
    expect(validateWorkflow(text).errors).toEqual([]);
    expect(validateWorkflow(text.replace("runs-on: ubuntu-latest", "runs-onn: ubuntu-latest")).errors.length).toBeGreaterThan(0);
  });

  it("runs the README's commands on pull requests and publishes from main", () => {
    const wf = load(text) as { on: Record<string, unknown>; jobs: Record<string, { steps: { run?: string; uses?: string }[]; if?: string }> };
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(["pull_request", "push"]));
    const runs = wf.jobs.check!.steps.map((s) => s.run ?? "").join("\n");
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    for (const cmd of ["npm run build", "npm test", "npm run check"]) {
      expect(runs).toContain(cmd);
      expect(readme).toContain(cmd);
    }
    expect(runs).toMatch(/npm run summary >> "\$GITHUB_STEP_SUMMARY"/);
    expect(wf.jobs.check!.steps.filter((s) => s.uses?.startsWith("actions/upload-artifact"))).toHaveLength(2);
    expect(wf.jobs.publish!.if).toMatch(/refs\/heads\/main/);
    // The site's links are relative, so it is published as built, with no path prefix;
    // GitHub Pages is public, so it is the public edition (small numbers withheld).
    expect(wf.jobs.publish!.steps.map((s) => s.run ?? "").join("\n")).toMatch(/npm run build -- --edition public --all-pdfs$/m);
    expect(text).not.toContain("--path-prefix");
    expect(wf.jobs.publish!.steps.some((s) => s.uses?.startsWith("actions/deploy-pages"))).toBe(true);
  });

  it("prunes the build cache it keeps after each build, before the cache is saved (at the job's end)", () => {
    const wf = load(text) as { jobs: Record<string, { steps: { run?: string; uses?: string; with?: { path?: string } }[] }> };
    expect(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).toContain('"prune-cache"');
    for (const job of ["check", "publish"]) {
      const steps = wf.jobs[job]!.steps;
      const build = steps.findIndex((s) => /^npm run build\b/.test(s.run ?? ""));
      const prune = steps.findIndex((s) => /^npm run prune-cache -- --days \d+$/.test(s.run ?? ""));
      expect(steps.some((s) => s.uses?.startsWith("actions/cache") && s.with?.path === ".boardpack-cache"), job).toBe(true);
      expect(build, job).toBeGreaterThan(-1);
      expect(prune, job).toBeGreaterThan(build);
    }
  });
});
