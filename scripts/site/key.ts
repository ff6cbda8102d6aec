// The key to the summary's symbols: DoT arrows, RAG tags, SPC icons (every
// icon the summary can show: the key is built from the icons' own word lists).
import type { DataSet, PublicEditionNote } from "../model/types.ts";
import { withheldKey } from "../format/withheld.ts";
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
    rag: !data.authority.display.rag ? [] : [
      { html: ragTag("green"), text: "On or better than target" },
      { html: ragTag("amber"), text: "Within tolerance of the target" },
      { html: ragTag("red"), text: "Outside tolerance: not on target" },
    ],
  };
}
