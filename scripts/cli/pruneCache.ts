// npm run prune-cache [-- --days N]: removes from the build cache what no build
// has used for N days (30 by default): see scripts/build/pruneCache.ts.
import { parseArgs } from "node:util";
import path from "node:path";
import { cacheDir } from "../build/cacheDir.ts";
import { pruneCache } from "../build/pruneCache.ts";
import { runCli } from "./report.ts";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

await runCli(async () => {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { days: { type: "string", default: "30" } } });
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 0) throw new Error(`--days must be a whole number of days, 0 or more (got "${values.days}").`);
  const r = pruneCache(days);
  const where = path.relative(process.cwd(), cacheDir()) || ".";
  process.stdout.write(
    `Removed ${r.removed.files} files (${mb(r.removed.bytes)}) that no build has used for ${days} days from ${where}; it holds ${r.kept.files} files (${mb(r.kept.bytes)}).\n`,
  );
});
