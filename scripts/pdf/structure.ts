// Makes the tagged PDF's structure standard and stable.
//
// Standard: Chromium tags <strong> and <em> as Strong and Em, types PDF 2.0
// knows but PDF 1.7 does not, and readers such as poppler reject them
// ("StructElem object is wrong type"). PDF 1.7 asks for such types to be
// mapped to standard ones in the structure tree's RoleMap; this adds the
// mapping for every type it finds.
//
// Stable: the structure elements' IDs (which table header cells refer to) are
// numbered in order. Chromium takes them from its DOM node counter, which
// other work in the page can move on (a busy machine shifts them by one), so
// the same data would not always give the same file.
//
// A pack has thousands of structure elements, and parsing each into objects
// was most of the time spent finishing it: they are read and changed as text
// here (lazyPdf.ts keeps them unparsed), and only the tree's root is parsed.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString } from "pdf-lib";
import type { OpenedPdf } from "./lazyPdf.ts";

/** The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4). */
const STANDARD = new Set(
  "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form".split(" "),
);
/** What a PDF 2.0 type stands for in PDF 1.7. */
const MAP_TO: Record<string, string> = { Strong: "Span", Em: "Span", Sub: "Span", Title: "H1", FENote: "Note", DocumentFragment: "Div", Aside: "Div" };

/** A structure element's dictionary, as text. */
const IS_ELEMENT = /\/Type\s*\/StructElem\b/;
/** Its type: the first /S key (an element's nested dictionaries, its attributes, have none). */
const TYPE = /\/S\s*\/([^\s/<>[\]()%{}]+)/;
/** A string, literal (with escapes, no unbalanced parentheses) or hexadecimal. */
const STRING = String.raw`\((?:[^()\\]|\\[\s\S])*\)|<[0-9A-Fa-f\s]*>`;
const ID = new RegExp(String.raw`(\/ID\s*)(${STRING})`);
const HEADERS = /(\/Headers\s*\[)([^\]]*)\]/g;
const STRINGS = new RegExp(STRING, "g");

/** A string's text, literal or hexadecimal, as pdf-lib decodes it. */
function decoded(token: string): string {
  return token.startsWith("(") ? PDFString.of(token.slice(1, -1)).decodeText() : PDFHexString.of(token.slice(1, -1).replace(/\s/g, "")).decodeText();
}

/** The structure elements still unparsed, in object-number order (Chromium numbers them in document order). */
function elements(pdf: OpenedPdf): { ref: PDFRef; text: string }[] {
  const found: { ref: PDFRef; text: string }[] = [];
  for (const [ref, body] of pdf.unparsed) if (body.text.startsWith("<<") && IS_ELEMENT.test(body.text)) found.push({ ref, text: body.text });
  return found.sort((a, b) => a.ref.objectNumber - b.ref.objectNumber || a.ref.generationNumber - b.ref.generationNumber);
}

/**
 * Maps non-standard structure types to standard ones, and numbers the
 * elements' IDs in order (id00000001...), with the table cells' references to
 * their header cells and the ID tree to match. Returns the types mapped and
 * the number of IDs.
 */
export function finishStructure(pdf: OpenedPdf): { mapped: string[]; ids: number } {
  const root = pdf.doc.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  if (!root) return { mapped: [], ids: 0 };
  const all = elements(pdf);
  const found = new Set<string>();
  const ids = new Map<string, string>();
  const named: { ref: PDFRef; id: string }[] = [];
  const types = new Set<string>();
  for (const { ref, text } of all) {
    const type = TYPE.exec(text)?.[1];
    if (type) types.add(type);
    const id = ID.exec(text);
    if (id) {
      const renamed = `id${String(ids.size + 1).padStart(8, "0")}`;
      ids.set(decoded(id[2]!), renamed);
      named.push({ ref, id: renamed });
    }
  }
  for (const type of types) {
    const name = PDFName.of(type).decodeText();
    if (!STANDARD.has(name)) found.add(name);
  }
  if (ids.size > 0) {
    const rename = (token: string) => {
      const to = ids.get(decoded(token));
      return to === undefined ? token : `(${to})`;
    };
    for (const { ref, text } of all) {
      const changed = text.replace(ID, (_m, key: string, value: string) => key + rename(value)).replace(HEADERS, (_m, open: string, list: string) => `${open}${list.replace(STRINGS, rename)}]`);
      if (changed !== text) pdf.rewrite(ref, changed);
    }
    // The ID tree: one leaf, its names in order (zero-padded, so sorted as the tree requires);
    // the old tree's objects go, or the file would still carry the old IDs.
    const drop = (value: unknown) => {
      if (!(value instanceof PDFRef)) return;
      const node = pdf.doc.context.lookup(value);
      if (node instanceof PDFDict) {
        const kids = node.lookup(PDFName.of("Kids"));
        if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) drop(kids.get(i));
      }
      pdf.doc.context.delete(value);
    };
    drop(root.get(PDFName.of("IDTree")));
    root.set(PDFName.of("IDTree"), pdf.doc.context.obj({ Names: named.flatMap(({ ref, id }) => [PDFString.of(id), ref]) }));
  }
  const mapped = [...found].sort();
  if (mapped.length) {
    const roleMap = root.lookupMaybe(PDFName.of("RoleMap"), PDFDict) ?? pdf.doc.context.obj({});
    for (const name of mapped) if (!roleMap.has(PDFName.of(name))) roleMap.set(PDFName.of(name), PDFName.of(MAP_TO[name] ?? "Span"));
    root.set(PDFName.of("RoleMap"), roleMap);
  }
  return { mapped, ids: ids.size };
}
