// npm run serve [-- --data DIR --port 8080]: a local preview that rebuilds
// when data, commentary, templates or styles change and reloads the browser
// (Eleventy's dev server). The preview's pages load its reload script; the
// built site itself ships none.
import fs from "node:fs";
import path from "node:path";
import { runBuild, type BuildResult } from "../build/pipeline.ts";
import { updateCommentaryPage } from "../serve/quickCommentary.ts";
import { DataError, formatProblem, type Problem } from "../model/problems.ts";
import { parseCommonArgs } from "./args.ts";
import { printProblems, runCli } from "./report.ts";
import { escapeHtml } from "../format/escape.ts";
import { startPreviewServer } from "../serve/previewServer.ts";
import { withPolicy } from "../build/contentSecurityPolicy.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

function errorPage(problems: Problem[] | string): string {
  const items = typeof problems === "string" ? `<li>${escapeHtml(problems)}</li>` : problems.map((p) => `<li><code>${escapeHtml(formatProblem(p))}</code></li>`).join("");
  // The same policy as the site's pages: its one <style> block is allowed by its hash.
  return withPolicy(
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>boardpack: the data has errors</title><style>body { font-family: sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; } li { margin-bottom: 0.5em; }</style></head><body><main><h1>The data has errors</h1><p>Fix these and save; the preview rebuilds by itself.</p><ul>${items}</ul></main></body></html>`,
    { preview: true },
  );
}

await runCli(async () => {
  const args = parseCommonArgs(process.argv.slice(2), { port: { type: "string" } });
  const port = Number(args.values.port ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535 (got "${String(args.values.port)}").`);
  const out = path.join(ROOT, "node_modules", ".cache", "boardpack", "preview");
  let failure: Problem[] | string | null = null;
  let last: BuildResult | null = null;
  let server: Awaited<ReturnType<typeof startPreviewServer>> | null = null;

  const build = async () => {
    const start = performance.now();
    try {
      last = await runBuild({ data: args.data, out, noPdf: true, preview: true });
      failure = null;
      process.stdout.write(`Rebuilt in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
    } catch (e) {
      last = null;
      failure = e instanceof DataError ? e.problems : e instanceof Error ? e.message : String(e);
      if (e instanceof DataError) printProblems(e.problems);
      else process.stderr.write(`boardpack: ${failure}\n`);
    }
    server?.reload();
  };
  await build();

  server = await startPreviewServer({ root: path.join(out, "site"), port, errorPage: () => (failure ? errorPage(failure) : null) });
  process.stdout.write(`Preview at ${server.url} (Ctrl+C to stop). Watching ${args.data}/, content/ and templates/.\n`);

  // A saved commentary file re-renders its own page (quickCommentary.ts);
  // any other change, or one the quick path declines, rebuilds everything.
  let timer: NodeJS.Timeout | null = null;
  let running = Promise.resolve();
  let changed = new Set<string>();
  let full = false;
  const update = async (files: string[], whole: boolean) => {
    if (!whole && last && files.length) {
      const start = performance.now();
      let quick = true;
      try {
        for (const f of files) if (!(await updateCommentaryPage(last, f))) quick = false;
      } catch {
        quick = false;
      }
      if (quick) {
        process.stdout.write(`Updated ${files.join(", ")} in ${((performance.now() - start) / 1000).toFixed(2)} s\n`);
        server?.reload();
        return;
      }
    }
    await build();
  };
  const schedule = (dataFile: string | null) => {
    if (dataFile) changed.add(dataFile);
    else full = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...changed];
      const whole = full;
      changed = new Set();
      full = false;
      running = running.then(() => update(files, whole));
    }, 100);
  };
  fs.watch(args.data, { recursive: true }, (_event, name) => schedule(name ? String(name) : null));
  for (const dir of [path.join(ROOT, "content"), path.join(ROOT, "templates")]) fs.watch(dir, { recursive: true }, () => schedule(null));
  await new Promise(() => {});
});
