// "At a glance": what a board should look at first in the month, picked from
// the model by rules that hold for any data: the indicators rated red, those
// whose latest point is a special cause of concern (SPC), and those whose RAG
// rating is worse than last month's. One list in report order, each entry
// once with every reason it is listed; the print page adds page numbers, the
// site links.
import type { IndicatorResult, MonthModel, Rag } from "../model/types.ts";
import { formatRated } from "../format/ragFigure.ts";
import { RAG_WORDS } from "../format/target.ts";
import { ragRating } from "../metrics/rag.ts";
import { addMonths, shortMonth } from "../metrics/months.ts";


const RAG_ORDER: Record<Rag, number> = { green: 0, amber: 1, red: 2 };

export type GlanceReason = "red" | "concern" | "worse";

export interface GlanceItem {
  ref: string;
  title: string;
  section: { id: string; title: string };
  /** The month's figure, at the decimals its RAG rating needs. */
  figure: string;
  rag: Rag | null;
  reasons: GlanceReason[];
  /** Why it is listed, in words: "Red; worse than Nov-20 (was Amber); special cause concern (lower)". */
  why: string;
}

export interface Glance {
  items: GlanceItem[];
  /** How many are listed for each reason ("20 rated red, ..."), the reasons the authority's summary judges by. */
  counts: string;
  /** What the list holds, in a sentence. */
  rule: string;
}

/** The RAG rating `i` had last month (on the same target), or null. */
export function previousRag(i: IndicatorResult): Rag | null {
  return ragRating(i.previous, i.target);
}

/** The reasons `i` is listed, of those the authority's summary judges by (RAG, SPC). */
export function glanceReasons(i: IndicatorResult, display: { rag: boolean; spc: boolean }): GlanceReason[] {
  const was = previousRag(i);
  const out: GlanceReason[] = [];
  if (display.rag && i.rag === "red") out.push("red");
  if (display.rag && i.rag !== null && was !== null && RAG_ORDER[i.rag] > RAG_ORDER[was]) out.push("worse");
  if (display.spc && i.spc?.variation.startsWith("concern")) out.push("concern");
  return out;
}

export function glance(model: MonthModel, display: { rag: boolean; spc: boolean } = model.authority.display): Glance {
  const sectionTitle = new Map(model.sections.map((s) => [s.id, s.title]));
  const byRef = new Map(model.indicators.map((i) => [i.ref, i]));
  const before = shortMonth(addMonths(model.month, -1));
  const items = model.sections
    .flatMap((s) => s.indicators.map((r) => byRef.get(r)).filter((i): i is IndicatorResult => !!i))
    .map((i) => ({ i, reasons: glanceReasons(i, display) }))
    .filter((x) => x.reasons.length > 0)
    .map(({ i, reasons }): GlanceItem => ({
      ref: i.ref,
      title: i.title,
      section: { id: i.section, title: sectionTitle.get(i.section) ?? i.section },
      figure: formatRated(i.value, i.unit, i.decimals, i.target),
      rag: i.rag,
      reasons,
      why: reasons
        .map((r) =>
          r === "red"
            ? "Red"
            : r === "worse"
              ? `${reasons.includes("red") ? "worse" : `${RAG_WORDS[i.rag!]}, worse`} than ${before} (was ${RAG_WORDS[previousRag(i)!]})`
              : `${reasons.length > 1 ? "special" : "Special"} cause concern${i.spc!.variation.endsWith("high") ? " (higher)" : i.spc!.variation.endsWith("low") ? " (lower)" : ""}`,
        )
        .join("; "),
    }));
  const count = (r: GlanceReason) => items.filter((x) => x.reasons.includes(r)).length;
  const parts = [
    ...(display.rag ? [`${count("red")} rated red`, `${count("worse")} rated worse than in ${before}`] : []),
    ...(display.spc ? [`${count("concern")} with special cause concern`] : []),
  ];
  const rule = [
    display.rag ? "every indicator rated red, or rated worse than the month before" : null,
    display.spc ? `every indicator whose ${shortMonth(model.month)} figure is a special cause of concern by statistical process control (a change beyond its usual variation, in the wrong direction)` : null,
  ]
    .filter(Boolean)
    .join(", and ");
  return { items, counts: parts.join(", "), rule: rule ? `This lists ${rule}, in the order of the report.` : "" };
}

