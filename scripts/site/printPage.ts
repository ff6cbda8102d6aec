// The board pack as one printable page: cover, contents, summary, sections,
// appendix. Puppeteer prints it (scripts/pdf/print.ts).
import type { DataSet, MonthModel } from "../model/types.ts";
import { describeCompute } from "../model/dependencies.ts";
import { longMonth } from "../metrics/months.ts";
import { textCell } from "./cells.ts";
import { renderMarkdown } from "./markdown.ts";
import { paths } from "./paths.ts";
import { dataNote, POLARITY_WORDS, summaryViews, targetText } from "./tables.ts";
import type { MonthPage, PrintPage, SectionPage } from "./views.ts";

export function printPage(data: DataSet, model: MonthModel, monthPage: MonthPage, sections: SectionPage[]): PrintPage {
  const { report } = data.authority;
  const cover: PrintPage["cover"] = [
    { key: { text: "As at month end" }, value: { text: longMonth(model.month) } },
    { key: { text: "Reporting year" }, value: { text: model.reportingYear } },
  ];
  if (model.report.status) cover.push({ key: { text: "Status" }, value: { text: model.report.status } });
  if (model.report.created) cover.push({ key: { text: "Date created" }, value: { text: longDate(model.report.created) } });
  if (model.report.createdBy) cover.push({ key: { text: "Created by" }, value: { text: model.report.createdBy } });
  const byRef = new Map(model.indicators.map((i) => [i.ref, i]));
  return {
    month: model.month,
    label: longMonth(model.month),
    url: paths.print(model.month),
    title: report.title,
    // The public edition says so on every printed page.
    headerCss: cssString(`${report.title} – ${longMonth(model.month)}${model.publicEdition ? " – public edition" : ""}`),
    footerCss: cssString(data.authority.name),
    cover,
    contents: [
      { id: "summary", title: "Performance summary" },
      ...sections.map((s) => ({ id: `section-${s.id}`, title: s.title })),
      { id: "appendix", title: "Appendix: definitions and restated figures" },
    ],
    summary: summaryOf(model, data),
    sections,
    appendix: model.sections.map((s) => ({
      id: s.id,
      title: s.title,
      definitionHtml: s.definition ? renderMarkdown(s.definition) : null,
      table: {
        head: [{ text: "Ref" }, { text: "Indicator" }, { text: "Unit" }, { text: "Good performance is" }, { text: "Counted" }, { text: "How it is worked out" }, { text: "Target" }],
        rows: s.indicators.map((r) => {
          const i = byRef.get(r)!;
          const source = data.indicators.find((x) => x.ref === r)!;
          return [
            textCell(i.ref, "bp-ref"),
            textCell(i.definition ? `${i.title}. ${i.definition}` : i.title),
            textCell(dataNote(i)),
            textCell(POLARITY_WORDS[i.polarity]),
            textCell(i.kind === "flow" ? "In month" : "Month end"),
            textCell(describeCompute(source)),
            textCell(i.target ? targetText(i) : "None"),
          ];
        }),
        columns: 7,
      },
    })),
    restatements: monthPage.restatements,
  };
}

/** Each section's summary in its two print views (sections with no indicator in the summary left out). */
function summaryOf(model: MonthModel, data: DataSet): PrintPage["summary"] {
  const byRef = new Map(model.indicators.map((i) => [i.ref, i]));
  const sections = model.sections
    .map((s) => ({ s, indicators: s.indicators.map((r) => byRef.get(r)!).filter((i) => i.inSummary) }))
    .filter((x) => x.indicators.length > 0);
  const views = summaryViews(model, sections.map((x) => x.indicators), data.authority);
  return sections.map((x, k) => ({ id: x.s.id, title: x.s.title, ...views[k]! }));
}

function longDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `${d} ${longMonth(`${y}-${String(m).padStart(2, "0")}`).split(" ")[0]} ${y}`;
}

/** A CSS string literal that cannot close the <style> element it sits in. */
function cssString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/</g, "\\3C ").replace(/\n/g, " ")}"`;
}
