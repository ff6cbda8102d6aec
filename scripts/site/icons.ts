// The Making Data Count icons as inline SVG: a coloured ring with a letter,
// so they read in greyscale and on paper, each with its words as the image's
// text alternative.
import { escapeHtml } from "../format/escape.ts";

const BLUE = "#00b0f0";
const ORANGE = "#e46c0a";
const PURPLE = "#490092";
const GREY = "#7f7f7f";

export const VARIATION_WORDS: Record<string, string> = {
  "common-cause": "Common cause variation",
  "improvement-high": "Special cause improvement (higher)",
  "improvement-low": "Special cause improvement (lower)",
  "concern-high": "Special cause concern (higher)",
  "concern-low": "Special cause concern (lower)",
  "neutral-high": "Special cause variation, no judgement (higher)",
  "neutral-low": "Special cause variation, no judgement (lower)",
};

export const ASSURANCE_WORDS: Record<string, string> = {
  "consistently-pass": "Consistently passes the target",
  "consistently-fail": "Consistently fails the target",
  inconsistent: "Hit and miss: passes and fails the target by chance",
};


function ring(colour: string, inner: string, words: string, cls: string): string {
  return (
    `<svg class="bp-icon ${cls}" viewBox="0 0 32 32" width="28" height="28" role="img" aria-label="${escapeHtml(words)}" focusable="false">` +
    `<title>${escapeHtml(words)}</title>` +
    `<circle cx="16" cy="16" r="14" fill="white" stroke="${colour}" stroke-width="3"/>${inner}</svg>`
  );
}

const letter = (ch: string, colour: string) =>
  `<text x="16" y="21.5" text-anchor="middle" font-family="Liberation Sans, Arial, sans-serif" font-size="15" font-weight="bold" fill="${colour}">${ch}</text>`;

const arrow = (up: boolean, colour: string) =>
  up ? `<path d="M23 8 l3 4 h-6 z" fill="${colour}"/>` : `<path d="M23 24 l3 -4 h-6 z" fill="${colour}"/>`;

export function variationIcon(name: string | null | undefined): string {
  if (!name) return "";
  const words = VARIATION_WORDS[name] ?? name;
  if (name === "common-cause") {
    return ring(GREY, `<path d="M7 17 l4 -4 l4 6 l4 -6 l4 6 l3 -3" fill="none" stroke="${GREY}" stroke-width="2" stroke-linejoin="round"/>`, words, "bp-icon--common");
  }
  const [kind, side] = name.split("-") as [string, "high" | "low"];
  const colour = kind === "improvement" ? BLUE : kind === "concern" ? ORANGE : PURPLE;
  return ring(colour, letter(side === "high" ? "H" : "L", colour) + arrow(side === "high", colour), words, `bp-icon--${kind}`);
}

export function assuranceIcon(name: string | null | undefined): string {
  if (!name) return "";
  const words = ASSURANCE_WORDS[name] ?? name;
  if (name === "consistently-pass") return ring(BLUE, letter("P", BLUE), words, "bp-icon--pass");
  if (name === "consistently-fail") return ring(ORANGE, letter("F", ORANGE), words, "bp-icon--fail");
  return ring(GREY, letter("?", GREY), words, "bp-icon--inconsistent");
}
