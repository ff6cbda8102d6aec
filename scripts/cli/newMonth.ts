// npm run new-month -- YYYY-MM [--data DIR]: scaffolds next month's data file
// from the catalogue (every entered indicator listed, values empty, unit and
// hints in comments) and a commentary stub per section.
import fs from "node:fs";
import path from "node:path";
import { loadValidData } from "../build/loadAndValidate.ts";
import type { DataSet, Indicator, Month } from "../model/types.ts";
import { addMonths, isMonth, longMonth, shortMonth } from "../metrics/months.ts";
import { buildMonthModel } from "../metrics/model.ts";
import { formatValue } from "../format/number.ts";
import { parseCommonArgs } from "./args.ts";
import { runCli } from "./report.ts";

const UNIT_HINT = { count: "a count", percentage: "a percentage (57.2%) or \"n of d\"", rate: "a rate per 10,000", average: "an average" } as const;

export function monthFileFor(data: DataSet, month: Month): string {
  const previous = data.months.filter((m) => m.month < month).at(-1);
  const last = previous ? buildMonthModel(data, previous.month) : null;
  const lastValue = new Map(last?.indicators.map((i) => [i.ref, formatValue(i.value, i.unit, i.decimals)]) ?? []);
  const lines = [
    `# ${data.authority.shortName}: figures for ${longMonth(month)}.`,
    "# Fill in each figure after the colon. Leave it empty or write - where there is no figure this month.",
    "# Figures are written 1234 (or 1,234), 57.2% or \"n of d\" (98 of 98). Indicators boardpack computes are not listed.",
    `month: ${month}`,
    "report:",
    "  status: Draft",
    "  # created: YYYY-MM-DD",
    "values:",
  ];
  for (const section of [...data.sections].sort((a, b) => a.order - b.order)) {
    const entered = data.indicators.filter((i): i is Indicator => i.section === section.id && !i.compute && i.frequency === "monthly");
    if (entered.length === 0) continue;
    lines.push(`  # ${section.title}`);
    for (const ind of entered) {
      const hint = [UNIT_HINT[ind.unit], ind.kind === "flow" ? "in the month" : "at month end"];
      if (lastValue.has(ind.ref) && previous) hint.push(`${shortMonth(previous.month)}: ${lastValue.get(ind.ref)}`);
      lines.push(`  ${ind.ref}:`.padEnd(16) + `# ${ind.title} (${hint.join("; ")})`);
    }
  }
  lines.push("", "# Figures for earlier months that the source system re-ran, e.g.:", "# restated:", `#   ${addMonths(month, -1)}:`, "#     1.5a: 224");
  return lines.join("\n") + "\n";
}

export function commentaryStub(data: DataSet, month: Month, sectionId: string): string {
  const section = data.sections.find((s) => s.id === sectionId)!;
  return `<!-- ${section.title}, ${longMonth(month)}: the significant changes and concerns. Markdown; raw HTML is shown as text. -->\n`;
}

await runCli(async () => {
  const args = parseCommonArgs(process.argv.slice(2));
  const month = args.positionals[0];
  if (!month || !isMonth(month)) throw new Error("Usage: npm run new-month -- YYYY-MM [--data DIR]");
  const { data } = loadValidData(args.data);
  const file = path.join(args.data, "months", `${month}.yaml`);
  if (data.months.some((m) => m.month === month)) throw new Error(`${month} already has a data file in ${path.join(args.data, "months")}; edit that file instead.`);
  fs.writeFileSync(file, monthFileFor(data, month));
  const dir = path.join(args.data, "commentary", month);
  fs.mkdirSync(dir, { recursive: true });
  const written = [file];
  for (const section of data.sections) {
    const stub = path.join(dir, `${section.id}.md`);
    if (fs.existsSync(stub)) continue;
    fs.writeFileSync(stub, commentaryStub(data, month, section.id));
    written.push(stub);
  }
  process.stdout.write(`Wrote ${written.length} files:\n${written.map((f) => `  ${f}`).join("\n")}\nFill in the figures and commentary, then run npm run check.\n`);
  return 0;
});
