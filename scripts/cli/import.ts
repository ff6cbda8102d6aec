// npm run import -- SHEET [--out DIR] [--sheet NAME] [--dry-run] [--replace]
//                   [--name "..."] [--title "..."] [--sections "M=Front door,CP=Child protection"] [--year-start 4]
//
// Reads a council's sheet (.xlsx, .csv in any dialect and encoding, or text
// exported from a PDF) and makes a data directory from it, or, where DIR
// (default data/) already holds data, updates it in place with the sheet's
// new months, restated figures, new indicators and commentary.
import { parseArgs } from "node:util";
import { runCli } from "./report.ts";
import { runImport } from "../import/run.ts";

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: "string", default: "data" },
      sheet: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      replace: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      name: { type: "string" },
      title: { type: "string" },
      sections: { type: "string" },
      "year-start": { type: "string" },
    },
  });
  const file = positionals[0];
  if (!file) throw new Error('Usage: npm run import -- SHEET [--out DIR] [--sheet NAME] [--dry-run] [--replace] [--name NAME] [--title TITLE] [--sections "M=Front door,CP=Child protection"]');
  if (values.force) throw new Error("--force is gone: an import into an existing data directory now updates it in place (new months, restatements, new indicators). Use --replace to start the directory again from the sheet.");
  const sectionNames = values.sections
    ? Object.fromEntries(values.sections.split(",").map((p) => p.split("=").map((s) => s.trim()) as [string, string]).filter(([k, v]) => k && v).map(([k, v]) => [k.toUpperCase(), v]))
    : undefined;
  const yearStart = values["year-start"] ? Number(values["year-start"]) : undefined;
  if (yearStart !== undefined && !(Number.isInteger(yearStart) && yearStart >= 1 && yearStart <= 12)) throw new Error("--year-start is the first month of the reporting year, 1 to 12 (4 for April).");
  return runImport(
    {
      file,
      out: values.out!,
      dryRun: values["dry-run"],
      replace: values.replace,
      ...(values.sheet ? { sheet: values.sheet } : {}),
      options: {
        ...(values.name ? { name: values.name } : {}),
        ...(values.title ? { title: values.title } : {}),
        ...(sectionNames ? { sectionNames } : {}),
        ...(yearStart ? { yearStartMonth: yearStart } : {}),
      },
    },
    { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) },
  );
});
