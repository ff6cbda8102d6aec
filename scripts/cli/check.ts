// npm run check: validates the data and lists every problem at once.
import { check } from "./checkCommand.ts";
import { PROCESS_OUTPUT, runCli } from "./report.ts";

await runCli(async () => check(process.argv.slice(2), PROCESS_OUTPUT));
