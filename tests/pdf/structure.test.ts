// The tagged PDF made standard and stable: Chromium's PDF 2.0 types (Strong)
// role-mapped for PDF 1.7 readers, and its structure IDs (DOM node numbers,
// which other work in the page can shift) numbered in document order. The
// structure elements are changed as text, unparsed (lazyPdf.ts): each file is
// read back whole by pdf-lib to check what it says.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from "pdf-lib";
import type { Browser } from "puppeteer-core";
import { launchBrowser } from "../../scripts/pdf/browser.ts";
import { finishStructure } from "../../scripts/pdf/structure.ts";
import { loadPdf, savePdf } from "../../scripts/pdf/pdfDocument.ts";
import { finishPdf } from "../../scripts/pdf/metadata.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function tagged(html: string, extraNodes = 0): Promise<Uint8Array> {
  const page = await browser.newPage();
  await page.setContent(`<!DOCTYPE html><html lang="en"><body>${html}</body></html>`);
  // Ask for DOM node IDs first, as other work in a page may: Chromium's numbers move on.
  for (let i = 0; i < extraNodes; i++) await page.evaluate(() => document.body.appendChild(document.createElement("span")));
  if (extraNodes) await page.$$("span");
  const bytes = await page.pdf({ tagged: true, outline: true });
  await page.close();
  return bytes;
}

const whole = (bytes: Uint8Array) => PDFDocument.load(bytes, { updateMetadata: false });

/** The file with its structure finished (and nothing else changed), read back whole. */
async function finished(bytes: Uint8Array): Promise<{ doc: PDFDocument; mapped: string[]; ids: number }> {
  const opened = await loadPdf(bytes);
  const { mapped, ids } = finishStructure(opened);
  return { doc: await whole(await savePdf(opened.doc)), mapped, ids };
}

const META = { title: "T", author: "A", subject: "S", keywords: ["k"], language: "en-GB", date: new Date(Date.UTC(2021, 1, 23, 12)) };

const TABLE = `<h1>A heading</h1><p>Some <strong>bold</strong> words.</p><table><thead><tr><th>Month</th><th>Figure</th></tr></thead><tbody><tr><th>Jan</th><td>1</td></tr><tr><th>Feb</th><td>2</td></tr></tbody></table>`;

function structure(doc: PDFDocument): { ids: string[]; headers: string[]; roleMap: Record<string, string> } {
  const root = doc.catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict);
  const ids: string[] = [];
  const headers: string[] = [];
  const seen = new Set<PDFDict>();
  const visit = (v: unknown) => {
    const t = v instanceof PDFArray || v instanceof PDFDict ? v : doc.context.lookup(v as never);
    if (t instanceof PDFArray) for (let i = 0; i < t.size(); i++) visit(t.get(i));
    else if (t instanceof PDFDict && !seen.has(t)) {
      seen.add(t);
      const id = t.get(PDFName.of("ID"));
      if (id instanceof PDFString) ids.push(id.decodeText());
      const a = t.lookup(PDFName.of("A"));
      for (const d of a instanceof PDFArray ? a.asArray().map((x) => doc.context.lookup(x)) : [a]) {
        const h = d instanceof PDFDict ? d.lookup(PDFName.of("Headers")) : undefined;
        if (h instanceof PDFArray) headers.push(...h.asArray().map((x) => (x as PDFString).decodeText()));
      }
      const k = t.get(PDFName.of("K"));
      if (k) visit(k);
    }
  };
  visit(root.get(PDFName.of("K")));
  const rm = root.lookup(PDFName.of("RoleMap"));
  const roleMap = rm instanceof PDFDict ? Object.fromEntries(rm.entries().map(([k, v]) => [k.decodeText(), (v as PDFName).decodeText()])) : {};
  return { ids, headers, roleMap };
}

describe("the tagged PDF's structure", () => {
  it("maps Strong to Span in the role map", async () => {
    const { doc, mapped } = await finished(await tagged(TABLE));
    expect(mapped).toEqual(["Strong"]);
    expect(structure(doc).roleMap).toEqual({ Strong: "Span" });
  });

  it("numbers structure IDs in document order, header references with them, whatever Chromium numbered", async () => {
    const rawA = await tagged(TABLE);
    const rawB = await tagged(TABLE, 5);
    expect(structure(await whole(rawA)).ids).not.toEqual(structure(await whole(rawB)).ids);
    const [a, b] = [await finished(rawA), await finished(rawB)];
    const sa = structure(a.doc);
    expect(a.ids).toBe(sa.ids.length);
    expect(sa.ids).toEqual(sa.ids.map((_, i) => `id${String(i + 1).padStart(8, "0")}`));
    expect(sa.headers.length).toBeGreaterThan(0);
    for (const h of sa.headers) expect(sa.ids).toContain(h);
    expect(structure(b.doc)).toEqual(sa);
    const tree = a.doc.catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict).lookup(PDFName.of("IDTree"), PDFDict);
    expect((tree.lookup(PDFName.of("Names"), PDFArray).get(0) as PDFString).decodeText()).toBe("id00000001");
    // And the finished files are the same, byte for byte.
    const [fa, fb] = [await finishPdf(rawA, META), await finishPdf(rawB, META)];
    expect(Buffer.from(fa.bytes).equals(Buffer.from(fb.bytes))).toBe(true);
  });

  it("parses only what finishing looks up: the structure elements stay as Chromium wrote them but for their IDs", async () => {
    const raw = await tagged(TABLE);
    const opened = await loadPdf(raw);
    const before = opened.unparsed.size;
    await finishPdf(opened, META);
    // The catalogue, the information, the page tree and its page, the bookmarks and the structure tree's root.
    expect(before - opened.unparsed.size).toBeLessThan(12);
    expect(opened.unparsed.size).toBeGreaterThan(20);
  });

  it("finishes a PDF it cannot open as Chromium writes it (object streams) as it does Chromium's", async () => {
    const raw = await tagged(TABLE, 3);
    const streams = await (await whole(raw)).save({ useObjectStreams: true });
    expect(Buffer.from(streams).includes("/ObjStm")).toBe(true);
    const [direct, through] = [await finished(raw), await finished(streams)];
    expect(structure(through.doc)).toEqual(structure(direct.doc));
    expect(through.mapped).toEqual(direct.mapped);
  });
});
