// Runs `npm run check` (scripts/cli/check.ts's own code and error reporting)
// on many data folders in one process, as if run inside each with
// `--data .`, and prints one JSON line per folder: its exit code, stdout and
// stderr. Starting tsx once per folder costs about a second each.
//
//   tsx tests/helpers/checkMany.ts DIR...
import { check } from "../../scripts/cli/checkCommand.ts";
import { runCommandMain, type Output } from "../../scripts/cli/report.ts";

const start = process.cwd();
for (const dir of process.argv.slice(2)) {
  let stdout = "";
  let stderr = "";
  const out: Output = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } };
  process.chdir(dir);
  let code: number;
  try {
    code = await runCommandMain(async () => check(["--data", "."], out), out);
  } finally {
    process.chdir(start);
  }
  process.stdout.write(JSON.stringify({ dir, code, stdout, stderr }) + "\n");
}
