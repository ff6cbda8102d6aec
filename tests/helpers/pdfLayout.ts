// Reads where every piece of text sits on every page of a PDF, its size and
// the structure element (tag) it belongs to, with pdfjs-dist: the eyes of the
// print-quality test.
import fs from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface TextBox {
  text: string;
  /** Font size in points (the text's vertical scale on the page). */
  size: number;
  /** Left and top of the box, from the page's top-left corner, in points. */
  x: number;
  top: number;
  width: number;
  height: number;
  /**
   * The structure type the text is tagged with (H1, P, TD, Caption, Figure...),
   * its nearest meaningful one; null for text outside the structure (running
   * header and footer, continuation lines: artifacts).
   */
  role: string | null;
}

export interface PageLayout {
  page: number;
  width: number;
  height: number;
  boxes: TextBox[];
}

/** Grouping elements Chromium wraps around content: the meaning is their parent's. */
const WRAPPERS = new Set(["NonStruct", "Span", "Div", "Strong", "Em", "Link", "Part", "Sect", "Document"]);

interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

export async function readLayout(file: string): Promise<PageLayout[]> {
  const doc = await getDocument({ data: new Uint8Array(fs.readFileSync(file)), verbosity: 0, isEvalSupported: false }).promise;
  const pages: PageLayout[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    const roles = new Map<string, string>();
    const walk = (node: StructNode, role: string) => {
      for (const child of node.children ?? []) {
        if (child.type === "content" && child.id) roles.set(child.id, role);
        else walk(child, child.role && !WRAPPERS.has(child.role) ? child.role : role);
      }
    };
    const tree = (await page.getStructTree()) as StructNode | null;
    if (tree) walk(tree, "Document");
    const content = await page.getTextContent({ includeMarkedContent: true });
    const open: (string | null)[] = [];
    const boxes: TextBox[] = [];
    for (const item of content.items as unknown as Record<string, unknown>[]) {
      if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") {
        open.push(typeof item.id === "string" ? item.id : null);
        continue;
      }
      if (item.type === "endMarkedContent") {
        open.pop();
        continue;
      }
      const str = item.str as string | undefined;
      if (!str || str.trim() === "") continue;
      const [a, b, c, d, e, f] = item.transform as number[];
      const size = Math.hypot(c!, d!) || Math.hypot(a!, b!);
      const id = [...open].reverse().find((x) => x !== null) ?? null;
      boxes.push({ text: str, size, x: e!, top: height - f! - size, width: item.width as number, height: size, role: id ? (roles.get(id) ?? null) : null });
    }
    pages.push({ page: n, width, height, boxes });
    page.cleanup();
  }
  await doc.destroy();
  return pages;
}
