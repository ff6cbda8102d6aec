// The pack's glossary: the abbreviations its text actually uses, from the
// built-in list of children's social care terms (glossaryTerms.ts) and the
// authority's own (authority.yaml `glossary:`, which also rewords a built-in
// term), in alphabetical order.
import { GLOSSARY_TERMS, type GlossaryTerm } from "./glossaryTerms.ts";

/** True if `form` appears in `text` as a word of its own (a plural or possessive "s" may follow: "SGOs", "S47's"). */
export function usesTerm(text: string, form: string): boolean {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![A-Za-z0-9])${escaped}(?:'?s)?(?![A-Za-z0-9])`).test(text);
}

/** Text of a piece of HTML, for searching: tags removed, entities of quotes and ampersands read. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** The glossary of `text`: every term it uses, the authority's meaning before the built-in one. */
export function glossaryFor(text: string, own: Record<string, string> = {}): { term: string; meaning: string }[] {
  const terms = new Map<string, GlossaryTerm>(GLOSSARY_TERMS.map((t) => [t.term, t]));
  for (const [term, meaning] of Object.entries(own)) terms.set(term, { ...terms.get(term), term, meaning });
  return [...terms.values()]
    .filter((t) => [t.term, ...(t.forms ?? [])].some((f) => usesTerm(text, f)))
    .map(({ term, meaning }) => ({ term, meaning }))
    .sort((a, b) => a.term.localeCompare(b.term, "en", { sensitivity: "base" }));
}
