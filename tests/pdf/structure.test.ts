// The tagged PDF made standard and stable: Chromium's PDF 2.0 types (Strong)
// role-mapped for PDF 1.7 readers, and its structure IDs (DOM node numbers,
// which other work in the page can shift) numbered in document order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from "pdf-lib";
import type { Browser } from "puppeteer-core";
import { launchBrowser } from "../../scripts/pdf/browser.ts";
import { renumberStructureIds, standardiseStructure } from "../../scripts/pdf/structure.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function tagged(html: string, extraNodes = 0): Promise<PDFDocument> {
  const page = await browser.newPage();
  await page.setContent(`<!DOCTYPE html><html lang="en"><body>${html}</body></html>`);
  // Ask for DOM node IDs first, as other work in a page may: Chromium's numbers move on.
  for (let i = 0; i < extraNodes; i++) await page.evaluate(() => document.body.appendChild(document.createElement("span")));
  if (extraNodes) await page.$$("span");
  const bytes = await page.pdf({ tagged: true });
  await page.close();
  return PDFDocument.load(bytes, { updateMetadata: false });
}

const TABLE = `<p>Some <strong>bold</strong> words.</p><table><thead><tr><th>Month</th><th>Figure</th></tr></thead><tbody><tr><th>Jan</th><td>1</td></tr><tr><th>Feb</th><td>2</td></tr></tbody></table>`;

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
    const doc = await tagged(TABLE);
    expect(standardiseStructure(doc)).toEqual(["Strong"]);
    expect(structure(doc).roleMap).toEqual({ Strong: "Span" });
  });

  it("numbers structure IDs in document order, header references with them, whatever Chromium numbered", async () => {
    const a = await tagged(TABLE);
    const b = await tagged(TABLE, 5);
    expect(structure(a).ids).not.toEqual(structure(b).ids);
    for (const doc of [a, b]) renumberStructureIds(doc);
    const sa = structure(a);
    expect(sa.ids).toEqual(sa.ids.map((_, i) => `id${String(i + 1).padStart(8, "0")}`));
    expect(sa.headers.length).toBeGreaterThan(0);
    for (const h of sa.headers) expect(sa.ids).toContain(h);
    expect(structure(b)).toEqual(sa);
    const tree = a.catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict).lookup(PDFName.of("IDTree"), PDFDict);
    expect((tree.lookup(PDFName.of("Names"), PDFArray).get(0) as PDFString).decodeText()).toBe("id00000001");
  });
});
