// Makes the tagged PDF's structure standard: Chromium tags <strong> and <em>
// as Strong and Em, types PDF 2.0 knows but PDF 1.7 (the file's version) does
// not, and readers such as poppler reject them ("StructElem object is wrong
// type"). PDF 1.7 asks for such types to be mapped to standard ones in the
// structure tree's RoleMap; this adds the mapping for every type it finds.
import { PDFArray, PDFDict, PDFName, type PDFDocument } from "pdf-lib";

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
