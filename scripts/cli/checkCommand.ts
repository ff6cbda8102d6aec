// npm run check's work, on any output: validates the data and lists every problem at once.
import { loadAndValidate } from "../build/loadAndValidate.ts";
import { parseCommonArgs } from "./args.ts";
import { printProblems, summarise, type Output } from "./report.ts";

export function check(argv: string[], out: Output): number {
  const args = parseCommonArgs(argv);
  const { data, problems } = loadAndValidate(args.data);
  printProblems(problems.list, out.stderr, out.stdout);
  if (!data) {
    out.stderr.write(`\n${args.data}: ${summarise(problems.list)}. Fix the errors above and run again.\n`);
    return 1;
  }
  out.stdout.write(
    `${args.data}: ${data.indicators.length} indicators in ${data.sections.length} sections, ${data.months.length} months (${data.months[0]?.month ?? "-"} to ${data.months.at(-1)?.month ?? "-"}); ${summarise(problems.list)}.\n`,
  );
  return 0;
}
