// npm run new-month -- YYYY-MM [--data DIR]: scaffolds next month's data file
// from the catalogue (every entered indicator listed, values empty, unit and
// hints in comments) and a commentary stub per section.
import fs from "node:fs";
import path from "node:path";
import { loadValidData } from "../build/loadAndValidate.ts";
import type { DataSet, Indicator, Month } from "../model/types.ts";
import { isMonth, longMonth, shortMonth } from "../metrics/months.ts";
import { monthFileText, NEW_MONTH_HELP } from "../import/monthFile.ts";
import { buildMonthModel } from "../metrics/model.ts";
import { formatValue } from "../format/number.ts";
import { parseCommonArgs } from "./args.ts";
import { runCli } from "./report.ts";
import { DRAFT_MARKER } from "../load/commentary.ts";

const UNIT_HINT = { count: "a count", percentage: "a percentage (57.2%) or \"n of d\"", rate: "a rate per 10,000", average: "an average" } as const;

export function monthFileFor(data: DataSet, month: Month): string {
  const previous = data.months.filter((m) => m.month < month).at(-1);
  const last = previous ? buildMonthModel(data, previous.month) : null;
  const lastValue = new Map(last?.indicators.map((i) => [i.ref, formatValue(i.value, i.unit, i.decimals)]) ?? []);
  const sections = [...data.sections]
    .sort((a, b) => a.order - b.order)
    .map((section) => ({
      title: section.title,
      lines: data.indicators
        .filter((i): i is Indicator => i.section === section.id && !i.compute && i.frequency === "monthly")
        .map((ind) => {
          const hint = [UNIT_HINT[ind.unit], ind.kind === "flow" ? "in the month" : "at month end"];
          if (lastValue.has(ind.ref) && previous) hint.push(`${shortMonth(previous.month)}: ${lastValue.get(ind.ref)}`);
          return { ref: ind.ref, figure: "", comment: `${ind.title} (${hint.join("; ")})` };
        }),
    }));
  return monthFileText({ heading: [`# ${data.authority.shortName}: figures for ${longMonth(month)}.`, ...NEW_MONTH_HELP], month, sections, draft: true });
}

export function commentaryStub(data: DataSet, month: Month, sectionId: string): string {
  const section = data.sections.find((s) => s.id === sectionId)!;
  return `<!-- ${section.title}, ${longMonth(month)}: the significant changes and concerns. Markdown; raw HTML is shown as text.\n     Once the figures are in, run npm run new-month -- ${month} again to draft it from them. -->\n`;
}

/**
 * A drafted commentary: the section's drafted sentences, below a marker line.
 * While the marker is there the site shows boardpack's own (current) draft,
 * marked as automatically generated; delete the marker to publish your text.
 */
export function commentaryDraft(data: DataSet, month: Month, sectionId: string): string {
  const section = data.sections.find((s) => s.id === sectionId)!;
  const model = buildMonthModel(data, month);
  const lines = model.indicators
    .filter((i) => i.section === sectionId && i.inSummary && i.narrative.length)
    .map((i) => `- **${i.ref}** ${i.narrative.join(" ")}`);
  return [
    `${DRAFT_MARKER}: drafted from the figures by npm run new-month. Edit it, then delete this line to publish it as your commentary. -->`,
    `<!-- ${section.title}, ${longMonth(month)}: the significant changes and concerns. -->`,
    "",
    ...(lines.length ? lines : ["No figures to draft from yet."]),
    "",
  ].join("\n");
}

await runCli(async () => {
  const args = parseCommonArgs(process.argv.slice(2));
  const month = args.positionals[0];
  if (!month || !isMonth(month)) throw new Error("Usage: npm run new-month -- YYYY-MM [--data DIR]");
  const { data } = loadValidData(args.data);
  const dir = path.join(args.data, "commentary", month);
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const hasFigures = data.months.some((m) => m.month === month && m.values.some((e) => e.figure));
  if (!data.months.some((m) => m.month === month)) {
    const file = path.join(args.data, "months", `${month}.yaml`);
    fs.writeFileSync(file, monthFileFor(data, month));
    written.push(file);
  }
  for (const section of data.sections) {
    const stub = path.join(dir, `${section.id}.md`);
    const existing = fs.existsSync(stub) ? fs.readFileSync(stub, "utf8") : null;
    // Never overwrite a person's commentary: only missing files, stubs and untouched drafts.
    const replaceable = existing === null || existing.includes(DRAFT_MARKER) || existing.replace(/<!--[\s\S]*?-->/g, "").trim() === "";
    if (!replaceable) continue;
    fs.writeFileSync(stub, hasFigures ? commentaryDraft(data, month, section.id) : commentaryStub(data, month, section.id));
    written.push(stub);
  }
  process.stdout.write(
    `Wrote ${written.length} files:\n${written.map((f) => `  ${f}`).join("\n")}\n` +
      (hasFigures ? "Commentary drafted from the figures: edit it, and delete the marker line of each file you make your own.\n" : "Fill in the figures, run npm run new-month again to draft the commentary, then npm run check.\n"),
  );
  return 0;
});
