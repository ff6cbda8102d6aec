// Table cells in the shape GOV.UK's govukTable macro takes. Figures are
// formatted here, so templates print strings and do no arithmetic.
import type { Dot, DotConvention, Judgement, Rag, Unit } from "../model/types.ts";
import { DOT_SYMBOL, dotText } from "../format/dot.ts";
import { formatChange, formatFigureChange, formatNumber, formatValue } from "../format/number.ts";
import { govukMacro } from "./govuk.ts";
import { escapeHtml } from "../format/escape.ts";

export interface Cell {
  text?: string;
  html?: string;
  format?: "numeric";
  classes?: string;
  colspan?: number;
  attributes?: Record<string, string>;
}

export { escapeHtml };

export const textCell = (text: string, classes?: string): Cell => (classes ? { text, classes } : { text });

export interface FigureLike {
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  restated?: boolean;
  /** Words the source prints in place of a missing figure ("tbc"). */
  note?: string;
  /** Public edition: the symbol shown in place of a withheld figure (an indicator's result carries its list of withheld fields). */
  withheld?: string | { symbol: string; fields: string[] };
}

/** The public edition's mark for a withheld figure: the symbol, with words for screen readers. */
export function withheldCell(symbol: string): Cell {
  return {
    html: `<span class="bp-withheld" title="Withheld to protect privacy: a small number"><span aria-hidden="true">${escapeHtml(symbol)}</span><span class="govuk-visually-hidden">withheld</span></span>`,
    format: "numeric",
  };
}

function withheldSymbol(f: FigureLike | null): string | null {
  const w = f?.withheld;
  if (!w) return null;
  if (typeof w === "string") return w;
  return w.fields.includes("value") ? w.symbol : null;
}

/** A figure, with "n of d" under a percentage where both parts are known, and a restated mark; or the note in its place. */
export function figureCell(f: FigureLike | null, unit: Unit, decimals: number, options: { parts?: boolean } = {}): Cell {
  const symbol = withheldSymbol(f);
  if (symbol) return withheldCell(symbol);
  if ((f?.value ?? null) === null && f?.note) return { text: f.note, format: "numeric", classes: "bp-note" };
  const value = formatValue(f?.value ?? null, unit, decimals);
  const showParts = options.parts !== false && unit === "percentage" && f && f.numerator != null && f.denominator != null;
  const restated = f?.restated
    ? ` <span class="bp-restated" title="Restated since first published"><span aria-hidden="true">†</span><span class="govuk-visually-hidden"> (restated since first published)</span></span>`
    : "";
  if (!showParts && !restated) return { text: value, format: "numeric", classes: value === "n/a" ? "bp-na" : "" };
  const parts = showParts
    ? `<span class="bp-parts">${formatNumber(f!.numerator!, Number.isInteger(f!.numerator!) ? 0 : 1)} of ${formatNumber(f!.denominator!, Number.isInteger(f!.denominator!) ? 0 : 1)}</span>`
    : "";
  return { html: `${escapeHtml(value)}${restated}${parts ? ` ${parts}` : ""}`, format: "numeric" };
}

export function dotCell(dot: Dot | null, judgement: Judgement | null, convention: DotConvention, withheld: string | null = null): Cell {
  if (withheld) return { ...withheldCell(withheld), classes: "bp-cell-centre" };
  if (!dot) return { text: "n/a", classes: "bp-na" };
  const words = dotText(dot, judgement, convention.convention === "threshold" ? convention.threshold : undefined);
  const tone = judgement ?? "neutral";
  return {
    html: `<span class="bp-dot bp-dot--${tone}" title="${escapeHtml(words)}"><span aria-hidden="true">${DOT_SYMBOL[dot]}</span><span class="govuk-visually-hidden">${escapeHtml(words)}</span></span>`,
    classes: "bp-cell-centre",
  };
}

const RAG_TAG = { red: { text: "Red", classes: "govuk-tag--red" }, amber: { text: "Amber", classes: "govuk-tag--yellow" }, green: { text: "Green", classes: "govuk-tag--green" } } as const;

/** Each rating's tag, rendered once: a month's tables hold hundreds, and a Nunjucks render each was about 40 µs. */
const ragTags = new Map<Rag, string>();

export function ragTag(rag: Rag): string {
  let tag = ragTags.get(rag);
  if (tag === undefined) ragTags.set(rag, (tag = govukMacro("govukTag", { text: RAG_TAG[rag].text, classes: `${RAG_TAG[rag].classes} bp-rag` })));
  return tag;
}

export function ragCell(rag: Rag | null, withheld: string | null = null): Cell {
  if (withheld) return { ...withheldCell(withheld), classes: "bp-cell-centre" };
  return rag ? { html: ragTag(rag), classes: "bp-cell-centre" } : { text: "", classes: "bp-cell-centre" };
}

/**
 * An indicator's change on last month or last year: a percentage's in points
 * (`+0.43 points`), anything else's relative (`+24%`); or the public
 * edition's symbol where it is withheld.
 */
export function figureChangeCell(
  ind: { unit: Unit; decimals: number; value: number | null },
  from: number | null,
  relative: number | null,
  withheld: string | null = null,
): Cell {
  if (withheld) return withheldCell(withheld);
  return { text: formatFigureChange(ind, from, ind.value, relative, { short: true }), format: "numeric" };
}

/** A relative change (`+24%`), or the public edition's symbol where it is withheld. */
export function changeCell(change: number | null, withheld: string | null = null): Cell {
  if (withheld) return withheldCell(withheld);
  return { text: formatChange(change), format: "numeric" };
}
