// Makes the tagged PDF's structure standard: Chromium tags <strong> and <em>
// as Strong and Em, types PDF 2.0 knows but PDF 1.7 (the file's version) does
// not, and readers such as poppler reject them ("StructElem object is wrong
// type"). PDF 1.7 asks for such types to be mapped to standard ones in the
// structure tree's RoleMap; this adds the mapping for every type it finds.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument } from "pdf-lib";

/** The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4). */
const STANDARD = new Set(
  "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form".split(" "),
);
/** What a PDF 2.0 type stands for in PDF 1.7. */
const MAP_TO: Record<string, string> = { Strong: "Span", Em: "Span", Sub: "Span", Title: "H1", FENote: "Note", DocumentFragment: "Div", Aside: "Div" };

/** Maps non-standard structure types to standard ones; returns the types mapped. */
export function standardiseStructure(doc: PDFDocument): string[] {
  const root = doc.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  if (!root) return [];
  const found = new Set<string>();
  const seen = new Set<PDFDict>();
  const stack: unknown[] = [root.lookup(PDFName.of("K"))];
  while (stack.length) {
    const node = stack.pop();
    if (node instanceof PDFArray) {
      for (let i = 0; i < node.size(); i++) stack.push(node.lookup(i));
    } else if (node instanceof PDFDict && !seen.has(node)) {
      seen.add(node);
      const type = node.lookup(PDFName.of("S"));
      if (type instanceof PDFName) {
        const name = type.decodeText();
        if (!STANDARD.has(name)) found.add(name);
      }
      const kids = node.lookup(PDFName.of("K"));
      if (kids) stack.push(kids);
    }
  }
  if (found.size === 0) return [];
  const roleMap = root.lookupMaybe(PDFName.of("RoleMap"), PDFDict) ?? doc.context.obj({});
  const mapped = [...found].sort();
  for (const name of mapped) {
    if (!roleMap.has(PDFName.of(name))) roleMap.set(PDFName.of(name), PDFName.of(MAP_TO[name] ?? "Span"));
  }
  root.set(PDFName.of("RoleMap"), roleMap);
  return mapped;
}

/**
 * Numbers the structure elements' IDs (which table header cells refer to)
 * in document order. Chromium takes them from its DOM node counter, which
 * other work in the page can move on (a busy machine shifts them by one), so
 * the same data would not always give the same file.
 */
export function renumberStructureIds(doc: PDFDocument): number {
  const root = doc.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  if (!root) return 0;
  const ids = new Map<string, string>();
  const elements: { dict: PDFDict; ref: PDFRef }[] = [];
  const seen = new Set<PDFDict>();
  const visit = (value: unknown) => {
    const target = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (target instanceof PDFArray) {
      for (let i = 0; i < target.size(); i++) visit(target.get(i));
      return;
    }
    if (!(target instanceof PDFDict) || seen.has(target)) return;
    seen.add(target);
    const id = target.get(PDFName.of("ID"));
    if (value instanceof PDFRef && (id instanceof PDFString || id instanceof PDFHexString)) {
      ids.set(id.decodeText(), `id${String(ids.size + 1).padStart(8, "0")}`);
      elements.push({ dict: target, ref: value });
    }
    const kids = target.get(PDFName.of("K"));
    if (kids) visit(kids);
  };
  visit(root.get(PDFName.of("K")));
  if (ids.size === 0) return 0;
  const renamed = (s: unknown) => (s instanceof PDFString || s instanceof PDFHexString ? PDFString.of(ids.get(s.decodeText()) ?? s.decodeText()) : s);
  const names: (PDFString | PDFRef)[] = [];
  for (const { dict, ref } of elements) {
    const id = renamed(dict.get(PDFName.of("ID"))) as PDFString;
    dict.set(PDFName.of("ID"), id);
    names.push(id, ref);
  }
  // Table cells name their header cells by ID (/A << /O /Table /Headers [...] >>).
  for (const dict of seen) {
    const attributes = dict.lookup(PDFName.of("A"));
    const list = attributes instanceof PDFArray ? attributes.asArray().map((a) => doc.context.lookup(a)) : [attributes];
    for (const a of list) {
      const headers = a instanceof PDFDict ? a.lookup(PDFName.of("Headers")) : undefined;
      if (headers instanceof PDFArray) for (let i = 0; i < headers.size(); i++) headers.set(i, renamed(headers.get(i)) as PDFString);
    }
  }
  // The ID tree: one leaf, its names in order (zero-padded, so sorted as the tree requires);
  // the old tree's objects go, or the file would still carry the old IDs.
  const drop = (value: unknown) => {
    if (!(value instanceof PDFRef)) return;
    const node = doc.context.lookup(value);
    if (node instanceof PDFDict) {
      const kids = node.lookup(PDFName.of("Kids"));
      if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) drop(kids.get(i));
    }
    doc.context.delete(value);
  };
  drop(root.get(PDFName.of("IDTree")));
  root.set(PDFName.of("IDTree"), doc.context.obj({ Names: names }));
  return ids.size;
}
