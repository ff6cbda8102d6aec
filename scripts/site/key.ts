// The key to the summary's symbols: DoT arrows, RAG tags, SPC icons (every
// icon the summary can show: the key is built from the icons' own word lists).
import type { DataSet, PublicEditionNote } from "../model/types.ts";
import { withheldKey } from "../format/withheld.ts";
import { verdictKey } from "../format/benchmarkVerdict.ts";
import { ragTag } from "./cells.ts";
import { ASSURANCE_WORDS, assuranceIcon, VARIATION_WORDS, variationIcon } from "./icons.ts";
import type { SiteData } from "./views.ts";

export function keyData(data: DataSet, publicEdition?: PublicEditionNote): SiteData["key"] {
  const threshold = data.authority.dot.convention === "threshold";
  const dot = threshold
    ? [
        { symbol: "↑", text: `Up ${Math.round((data.authority.dot as { threshold: number }).threshold * 100)}% or more on last month`, tone: "neutral" },
        { symbol: "⇒", text: "Similar to last month", tone: "neutral" },
        { symbol: "↓", text: `Down ${Math.round((data.authority.dot as { threshold: number }).threshold * 100)}% or more on last month`, tone: "neutral" },
      ]
    : [
        { symbol: "↑", text: "Improvement in performance (or, where no judgement is made, an increase in numbers)", tone: "positive" },
        { symbol: "→", text: "No movement: the same as last month", tone: "similar" },
        { symbol: "↓", text: "Decline in performance (or, where no judgement is made, a decrease in numbers)", tone: "negative" },
      ];
  return {
    dot,
    variation: data.authority.display.spc
      ? Object.entries(VARIATION_WORDS).map(([n, text]) => ({ html: variationIcon(n), text }))
      : [],
    assurance: data.authority.display.spc ? Object.entries(ASSURANCE_WORDS).map(([n, text]) => ({ html: assuranceIcon(n), text })) : [],
    withheld: publicEdition
      ? [{ symbol: publicEdition.symbol, text: withheldKey(publicEdition.symbol, publicEdition.threshold, publicEdition.suppressZero, publicEdition.rounding).replace(/^[^:]*: /, "") }]
      : [],
    notes: {
      rag: data.authority.display.rag
        ? [
            "RAG rates the month's figure before it is rounded: for example, a figure shown as 68.0% may be 67.98%, below an Amber band that starts at 68%. " +
              "Where rounding would suggest another rating, the month's figure is shown with more decimals (67.98%).",
          ]
        : [],
      variation: data.authority.display.spc
        ? ["Blank: no judgement. There are too few points since the indicator began or its process last changed to set process limits, or the figure is not monthly."]
        : [],
      assurance: data.authority.display.spc ? ["Blank: no target to judge against (or a target range), or no process limits yet."] : [],
      benchmarks: data.authority.benchmarks.columns.length ? [verdictKey(data.authority.benchmarks.year, data.authority.benchmarks.similarWithin)] : [],
    },
    spcCharts: data.authority.display.spc
      ? {
          site: "Each monthly indicator's SPC chart is on its own page (follow the indicator's link).",
          print: "This pack prints the SPC charts its sections ask for; every monthly indicator's SPC chart is on its page of the website (Indicators).",
        }
      : null,
    rag: !data.authority.display.rag ? [] : [
      { html: ragTag("green"), text: "On or better than target" },
      { html: ragTag("amber"), text: "Within tolerance of the target" },
      { html: ragTag("red"), text: "Outside tolerance: not on target" },
    ],
  };
}
