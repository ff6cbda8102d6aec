// The board pack as one printable page: cover, contents, summary, sections,
// appendix. Puppeteer prints it (scripts/pdf/print.ts).
import type { DataSet, MonthModel } from "../model/types.ts";
import { methodWords, POLARITY_SHORT } from "./words.ts";
import { longMonth, shortMonth } from "../metrics/months.ts";
import { escapeHtml, textCell, type Cell } from "./cells.ts";
import { glance } from "./glance.ts";
import { glossaryFor, htmlText } from "./glossary.ts";
import { keyData } from "./key.ts";
import { paths } from "./paths.ts";
import { dataNote, summaryViews, targetText, type TableView } from "./tables.ts";
import type { MonthPage, PrintPage, SectionPage } from "./views.ts";

/** The id of an indicator's row in the printed summary (its page is looked up by it). */
export function summaryRowId(ref: string): string {
  return `summary-row-${ref.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}

/** A page number the layout fills in: the page where the element `id` ends up (measured with room for three digits). */
const pageOf = (id: string) => `<span class="bp-page-number" data-page-at="${escapeHtml(id)}">000</span>`;

export function printPage(data: DataSet, model: MonthModel, monthPage: MonthPage, sections: SectionPage[]): PrintPage {
  const { report } = data.authority;
  const cover: PrintPage["cover"] = [
    { key: { text: "As at month end" }, value: { text: longMonth(model.month) } },
    { key: { text: "Reporting year" }, value: { text: model.reportingYear } },
  ];
  if (model.report.status) cover.push({ key: { text: "Status" }, value: { text: model.report.status } });
  if (model.report.created) cover.push({ key: { text: "Date created" }, value: { text: longDate(model.report.created) } });
  if (model.report.createdBy) cover.push({ key: { text: "Created by" }, value: { text: model.report.createdBy } });
  const summary = summaryOf(model, data);
  const atAGlance = glanceOf(model, data, new Set(summary.flatMap((s) => s.refs)));
  const appendix = appendixOf(model, data);
  const page: Omit<PrintPage, "glossary"> = {
    month: model.month,
    label: longMonth(model.month),
    url: paths.print(model.month),
    title: report.title,
    // The public edition says so on every printed page.
    headerCss: cssString(`${report.title} – ${longMonth(model.month)}${model.publicEdition ? " – public edition" : ""}`),
    footerCss: cssString(data.authority.name),
    cover,
    contents: [
      { id: "glance", title: "At a glance" },
      { id: "summary", title: "Performance summary", entries: summary.map((s) => ({ at: `summary-${s.id}`, title: s.title })) },
      ...sections.map((s) => ({ id: `section-${s.id}`, title: s.title })),
      { id: "appendix", title: "Appendix: definitions and restated figures", entries: [{ at: "glossary", title: "Glossary" }, { at: "restated", title: "Figures restated since the previous report" }] },
    ],
    glance: atAGlance,
    summary: summary.map(({ refs: _refs, ...s }) => s),
    sections,
    appendix,
    appendixIntro: APPENDIX_INTRO,
    restatements: monthPage.restatements,
  };
  // The glossary explains the abbreviations the pack's own text uses (and only those).
  const glossary = glossaryFor(printedText(page, keyData(data, model.publicEdition)), data.authority.glossary);
  const contents = glossary.length ? page.contents : page.contents.map(({ entries, ...c }) => ({ ...c, ...(entries ? { entries: entries.filter((e) => e.at !== "glossary") } : {}) }));
  return { ...page, contents, glossary };
}

/** Said once above the appendix's tables, instead of in most of their rows. */
export const APPENDIX_INTRO = [
  "Each figure comes from the performance team each month (each term for termly measures), as the source system reports it (\"As reported\"), unless its row says how boardpack works it out from other figures.",
  "Each section's own definition is printed at the start of the section.",
];

function appendixOf(model: MonthModel, data: DataSet): PrintPage["appendix"] {
  const byRef = new Map(model.indicators.map((i) => [i.ref, i]));
  return model.sections.map((s) => ({
    id: s.id,
    title: s.title,
    table: {
      // The words of the indicator pages (words.ts), not the catalogue's codes ("Info", "entered").
      head: [{ text: "Ref" }, { text: "Indicator" }, { text: "Unit" }, { text: "Good performance" }, { text: "Counted" }, { text: "How it is worked out" }, { text: "Target" }],
      rows: s.indicators.map((r) => {
        const i = byRef.get(r)!;
        const source = data.indicators.find((x) => x.ref === r)!;
        return [
          textCell(i.ref, "bp-ref"),
          textCell(i.definition ? `${i.title}. ${i.definition}` : i.title),
          textCell(dataNote(i)),
          textCell(POLARITY_SHORT[i.polarity]),
          textCell(i.frequency === "termly" ? "Each term" : i.kind === "flow" ? "In month" : "Month end"),
          // Most figures are entered as reported, which the appendix says once (APPENDIX_INTRO); a row says more only
          // when boardpack works the figure out or it is a percentage of another. By reference only: each indicator's
          // title is in the appendix's tables (named in full, a narrow column runs a row to a third of a page).
          textCell(source.compute || source.percentageOf ? methodWords(source, (ref) => ref) : "As reported"),
          textCell(i.target ? targetText(i) : "None"),
        ];
      }),
      columns: 7,
    },
  }));
}

/** The at-a-glance page: one table, each indicator with why it is listed and the pages of its section and summary row. */
function glanceOf(model: MonthModel, data: DataSet, inSummary: Set<string>): PrintPage["glance"] {
  const g = glance(model, data.authority.display);
  const month = shortMonth(model.month);
  const intro = [
    `What to look at first in ${longMonth(model.month)}: ${g.counts}. ${g.rule}`,
    "Each indicator's figures, charts and commentary are in its section (its first page given); its row of the performance summary is on the summary page given.",
  ];
  if (!g.items.length) return { intro: [`${intro[0]} There are none in ${longMonth(model.month)}.`], table: null };
  return {
    intro,
    table: {
      caption: `Indicators to look at first: ${longMonth(model.month)}`,
      head: [{ text: "Ref" }, { text: "Indicator" }, { text: month, format: "numeric" }, { text: "Why it is listed" }, { text: "Section (page)" }, { text: "Summary page", format: "numeric" }],
      rows: g.items.map((i): Cell[] => [
        textCell(i.ref, "bp-ref"),
        textCell(i.title),
        { text: i.figure, format: "numeric" },
        textCell(i.why),
        { html: `${escapeHtml(i.section.title)} (p.&nbsp;${pageOf(`section-${i.section.id}`)})` },
        inSummary.has(i.ref) ? { html: pageOf(summaryRowId(i.ref)), format: "numeric" } : { text: "", format: "numeric" },
      ]),
      columns: 6,
      classes: "bp-glance-table",
    },
  };
}

/** Every text the print page shows (tables, commentary, charts' keys, the key), for the glossary to search. */
function printedText(page: Omit<PrintPage, "glossary">, key: ReturnType<typeof keyData>): string {
  const out: string[] = [];
  const cell = (c: Cell) => out.push(c.text ?? htmlText(c.html ?? ""));
  const table = (t: TableView | null | undefined) => {
    if (!t) return;
    out.push(t.caption ?? "", ...(t.footnotes ?? []));
    t.head.forEach(cell);
    t.rows.forEach((r) => r.forEach(cell));
  };
  out.push(page.title, ...page.cover.map((c) => c.value.text), ...page.contents.map((c) => c.title));
  out.push(...page.glance.intro);
  table(page.glance.table);
  for (const s of page.summary) {
    out.push(s.title);
    table(s.performance);
    table(s.trend);
  }
  for (const s of page.sections) {
    out.push(s.title, htmlText(s.definitionHtml ?? ""), htmlText(s.commentaryHtml ?? ""), ...s.narrative.map((n) => n.text));
    s.tables.forEach(table);
    for (const c of s.charts) out.push(c.title, ...c.key.map((k) => k.label), ...c.notes);
  }
  for (const a of page.appendix) {
    out.push(a.title);
    table(a.table);
  }
  out.push(...page.restatements.map((r) => r.title));
  out.push(...key.dot.map((d) => d.text), ...key.rag.map((r) => r.text), ...key.variation.map((v) => v.text), ...key.assurance.map((a) => a.text), ...key.withheld.map((w) => w.text));
  out.push(...Object.values(key.notes).flat(), key.spcCharts?.print ?? "");
  return out.join("\n");
}

/** Each section's summary in its two print views (sections with no indicator in the summary left out). */
function summaryOf(model: MonthModel, data: DataSet): (PrintPage["summary"][number] & { refs: string[] })[] {
  const byRef = new Map(model.indicators.map((i) => [i.ref, i]));
  const sections = model.sections
    .map((s) => ({ s, indicators: s.indicators.map((r) => byRef.get(r)!).filter((i) => i.inSummary) }))
    .filter((x) => x.indicators.length > 0);
  const views = summaryViews(model, sections.map((x) => x.indicators), data.authority);
  return sections.map((x, k) => {
    const view = views[k]!;
    // Each row's reference cell carries an id, so the at-a-glance page can give the row's page.
    const rows = view.performance.rows.map((row, n) => [{ ...row[0]!, attributes: { ...row[0]!.attributes, id: summaryRowId(x.indicators[n]!.ref) } }, ...row.slice(1)]);
    return { id: x.s.id, title: x.s.title, ...view, performance: { ...view.performance, rows }, refs: x.indicators.map((i) => i.ref) };
  });
}

function longDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `${d} ${longMonth(`${y}-${String(m).padStart(2, "0")}`).split(" ")[0]} ${y}`;
}

/** A CSS string literal that cannot close the <style> element it sits in. */
function cssString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/</g, "\\3C ").replace(/\n/g, " ")}"`;
}
