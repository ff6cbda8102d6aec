// npm run build [-- --data DIR --out DIR --month YYYY-MM]
import fs from "node:fs";
import path from "node:path";
import { spawnBrowser } from "../pdf/browser.ts";
import { buildInputs, packsMadeBefore, rememberPacksMade } from "../build/printedInputs.ts";
import { parseCommonArgs } from "./args.ts";
import { printProblems, runCli } from "./report.ts";
import { progressFor } from "../build/progress.ts";
import { startChartPool } from "../charts/pool.ts";
import { noChartsKept } from "../charts/render.ts";

await runCli(async () => {
  const args = parseCommonArgs(process.argv.slice(2), { timings: { type: "string" }, "path-prefix": { type: "string" }, "no-pdf": { type: "boolean" }, "all-pdfs": { type: "boolean" }, edition: { type: "string" }, quiet: { type: "boolean" } });
  const edition = ((args.values.edition as string | undefined) ?? "internal") as "internal" | "public";
  if (edition !== "internal" && edition !== "public") throw new Error(`--edition must be internal or public (got "${edition}").`);
  // Accepted so that existing scripts keep working; every link is now relative, so the site works at any path as it is.
  const pathPrefix = (args.values["path-prefix"] as string | undefined) ?? process.env.BOARDPACK_PATH_PREFIX;
  if (pathPrefix) process.stderr.write(`note: --path-prefix (BOARDPACK_PATH_PREFIX) is no longer needed and is ignored: every link of the site is relative, so dist/site works from a folder or at any path on any host.\n`);
  const options = {
    data: args.data,
    out: args.out,
    ...(args.month ? { month: args.month } : {}),
    ...(args.values["no-pdf"] ? { noPdf: true } : {}),
    ...(args.values["all-pdfs"] ? { allPdfs: true } : {}),
    edition,
  };
  // A first build's chart workers start before anything else (none is kept from an earlier build, so every chart will
  // be drawn): each loads Vega (about 0.4 s) on a core this thread leaves idle while it loads the build.
  if (noChartsKept()) startChartPool();
  // Chromium starts first, and the build (about 0.7 s of modules to load) loads while it does (BuildOptions.browser);
  // not when this build's packs were made before, from the same inputs: they will be copied from the cache.
  const inputs = options.noPdf ? null : buildInputs(path.resolve(options.data), { month: options.month, allPdfs: options.allPdfs, edition });
  const browser = inputs && !packsMadeBefore(inputs) ? await spawnBrowser() : undefined;
  const { runBuild } = await import("../build/pipeline.ts");
  const result = await runBuild({ ...options, ...(browser ? { browser } : {}), progress: progressFor(process.stdout, !!args.values.quiet) });
  if (inputs && result.pdf && result.pdf.layoutWarnings.length === 0) rememberPacksMade(inputs);
  // The process's peak memory (chart workers included; Chromium is a process of its own), for npm run bench.
  result.timer.phases.push({ name: "peak memory (MB)", ms: process.resourceUsage().maxRSS / 1024 });
  if (args.values.timings) fs.writeFileSync(args.values.timings as string, JSON.stringify(result.timer.phases));
  printProblems(result.problems.warnings);
  const rel = path.relative(process.cwd(), result.outDir) || ".";
  process.stdout.write(`Built ${result.months.length} months (${result.months[0]} to ${result.months.at(-1)}) into ${rel}/site/\n`);
  if (result.suppression) {
    const s = result.suppression;
    const latest = s.figures.filter((f) => f.report === result.reportMonth).length;
    process.stdout.write(`Public edition: ${s.figures.length} figures withheld across all months (${latest} in ${result.reportMonth}); counts of ${s.settings.suppressZero ? 0 : 1} to ${s.settings.threshold} show "${s.settings.symbol}".\n`);
    for (const u of s.unprotected) process.stdout.write(`Warning: a breakdown could not be fully protected: ${u}\n`);
    if (s.settings.commentary === "reviewed") {
      const left = result.data.commentary.filter((c) => !c.draft && c.markdown !== "" && c.publicMarkdown === undefined);
      const latest = left.filter((c) => c.month === result.reportMonth).map((c) => c.section);
      if (left.length) {
        process.stdout.write(
          `Public edition: commentary is published only where a file has a \`public:\` block (authority.yaml publicEdition.commentary: reviewed); ${left.length} commentary files have none${latest.length ? `, ${latest.length} of them in ${result.reportMonth} (${latest.join(", ")})` : ""}, and their sections show the drafted summary instead.\n`,
        );
      }
    }
  }
  if (result.pdf) {
    process.stdout.write(`Printed the ${result.reportMonth} board pack: ${path.relative(process.cwd(), result.pdf.file)} (${result.pdf.pages} pages)\n`);
    // Blocks the layout could not place by its rules: a chart too wide for any page, a row taller than one.
    for (const w of result.pdf.layoutWarnings) process.stderr.write(`board pack: warning: ${w}\n`);
  }
  for (const phase of result.timer.phases) process.stdout.write(`  ${phase.name.padEnd(26)} ${phase.ms.toFixed(0).padStart(6)}${phase.name.endsWith("(MB)") ? "" : " ms"}\n`);
  return 0;
});
