// A printed PDF opened without parsing it whole. pdf-lib's load parses every
// object, and a 93-page pack has 16,000 (nearly all of them structure
// elements), though finishing it reads and changes a few hundred: the
// catalogue, the document information, the bookmarks, the page tree and the
// structure tree's root. Here the cross-reference table says where each object
// is; an object is parsed (by pdf-lib's own object parser) when something
// looks it up, and the rest stay the bytes they were, which pdf-lib's writer
// copies through as they are. The structure elements are read and changed as
// text (structure.ts). pdf-lib's whole parse and save took about 0.8 s of
// every print of the example's pack, and 3.3 s of a 200-indicator pack's;
// opened this way, finishing them takes about 0.2 s and 0.8 s.
//
// Only a file with one classic cross-reference table opens this way, as
// Chromium writes them; anything else (object streams, updates appended) is
// first written out plainly by pdf-lib (a whole parse and save), then opened.
import { PDFContext, PDFDict, PDFDocument, PDFHeader, PDFName, PDFObject, PDFObjectParser, PDFRef } from "pdf-lib";

/** An object not parsed: its body (between `obj` and `endobj`), as bytes and as text (one character a byte, latin1). */
export interface Body {
  bytes: Uint8Array;
  text: string;
}

/** An object written back as the bytes it was (pdf-lib's writer asks each object for its size and its bytes). */
class Unchanged extends PDFObject {
  constructor(private readonly bytes: Uint8Array) {
    super();
  }
  override sizeInBytes(): number {
    return this.bytes.length;
  }
  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    buffer.set(this.bytes, offset);
    return this.bytes.length;
  }
  override clone(): Unchanged {
    return new Unchanged(this.bytes.slice());
  }
  override toString(): string {
    return Buffer.from(this.bytes).toString("latin1");
  }
}

/** The objects of a context, each parsed from the file when first looked up. */
class ObjectsOnDemand extends Map<PDFRef, PDFObject> {
  readonly unparsed = new Map<PDFRef, Body>();

  constructor(private readonly context: PDFContext) {
    super();
  }

  override get(ref: PDFRef): PDFObject | undefined {
    const body = this.unparsed.get(ref);
    if (body) {
      this.unparsed.delete(ref);
      this.set(ref, PDFObjectParser.forBytes(body.bytes, this.context).parseObject());
    }
    return super.get(ref);
  }

  override delete(ref: PDFRef): boolean {
    this.unparsed.delete(ref);
    return super.delete(ref);
  }

  /** Holds an object unparsed: written back as `body` unless something looks it up. */
  keep(ref: PDFRef, body: Body): void {
    this.unparsed.set(ref, body);
    this.set(ref, new Unchanged(body.bytes));
  }
}

export interface OpenedPdf {
  doc: PDFDocument;
  /** The objects not parsed so far (none has been looked up), by reference. */
  unparsed: ReadonlyMap<PDFRef, Body>;
  /** Puts an object back unparsed, with a new body (text, one character a byte). */
  rewrite(ref: PDFRef, body: string): void;
}

/** The file's last cross-reference table and trailer, if it has one classic table and nothing appended to it. */
function crossReferences(text: string): { objects: { ref: PDFRef; offset: number }[]; trailerAt: number; xrefAt: number } | null {
  const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
  if (!tail) return null;
  const xrefAt = Number(tail[1]);
  const table = /xref\s+/y;
  table.lastIndex = xrefAt;
  if (!table.test(text)) return null;
  const objects: { ref: PDFRef; offset: number }[] = [];
  const section = /(\d+)\s+(\d+)\s+/y;
  const entry = /(\d{10})\s(\d{5})\s([nf])\s*/y;
  let at = table.lastIndex;
  for (;;) {
    section.lastIndex = at;
    const s = section.exec(text);
    if (!s) break;
    at = section.lastIndex;
    const first = Number(s[1]);
    for (let k = 0; k < Number(s[2]); k++) {
      entry.lastIndex = at;
      const e = entry.exec(text);
      if (!e) return null;
      at = entry.lastIndex;
      if (e[3] === "n") objects.push({ ref: PDFRef.of(first + k, Number(e[2])), offset: Number(e[1]) });
    }
  }
  const trailer = /trailer\s*/y;
  trailer.lastIndex = at;
  if (!trailer.test(text)) return null;
  return { objects, trailerAt: trailer.lastIndex, xrefAt };
}

/** Opens the file lazily (see above), or null if it is not one classic table with nothing appended. */
export function openLazily(bytes: Uint8Array): OpenedPdf | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const version = /^%PDF-(\d+)\.(\d+)/.exec(text);
  const table = version ? crossReferences(text) : null;
  if (!version || !table) return null;
  const context = PDFContext.create();
  context.header = PDFHeader.forVersion(Number(version[1]), Number(version[2]));
  const trailer = PDFObjectParser.forBytes(bytes.subarray(table.trailerAt), context).parseObject();
  if (!(trailer instanceof PDFDict)) return null;
  const key = (name: string) => trailer.get(PDFName.of(name));
  const root = key("Root");
  // An update appended (Prev), a cross-reference stream beside the table (XRefStm) or encryption: opened whole.
  if (!(root instanceof PDFRef) || key("Prev") || key("XRefStm") || key("Encrypt")) return null;

  // Each object's body: from its `obj` to its `endobj`, before the next object in the file (or the table) begins.
  const inFile = [...table.objects].sort((a, b) => a.offset - b.offset);
  const objects = new ObjectsOnDemand(context);
  const header = /\s*(\d+)\s+(\d+)\s+obj\b\s*/y;
  for (const [i, { ref, offset }] of inFile.entries()) {
    header.lastIndex = offset;
    const h = header.exec(text);
    if (!h || Number(h[1]) !== ref.objectNumber || Number(h[2]) !== ref.generationNumber) return null;
    const end = text.lastIndexOf("endobj", (inFile[i + 1]?.offset ?? table.xrefAt) - 1);
    if (end < header.lastIndex) return null;
    let bodyEnd = end;
    while (bodyEnd > header.lastIndex && /\s/.test(text[bodyEnd - 1]!)) bodyEnd--;
    objects.keep(ref, { bytes: bytes.subarray(header.lastIndex, bodyEnd), text: text.slice(header.lastIndex, bodyEnd) });
    if (ref.objectNumber > context.largestObjectNumber) context.largestObjectNumber = ref.objectNumber;
  }
  (context as unknown as { indirectObjects: Map<PDFRef, PDFObject> }).indirectObjects = objects;
  const info = key("Info");
  context.trailerInfo = { Root: root, ...(info instanceof PDFRef ? { Info: info } : {}) };
  // pdf-lib's constructor is private: its load is what would call it, after parsing every object.
  const Doc = PDFDocument as unknown as new (context: PDFContext, ignoreEncryption: boolean, updateMetadata: boolean) => PDFDocument;
  const doc = new Doc(context, false, false);

  return { doc, unparsed: objects.unparsed, rewrite: (ref, body) => objects.keep(ref, { bytes: Buffer.from(body, "latin1"), text: body }) };
}
