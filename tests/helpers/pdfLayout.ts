// Reads where every piece of text sits on every page of a PDF, and its size,
// with pdfjs-dist (the print-quality test's eyes).
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
}

export interface PageLayout {
  page: number;
  width: number;
  height: number;
  boxes: TextBox[];
}

export async function readLayout(file: string): Promise<PageLayout[]> {
  const doc = await getDocument({ data: new Uint8Array(fs.readFileSync(file)), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: PageLayout[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const boxes: TextBox[] = [];
    for (const item of content.items) {
      if (!("str" in item) || item.str.trim() === "") continue;
      const [a, b, c, d, e, f] = item.transform as number[];
      const size = Math.hypot(c!, d!) || Math.hypot(a!, b!);
      boxes.push({ text: item.str, size, x: e!, top: height - f! - size, width: item.width, height: size });
    }
    pages.push({ page: n, width, height, boxes });
    page.cleanup();
  }
  await doc.destroy();
  return pages;
}
