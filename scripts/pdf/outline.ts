// Reads a PDF's bookmarks (outline) with the page each one points at, so the
// contents page can give the page where every section starts.
import { PDFArray, PDFDict, PDFName, PDFRef, PDFString, PDFHexString, type PDFDocument } from "pdf-lib";
import { loadPdf } from "./pdfDocument.ts";

export interface OutlineItem {
  title: string;
  /** 1-based page number. */
  page: number;
  depth: number;
}

function decodeTitle(obj: unknown): string {
  if (obj instanceof PDFString || obj instanceof PDFHexString) return obj.decodeText();
  return "";
}

export async function readOutline(bytes: Uint8Array): Promise<OutlineItem[]> {
  return outlineOf((await loadPdf(bytes)).doc);
}

/** The bookmarks of a document already opened (the print opens its PDF once, for this and the metadata). */
export function outlineOf(doc: PDFDocument): OutlineItem[] {
  const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const outlines = doc.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  const items: OutlineItem[] = [];
  const pageOf = (item: PDFDict): number => {
    let dest = item.lookup(PDFName.of("Dest"));
    if (!dest) {
      const action = item.lookupMaybe(PDFName.of("A"), PDFDict);
      dest = action?.lookup(PDFName.of("D"));
    }
    if (dest instanceof PDFArray) {
      const target = dest.get(0);
      if (target instanceof PDFRef) return pageIndex.get(target.toString()) ?? 0;
    }
    return 0;
  };
  const walk = (first: PDFDict | undefined, depth: number) => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of("Next"), PDFDict)) {
      items.push({ title: decodeTitle(item.lookup(PDFName.of("Title"))).trim(), page: pageOf(item), depth });
      walk(item.lookupMaybe(PDFName.of("First"), PDFDict), depth + 1);
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of("First"), PDFDict), 0);
  return items;
}

/** Text without spaces: Chromium drops the spaces where a heading wraps when it writes bookmark titles. */
export function squash(text: string): string {
  return text.replace(/\s+/g, "");
}

/**
 * Chromium's bookmark titles lose the spaces at line wraps (and can repeat
 * themselves); put back the headings' own text, matched in document order.
 */
export function repairOutlineTitles(doc: PDFDocument, headings: string[]): number {
  const outlines = doc.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  let next = 0;
  let repaired = 0;
  const walk = (first: PDFDict | undefined) => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of("Next"), PDFDict)) {
      const title = squash(decodeTitle(item.lookup(PDFName.of("Title"))));
      const idx = headings.findIndex((h, i) => i >= next && (squash(h) === title || squash(h).repeat(2) === title));
      if (idx >= 0) {
        item.set(PDFName.of("Title"), PDFHexString.fromText(headings[idx]!));
        next = idx + 1;
        repaired++;
      }
      walk(item.lookupMaybe(PDFName.of("First"), PDFDict));
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of("First"), PDFDict));
  return repaired;
}

/** The page of each title, taking the outline's entries in order (titles can repeat deeper down). */
export function startPages(outline: OutlineItem[], titles: string[]): Map<string, number> {
  const out = new Map<string, number>();
  let from = 0;
  for (const title of titles) {
    const idx = outline.findIndex((o, i) => i >= from && (squash(o.title) === squash(title) || squash(o.title) === squash(title).repeat(2)));
    if (idx < 0) continue;
    out.set(title, outline[idx]!.page);
    from = idx + 1;
  }
  return out;
}
