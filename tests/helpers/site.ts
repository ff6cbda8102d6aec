// Builds a data directory into a temporary folder once per test file, and
// reads the built pages.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { runBuild, type BuildOptions, type BuildResult } from "../../scripts/build/pipeline.ts";

export async function buildInto(data: string, options: Partial<BuildOptions> = {}): Promise<BuildResult & { site: string }> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-site-"));
  const result = await runBuild({ data, out, ...options });
  return { ...result, site: path.join(out, "site") };
}

export function readPage(site: string, urlPath: string): HTMLElement {
  const file = path.join(site, urlPath.replace(/^\//, ""), urlPath.endsWith("/") ? "index.html" : "");
  return parse(fs.readFileSync(file, "utf8"));
}

/** Every file under `dir`, as URL paths relative to it. */
export function allFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push("/" + path.relative(dir, p).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/** The text of a cell, with its visually hidden words but without extra spaces. */
export function cellText(el: HTMLElement): string {
  return el.textContent.replace(/\s+/g, " ").trim();
}
