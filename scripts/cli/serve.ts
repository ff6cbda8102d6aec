// npm run serve [-- --data DIR --port 8080]: a local preview that rebuilds
// when data, commentary, templates or styles change and reloads the browser.
// The preview adds one small script to each page for the reload; the built
// site itself ships none.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { runBuild } from "../build/pipeline.ts";
import { DataError, formatProblem, type Problem } from "../model/problems.ts";
import { parseCommonArgs } from "./args.ts";
import { printProblems, runCli } from "./report.ts";
import { escapeHtml } from "../format/escape.ts";
import { TYPES } from "../serve/staticServer.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const RELOAD = "/__boardpack/reload";
const SCRIPT = `<script>new EventSource("${RELOAD}").onmessage = () => location.reload();</script>`;

function errorPage(problems: Problem[] | string): string {
  const items = typeof problems === "string" ? `<li>${escapeHtml(problems)}</li>` : problems.map((p) => `<li><code>${escapeHtml(formatProblem(p))}</code></li>`).join("");
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>boardpack: the data has errors</title></head><body style="font-family: sans-serif; max-width: 60em; margin: 2em auto"><h1>The data has errors</h1><p>Fix these and save; the preview rebuilds by itself.</p><ul>${items}</ul>${SCRIPT}</body></html>`;
}

await runCli(async () => {
  const args = parseCommonArgs(process.argv.slice(2), { port: { type: "string" } });
  const port = Number(args.values.port ?? 8080);
  const out = path.join(ROOT, "node_modules", ".cache", "boardpack", "preview");
  let failure: Problem[] | string | null = null;
  const clients = new Set<http.ServerResponse>();

  const build = async () => {
    const start = performance.now();
    try {
      await runBuild({ data: args.data, out, noPdf: true });
      failure = null;
      process.stdout.write(`Rebuilt in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
    } catch (e) {
      failure = e instanceof DataError ? e.problems : e instanceof Error ? e.message : String(e);
      if (e instanceof DataError) printProblems(e.problems);
      else process.stderr.write(`boardpack: ${failure}\n`);
    }
    for (const c of clients) c.write("data: reload\n\n");
  };
  await build();

  const server = http.createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? "/").split("?")[0]!);
    if (url === RELOAD) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
      res.write(": connected\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
      return;
    }
    let file = path.join(out, "site", url);
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    const isHtml = file.endsWith(".html");
    if (failure && (isHtml || !fs.existsSync(file))) {
      res.writeHead(200, { "content-type": TYPES[".html"]! }).end(errorPage(failure));
      return;
    }
    if (!file.startsWith(path.join(out, "site")) || !fs.existsSync(file)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    if (isHtml) res.end(fs.readFileSync(file, "utf8").replace("</body>", `${SCRIPT}</body>`));
    else fs.createReadStream(file).pipe(res);
  });
  server.listen(port, "127.0.0.1");
  process.stdout.write(`Preview at http://127.0.0.1:${port}/ (Ctrl+C to stop). Watching ${args.data}/, content/ and templates/.\n`);

  let timer: NodeJS.Timeout | null = null;
  let running = Promise.resolve();
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(build);
    }, 250);
  };
  for (const dir of [args.data, path.join(ROOT, "content"), path.join(ROOT, "templates")]) {
    fs.watch(dir, { recursive: true }, schedule);
  }
  await new Promise(() => {});
});
