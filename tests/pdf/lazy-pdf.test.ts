// A printed PDF opened without parsing it whole (scripts/pdf/lazyPdf.ts): what
// is looked up is parsed, the rest is written back as it was; a file not laid
// out as Chromium writes it is opened whole instead, and finishes the same.
import { describe, expect, it } from "vitest";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { openLazily } from "../../scripts/pdf/lazyPdf.ts";
import { loadPdf, savePdf } from "../../scripts/pdf/pdfDocument.ts";
import { finishPdf } from "../../scripts/pdf/metadata.ts";

const META = { title: "Board pack", author: "A council", subject: "S", keywords: ["k"], language: "en-GB", date: new Date(Date.UTC(2021, 1, 23, 12)) };

/** A PDF of a few pages, each with its text, written plainly (one classic cross-reference table); a gap where an object was deleted. */
async function plainPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < 5; i++) doc.addPage().drawText(`Page ${i + 1}`);
  doc.context.delete(doc.context.register(doc.context.obj({ Unused: true })));
  doc.context.register(doc.context.obj({ After: PDFString.of("the gap") }));
  return doc.save({ useObjectStreams: false });
}

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");

describe("a PDF opened lazily", () => {
  it("parses only the objects looked up, and writes the others back byte for byte", async () => {
    const bytes = await plainPdf();
    const opened = openLazily(bytes)!;
    expect(opened).not.toBeNull();
    // Opening parsed the catalogue; counting the pages parses the page tree and its five pages, and nothing else.
    const objects = opened.unparsed.size;
    expect(opened.doc.getPageCount()).toBe(5);
    expect(objects - opened.unparsed.size).toBe(6);
    const again = await savePdf(opened.doc);
    const whole = await PDFDocument.load(again, { updateMetadata: false });
    expect(whole.getPageCount()).toBe(5);
    // Each page's content stream (never looked up) is in the new file as it was in the old, byte for byte.
    const original = await PDFDocument.load(bytes, { updateMetadata: false });
    whole.getPages().forEach((page, i) => {
      const contents = (p: typeof page, d: PDFDocument) => d.context.lookup(p.node.get(PDFName.of("Contents")))!.toString();
      expect(contents(page, whole)).toBe(contents(original.getPages()[i]!, original));
    });
    expect(text(again)).toContain("/After (the gap)");
  });

  it("finishes it as a whole parse would: the information, the catalogue's language, the same pages", async () => {
    const { bytes, pages } = await finishPdf(await plainPdf(), META);
    expect(pages).toBe(5);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe("Board pack");
    expect(doc.getAuthor()).toBe("A council");
    expect(doc.getCreationDate()?.toISOString()).toBe("2021-02-23T12:00:00.000Z");
    expect((doc.catalog.lookup(PDFName.of("Lang")) as PDFString).decodeText()).toBe("en-GB");
    expect(doc.getPageCount()).toBe(5);
    expect(text(bytes)).toMatch(/\/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]/);
  });

  it("opens whole a file with an update appended, and finishes it with the update's objects", async () => {
    const bytes = await plainPdf();
    const original = text(bytes);
    const startxref = Number(/startxref\s+(\d+)/.exec(original.slice(-64))![1]);
    const size = Number(/\/Size (\d+)/.exec(original)![1]);
    const root = /\/Root (\d+ \d+ R)/.exec(original)![1];
    // An incremental update: a new information dictionary, its own table, a trailer pointing back at the first.
    const info = `${size} 0 obj\n<< /Title (Updated) >>\nendobj\n`;
    const at = bytes.length;
    const xrefAt = at + info.length;
    const update = `${info}xref\n${size} 1\n${String(at).padStart(10, "0")} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const updated = Buffer.concat([Buffer.from(bytes), Buffer.from(update, "latin1")]);
    expect(openLazily(updated)).toBeNull();
    const opened = await loadPdf(updated);
    expect(opened.doc.getTitle()).toBe("Updated");
    const { bytes: finished, pages } = await finishPdf(opened, META);
    expect(pages).toBe(5);
    expect((await PDFDocument.load(finished, { updateMetadata: false })).getTitle()).toBe("Board pack");
  });

  it("is not fooled by a file that only looks like one: no table where it says, or a header that does not match", async () => {
    const bytes = await plainPdf();
    const s = text(bytes);
    const moved = s.replace(/startxref\s+(\d+)/, (_m, n: string) => `startxref\n${Number(n) + 3}`);
    expect(openLazily(Buffer.from(moved, "latin1"))).toBeNull();
    const renumbered = s.replace(/\n3 0 obj/, "\n9 0 obj");
    expect(openLazily(Buffer.from(renumbered, "latin1"))).toBeNull();
    // Either way, the whole parse opens it (pdf-lib repairs what it can).
    expect((await loadPdf(Buffer.from(moved, "latin1"))).doc.getPageCount()).toBe(5);
  });
});
