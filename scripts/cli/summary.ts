// npm run summary [-- --data DIR --month YYYY-MM]: a Markdown summary of the
// month for a pull request (GitHub's job summary): the headline changes,
// the RAG changes, restated figures and the data-quality warnings, in one place.
import { loadAndValidate } from "../build/loadAndValidate.ts";
import { buildMonthModel } from "../metrics/model.ts";
import { formatFigureChange, formatValue } from "../format/number.ts";
import { longMonth, shortMonth } from "../metrics/months.ts";
import { ragRating } from "../metrics/rag.ts";
import { formatProblem } from "../model/problems.ts";
import { dotText } from "../format/dot.ts";
import { parseCommonArgs } from "./args.ts";
import { runCli } from "./report.ts";
import fs from "node:fs";
import path from "node:path";
import { readRecordedUpdate } from "../import/notes.ts";

const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

await runCli(async () => {
  const args = parseCommonArgs(process.argv.slice(2));
  const { data, problems } = loadAndValidate(args.data);
  const out: string[] = [];
  if (!data) {
    out.push("## boardpack: the data has errors", "", "Nothing can be built until these are fixed:", "", ...problems.errors.map((p) => `- \`${esc(formatProblem(p))}\``), "");
    process.stdout.write(out.join("\n") + "\n");
    return 0;
  }
  const month = args.month ?? data.months.at(-1)!.month;
  const model = buildMonthModel(data, month);
  const byRef = new Map(data.indicators.map((i) => [i.ref, i]));
  const f = (ref: string, v: number | null) => {
    const i = model.indicators.find((x) => x.ref === ref)!;
    return formatValue(v, i.unit, i.decimals);
  };
  out.push(`## ${data.authority.shortName}: ${longMonth(month)}`, "");
  out.push(`${model.indicators.length} indicators in ${model.sections.length} sections; ${problems.warnings.length} data-quality warning${problems.warnings.length === 1 ? "" : "s"}; ${model.restatements.length} restated figure${model.restatements.length === 1 ? "" : "s"}.`, "");

  const ragChanges = model.indicators
    .map((i) => ({ i, before: ragRating(i.previous, byRef.get(i.ref)!.target) }))
    .filter(({ i, before }) => i.rag && before && i.rag !== before);
  out.push("### RAG ratings that changed", "");
  if (ragChanges.length) {
    out.push("| Ref | Indicator | Last month | This month | RAG |", "|---|---|---:|---:|---|");
    for (const { i, before } of ragChanges) out.push(`| ${esc(i.ref)} | ${esc(i.title)} | ${f(i.ref, i.previous)} | ${f(i.ref, i.value)} | ${before} → **${i.rag}** |`);
  } else out.push("None.");
  out.push("");

  const headline = model.indicators
    .filter((i) => i.inSummary && i.changeFromPrevious !== null && i.value !== null && Math.abs(i.changeFromPrevious) >= 0.1)
    .sort((a, b) => Math.abs(b.changeFromPrevious!) - Math.abs(a.changeFromPrevious!))
    .slice(0, 15);
  out.push("### Largest changes on last month", "");
  if (headline.length) {
    out.push("| Ref | Indicator | Last month | This month | Change | DoT |", "|---|---|---:|---:|---:|---|");
    for (const i of headline) out.push(`| ${esc(i.ref)} | ${esc(i.title)} | ${f(i.ref, i.previous)} | ${f(i.ref, i.value)} | ${formatFigureChange(i, i.previous, i.value, i.changeFromPrevious)} | ${dotText(i.dot, i.dotJudgement)} |`);
  } else out.push("No indicator in the summary moved by 10% or more.");
  out.push("");

  // The month's update from the team's sheet (npm run import), as its notes record it.
  const notesFile = path.join(args.data, "IMPORT-NOTES.md");
  const recorded = fs.existsSync(notesFile) ? readRecordedUpdate(fs.readFileSync(notesFile, "utf8")) : null;
  if (recorded && (recorded.newMonths.includes(month) || (month === data.months.at(-1)!.month && recorded.lines.some((l) => /^- (Restated|Changed|New indicator)/.test(l))))) {
    out.push("### Update from the team's sheet", "");
    const wanted = recorded.lines.filter((l) => /^- (New month|Month added|Restated|Changed|New indicator|New section|Not in the sheet|Commentary kept)/.test(l));
    out.push(...(wanted.length ? wanted.map((l) => esc(l.replace(/ -> /g, " → "))) : ["No figures changed."]), "");
  }

  out.push("### Figures restated in this month's file", "");
  if (model.restatements.length) {
    out.push("| Ref | Month | Published | Now |", "|---|---|---:|---:|");
    for (const r of model.restatements) out.push(`| ${esc(r.ref)} | ${shortMonth(r.month)} | ${f(r.ref, r.published)} | ${f(r.ref, r.restated)} |`);
  } else out.push("None.");
  out.push("");

  out.push("### Data-quality warnings", "");
  if (problems.warnings.length) for (const p of problems.warnings) out.push(`- \`${esc(formatProblem(p))}\``);
  else out.push("None.");
  out.push("");
  process.stdout.write(out.join("\n"));
  return 0;
});
