// pdf-lib pauses for the build's other work only when there is some
// (scripts/pdf/pdfDocument.ts): "shared" lets a timer queued before a load
// or save run before it ends, "alone" does not (each pause is a timer's turn).
import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { loadPdf, savePdf, type Pace } from "../../scripts/pdf/pdfDocument.ts";

/**
 * A PDF of a few thousand objects (a page is several), as a pack of a hundred pages is, in object streams: not
 * what Chromium writes, so it is parsed whole when it is opened (a file Chromium writes is parsed as it is read).
 */
async function bigPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < 800; i++) doc.addPage().drawText(`Page ${i + 1}`);
  return doc.save({ useObjectStreams: true });
}

/** What came first: the timer queued before `work` started, or `work`'s end. */
async function first(work: () => Promise<unknown>): Promise<string[]> {
  const order: string[] = [];
  const timer = new Promise<void>((resolve) => setTimeout(() => resolve(void order.push("timer")), 0));
  await work();
  order.push("done");
  await timer;
  return order;
}

describe("pdf-lib's pace", () => {
  it("lets other work of the thread run during a load and a save when the thread is shared, and never pauses when it is not", async () => {
    const bytes = await bigPdf();
    const { doc } = await loadPdf(bytes);
    const cases: [Pace, string[]][] = [
      ["shared", ["timer", "done"]],
      ["alone", ["done", "timer"]],
    ];
    for (const [pace, order] of cases) {
      expect(await first(() => loadPdf(bytes, pace))).toEqual(order);
      expect(await first(() => savePdf(doc, pace))).toEqual(order);
    }
    // Either way, the same file.
    expect(Buffer.from(await savePdf((await loadPdf(bytes, "shared")).doc, "shared")).equals(Buffer.from(await savePdf((await loadPdf(bytes)).doc)))).toBe(true);
  }, 60_000);
});
