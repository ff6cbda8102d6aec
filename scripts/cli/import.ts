// npm run import -- FILE.csv --out DIR [--name "..."] [--title "..."] [--sections "M=Front door,CP=Child protection"] [--force]
//
// Turns a council's wide monthly dataset into a data directory that
// `npm run build -- --data DIR` builds, and reconciles the sheet's own
// computed columns with the engine. Nothing is written unless it all works.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadAndValidate } from "../build/loadAndValidate.ts";
import { Problems } from "../model/problems.ts";
import { buildMonthModel } from "../metrics/model.ts";
import { formatReconciliation, reconcile } from "../import/reconcile.ts";
import { missingMonths, readSheet } from "../import/readSheet.ts";
import { planImport } from "../import/toDataDir.ts";
import { printProblems, runCli } from "./report.ts";
import { longMonth } from "../metrics/months.ts";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: "string" },
      name: { type: "string" },
      title: { type: "string" },
      sections: { type: "string" },
      "year-start": { type: "string" },
      force: { type: "boolean", default: false },
    },
  });
  const file = positionals[0];
  if (!file || !values.out) throw new Error("Usage: npm run import -- FILE.csv --out DIR [--name NAME] [--title TITLE] [--sections \"M=Front door,CP=Child protection\"]");
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist.`);
  const out = path.resolve(values.out);
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0 && !values.force) {
    throw new Error(`${values.out} already exists and is not empty; choose another --out, or add --force to replace it.`);
  }
  const sectionNames = values.sections
    ? Object.fromEntries(values.sections.split(",").map((p) => p.split("=").map((s) => s.trim()) as [string, string]).filter(([k, v]) => k && v).map(([k, v]) => [k.toUpperCase(), v]))
    : undefined;

  const problems = new Problems();
  const rel = path.relative(process.cwd(), file) || file;
  const sheet = readSheet(fs.readFileSync(file, "utf8"), rel, problems);
  if (!sheet || problems.errors.length) {
    printProblems(problems.errors);
    process.stderr.write("\nNothing was written.\n");
    return 1;
  }
  const plan = planImport(
    sheet,
    {
      ...(values.name ? { name: values.name } : {}),
      ...(values.title ? { title: values.title } : {}),
      ...(sectionNames ? { sectionNames } : {}),
      ...(values["year-start"] ? { yearStartMonth: Number(values["year-start"]) } : {}),
    },
    problems,
  );
  if (problems.errors.length) {
    printProblems(problems.errors);
    process.stderr.write("\nNothing was written.\n");
    return 1;
  }

  // Write aside, check it as a build would, then move into place.
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const staging = fs.mkdtempSync(path.join(path.dirname(out), `.${path.basename(out)}-importing-`));
  try {
    for (const [name, content] of plan.files) {
      fs.mkdirSync(path.dirname(path.join(staging, name)), { recursive: true });
      fs.writeFileSync(path.join(staging, name), content);
    }
    const { data, problems: check } = loadAndValidate(staging);
    if (!data) {
      printProblems(check.errors.map((p) => ({ ...p, file: p.file.replace(staging, values.out!) })));
      throw new Error("The imported data does not pass the checks (a bug in the import: please report it with the sheet). Nothing was written.");
    }
    const latest = sheet.months[sheet.months.length - 1]!;
    const disagreements = reconcile(sheet, buildMonthModel(data, latest));
    const guesses = plan.indicators.filter((i) => i.guesses.length);
    const notes = [
      `# Import notes`,
      "",
      `Imported from \`${rel}\`: ${plan.indicators.length} indicators, ${sheet.months.length} months (${longMonth(sheet.months[0]!)} to ${longMonth(latest)}).`,
      "",
      ...plan.notes.map((n) => `- ${n}`),
      ...(missingMonths(sheet.months).length ? [`- The sheet has no column for ${missingMonths(sheet.months).join(", ")}.`] : []),
      ...(sheet.ignoredColumns.length ? [`- Columns not used: ${sheet.ignoredColumns.map((c) => `"${c}"`).join(", ")}.`] : []),
      "",
      "## Guesses",
      "",
      guesses.length ? "The sheet did not say these; the import worked them out (marked `# guess` in data/indicators/):" : "None.",
      "",
      ...guesses.map((g) => `- ${g.row.ref}: ${g.guesses.join("; ")}`),
      "",
      "## Reconciliation with the sheet's own columns",
      "",
      "```",
      formatReconciliation(disagreements).trimEnd(),
      "```",
      "",
    ].join("\n");
    fs.writeFileSync(path.join(staging, "IMPORT-NOTES.md"), notes);
    if (fs.existsSync(out)) fs.rmSync(out, { recursive: true, force: true });
    fs.renameSync(staging, out);

    const dest = path.relative(process.cwd(), out) || out;
    process.stdout.write(
      `Imported ${plan.indicators.length} indicators in ${plural(new Set(plan.indicators.map((i) => i.section)).size, "section")}, ${sheet.months.length} months (${sheet.months[0]} to ${latest}) into ${dest}/\n`,
    );
    for (const n of plan.notes) process.stdout.write(`Note: ${n}\n`);
    process.stdout.write(`${guesses.length} indicators have guessed settings (unit, polarity or kind): see ${dest}/IMPORT-NOTES.md and the "# guess" comments.\n\n`);
    process.stdout.write(formatReconciliation(disagreements));
    printProblems(problems.warnings);
    printProblems(check.warnings.map((p) => ({ ...p, file: p.file.replace(staging, dest) })));
    process.stdout.write(`\nBuild it with: npm run build -- --data ${dest} --out ${dest}-dist\n`);
    return 0;
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw e;
  }
});
