// Sets the board pack's metadata (title, author, subject, language) and
// removes what would make two prints of the same data differ: Chromium's
// dates, its random file identifier and its XMP packet.
import crypto from "node:crypto";
import { PDFArray, PDFHexString, PDFName } from "pdf-lib";
import { loadPdf, savePdf, type Pace } from "./pdfDocument.ts";
import type { OpenedPdf } from "./lazyPdf.ts";
import { repairOutlineTitles } from "./outline.ts";
import { finishStructure } from "./structure.ts";

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  language: string;
  /** A date from the data (the report's date created), never the build time. */
  date: Date;
}

export async function finishPdf(pdf: Uint8Array | OpenedPdf, meta: PdfMetadata, headings: string[] = [], pace: Pace = "alone"): Promise<{ bytes: Uint8Array; pages: number }> {
  const opened = pdf instanceof Uint8Array ? await loadPdf(pdf, pace) : pdf;
  const { doc } = opened;
  finishStructure(opened);
  repairOutlineTitles(doc, headings);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords([meta.keywords.join(", ")]);
  doc.setLanguage(meta.language);
  doc.setCreator("boardpack");
  doc.setProducer("boardpack (Chromium and pdf-lib)");
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  // The XMP packet repeats the dates and carries random document IDs.
  doc.catalog.delete(PDFName.of("Metadata"));
  // The file identifier: a hash of the content, so the same data gives the
  // same file. Saved once with a placeholder of the same length, then filled in.
  const placeholder = "0".repeat(32);
  const ids = PDFArray.withContext(doc.context);
  ids.push(PDFHexString.of(placeholder));
  ids.push(PDFHexString.of(placeholder));
  doc.context.trailerInfo.ID = ids;
  const saved = Buffer.from(await savePdf(doc, pace));
  const id = crypto.createHash("md5").update(saved).digest("hex");
  const marker = Buffer.from(`<${placeholder}>`, "latin1");
  for (let at = saved.indexOf(marker); at >= 0; at = saved.indexOf(marker, at + marker.length)) saved.write(`<${id}>`, at, "latin1");
  return { bytes: new Uint8Array(saved), pages: doc.getPageCount() };
}
