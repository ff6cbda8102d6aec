// npm run check: validates the data and lists every problem at once.
import { loadAndValidate } from "../build/loadAndValidate.ts";
import { parseCommonArgs } from "./args.ts";
import { printProblems, runCli, summarise } from "./report.ts";

await runCli(async () => {
  const args = parseCommonArgs(process.argv.slice(2));
  const { data, problems } = loadAndValidate(args.data);
  printProblems(problems.list);
  if (!data) {
    process.stderr.write(`\n${args.data}: ${summarise(problems.list)}. Fix the errors above and run again.\n`);
    return 1;
  }
  process.stdout.write(
    `${args.data}: ${data.indicators.length} indicators in ${data.sections.length} sections, ${data.months.length} months (${data.months[0]?.month ?? "-"} to ${data.months.at(-1)?.month ?? "-"}); ${summarise(problems.list)}.\n`,
  );
  return 0;
});
