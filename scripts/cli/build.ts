// npm run build [-- --data DIR --out DIR --month YYYY-MM]
import fs from "node:fs";
import path from "node:path";
import { runBuild } from "../build/pipeline.ts";
import { parseCommonArgs } from "./args.ts";
import { printProblems, runCli } from "./report.ts";

await runCli(async () => {
  const args = parseCommonArgs(process.argv.slice(2), { timings: { type: "string" }, "path-prefix": { type: "string" }, "no-pdf": { type: "boolean" }, "all-pdfs": { type: "boolean" } });
  const pathPrefix = (args.values["path-prefix"] as string | undefined) ?? process.env.BOARDPACK_PATH_PREFIX;
  const result = await runBuild({
    data: args.data,
    out: args.out,
    ...(args.month ? { month: args.month } : {}),
    ...(pathPrefix ? { pathPrefix } : {}),
    ...(args.values["no-pdf"] ? { noPdf: true } : {}),
    ...(args.values["all-pdfs"] ? { allPdfs: true } : {}),
  });
  if (args.values.timings) fs.writeFileSync(args.values.timings as string, JSON.stringify(result.timer.phases));
  printProblems(result.problems.warnings);
  const rel = path.relative(process.cwd(), result.outDir) || ".";
  process.stdout.write(`Built ${result.models.length} months (${result.models[0]?.month} to ${result.models.at(-1)?.month}) into ${rel}/site/\n`);
  if (result.pdf) {
    process.stdout.write(`Printed the ${result.reportMonth} board pack: ${path.relative(process.cwd(), result.pdf.file)} (${result.pdf.pages} pages)\n`);
    // Blocks the layout could not place by its rules: a chart too wide for any page, a row taller than one.
    for (const w of result.pdf.layoutWarnings) process.stderr.write(`board pack: warning: ${w}\n`);
  }
  for (const phase of result.timer.phases) process.stdout.write(`  ${phase.name.padEnd(26)} ${phase.ms.toFixed(0).padStart(6)} ms\n`);
  return 0;
});
