// The print-quality checks of a board pack PDF, as a board member reads it:
// no text under 8pt, no text cut short with "…", no heading left at the foot
// of a page without its content, no table text running into its neighbour,
// and a tag structure poppler reads without error. Returns the problems found, each naming its page.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { readLayout, type PageLayout, type TextBox } from "./pdfLayout.ts";

const HEADING = /^(H[1-6]?|Caption)$/;

export interface QualityOptions {
  /** Smallest text allowed, in points. */
  minSize?: number;
  /** A heading in this lowest share of a page needs `contentLines` lines of its content below it there. */
  foot?: number;
  contentLines?: number;
}

export async function printQualityProblems(file: string, options: QualityOptions = {}): Promise<string[]> {
  const { minSize = 8, foot = 0.15, contentLines = 3 } = options;
  const problems: string[] = [];
  const layout = await readLayout(file);
  for (const page of layout) {
    for (const box of page.boxes) {
      if (box.size < minSize - 0.05) problems.push(`page ${page.page}: "${box.text.trim()}" is set at ${box.size.toFixed(1)}pt (under ${minSize}pt)`);
      if (box.text.includes("…")) problems.push(`page ${page.page}: "${box.text.trim()}" is cut short with "…"${box.role === "Figure" ? " in a chart" : ""}`);
    }
    problems.push(...strandedHeadings(page, foot, contentLines, continuesOn(layout[page.page])));
    problems.push(...overlappingCells(page));
  }
  problems.push(...structureErrors(file));
  problems.push(...(await tagProblems(file)));
  return problems;
}

interface TagNode {
  role?: string;
  children?: TagNode[];
}

/** Headings nested in order (H1 first, never a level skipped going down) and tables tagged as tables (Table > TR > TH/TD). */
export async function tagProblems(file: string): Promise<string[]> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(fs.readFileSync(file)), verbosity: 0, isEvalSupported: false }).promise;
  const problems: string[] = [];
  let level = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const walk = (node: TagNode, parent: string | undefined) => {
      const role = node.role;
      const h = role ? /^H([1-6])$/.exec(role) : null;
      if (h) {
        const next = Number(h[1]);
        if (next > level + 1) problems.push(`page ${n}: an H${next} follows an H${level || "(none)"}: headings skip a level`);
        level = next;
      }
      if (role === "TR" && parent !== "Table" && parent !== "THead" && parent !== "TBody" && parent !== "TFoot") problems.push(`page ${n}: a table row (TR) outside a Table`);
      if ((role === "TD" || role === "TH") && parent !== "TR") problems.push(`page ${n}: a table cell (${role}) outside a row`);
      if (role === "Table" && !(node.children ?? []).some((c) => c.role === "TR" || (c.role && /^T(Head|Body|Foot)$/.test(c.role)))) problems.push(`page ${n}: a Table without rows`);
      // Chromium's grouping elements stand between a table's parts; what counts is the nearest meaningful parent.
      const through = role && !["NonStruct", "Div", "Span", "Part", "Sect"].includes(role) ? role : parent;
      for (const c of node.children ?? []) if (c.role) walk(c, through);
    };
    const tree = (await page.getStructTree()) as TagNode | null;
    if (tree) walk(tree, undefined);
    page.cleanup();
  }
  await doc.destroy();
  return problems;
}

/** Lines of text: boxes whose tops are within 2pt, top to bottom. */
function lines(boxes: TextBox[]): TextBox[][] {
  const sorted = [...boxes].sort((a, b) => a.top - b.top);
  const out: TextBox[][] = [];
  for (const b of sorted) {
    const last = out.at(-1);
    if (last && Math.abs(last[0]!.top - b.top) <= 2) last.push(b);
    else out.push([b]);
  }
  return out;
}

/** True if a page goes on with the content of the page before (its first text is not a new heading). */
function continuesOn(next: PageLayout | undefined): boolean {
  const first = next ? lines(next.boxes.filter((b) => b.role !== null))[0] : undefined;
  if (!first) return false;
  const text = first.map((b) => b.text).join(" ");
  return !first.every((b) => HEADING.test(b.role!)) || /\(continued\)\s*$/.test(text);
}

/**
 * Headings (and table and chart captions) with too little of their content
 * after them on their page: none at all, or, in the lowest part of the page,
 * fewer than `contentLines` lines when the content goes on overleaf.
 */
export function strandedHeadings(page: PageLayout, foot: number, contentLines: number, continued = true): string[] {
  const problems: string[] = [];
  const all = lines(page.boxes.filter((b) => b.role !== null));
  const isHeading = (l: TextBox[]) => l.every((b) => HEADING.test(b.role!));
  for (let i = 0; i < all.length; i++) {
    if (!isHeading(all[i]!)) continue;
    // Consecutive heading lines are one heading (a wrapped title, a heading and its table's caption).
    let j = i;
    while (j + 1 < all.length && isHeading(all[j + 1]!)) j++;
    const group = all.slice(i, j + 1);
    const after = all.slice(j + 1);
    const next = after.findIndex(isHeading);
    // Its content runs to the next heading; a table's header row (header cells only) is not content.
    const content = (next < 0 ? after : after.slice(0, next)).filter((l) => l.some((b) => b.role !== "TH")).length;
    const text = group.flat().map((b) => b.text).join(" ").replace(/\s+/g, " ").trim();
    const last = group.at(-1)![0]!;
    const low = last.top + last.height > page.height * (1 - foot);
    if (next < 0 && content === 0) problems.push(`page ${page.page}: the heading "${text}" is the last text on its page`);
    else if (next < 0 && low && content < contentLines && continued) problems.push(`page ${page.page}: the heading "${text}" is in the lowest ${Math.round(foot * 100)}% of the page with ${content} line(s) of its content`);
    i = j;
  }
  return problems;
}

/**
 * Text of a table that runs into its neighbour on the same line (a header's
 * long word wider than its fixed column: "Safeguardingworkers in").
 */
export function overlappingCells(page: PageLayout): string[] {
  const cells = page.boxes.filter((b) => b.role === "TH" || b.role === "TD");
  const problems: string[] = [];
  for (const a of cells) {
    for (const b of cells) {
      if (a === b || b.x <= a.x || Math.abs(a.top - b.top) > 1) continue;
      if (a.x + a.width - b.x > 0.2) problems.push(`page ${page.page}: table text "${a.text.trim()}" runs into "${b.text.trim()}"`);
    }
  }
  return problems;
}

/** What poppler says is wrong with the tag structure (`pdfinfo -struct`). */
export function structureErrors(file: string): string[] {
  const run = spawnSync("pdfinfo", ["-struct", file], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return `${run.stderr}\n${run.stdout}`
    .split("\n")
    .filter((l) => /error/i.test(l))
    .map((l) => `pdfinfo -struct: ${l.trim()}`);
}
