// The Making Data Count icons as inline SVG, each with its words as the
// image's text alternative. They read without colour: improvement is a filled
// circle, concern a filled diamond, neither an outlined circle, common cause
// an outlined circle with a wave; a letter (H, L, P, F, ?) and an arrow say
// which way. Colours are those of the SPC charts, 3:1 or more on white, and
// the letters inside filled shapes are white (4.5:1 or more on the fill).
import { escapeHtml } from "../format/escape.ts";
import { SPC_COLOURS } from "../charts/theme.ts";

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
  inconsistent: "Hit and miss: the target lies within the process limits, so the process will hit and miss it",
};

/** Every colour an icon uses, with the background each is drawn on, for the contrast test. */
export const ICON_COLOURS = { ...SPC_COLOURS, white: "#ffffff" } as const;
const WHITE = ICON_COLOURS.white;

type Outline = { shape: "circle" | "diamond"; colour: string; filled: boolean };

function icon(outline: Outline, inner: string, words: string, cls: string): string {
  const { shape, colour, filled } = outline;
  const body =
    shape === "circle"
      ? `<circle cx="16" cy="16" r="${filled ? 15 : 13.5}" fill="${filled ? colour : WHITE}" stroke="${colour}" stroke-width="${filled ? 1 : 3}"/>`
      : `<path d="M16 0.5 L31.5 16 L16 31.5 L0.5 16 Z" fill="${colour}"/>`;
  return (
    `<svg class="bp-icon ${cls}" viewBox="0 0 32 32" width="28" height="28" role="img" aria-label="${escapeHtml(words)}" focusable="false">` +
    `<title>${escapeHtml(words)}</title>${body}${inner}</svg>`
  );
}

const letter = (ch: string, colour: string, x = 16) =>
  `<text x="${x}" y="21.5" text-anchor="middle" font-family="Liberation Sans, Arial, sans-serif" font-size="15" font-weight="bold" fill="${colour}">${ch}</text>`;

/** A small triangle right of the letter, inside a ring's inner edge: up for higher, down for lower. */
const arrow = (up: boolean, colour: string) => (up ? `<path d="M23.5 10 l3.25 5 h-6.5 z" fill="${colour}"/>` : `<path d="M23.5 22 l3.25 -5 h-6.5 z" fill="${colour}"/>`);

export function variationIcon(name: string | null | undefined): string {
  if (!name) return "";
  const words = VARIATION_WORDS[name] ?? name;
  if (name === "common-cause") {
    const grey = SPC_COLOURS.common;
    return icon({ shape: "circle", colour: grey, filled: false }, `<path d="M7 17 l4 -4 l4 6 l4 -6 l4 6 l3 -3" fill="none" stroke="${grey}" stroke-width="2" stroke-linejoin="round"/>`, words, "bp-icon--common");
  }
  const [kind, side] = name.split("-") as ["improvement" | "concern" | "neutral", "high" | "low"];
  const ch = side === "high" ? "H" : "L";
  const up = side === "high";
  if (kind === "improvement") {
    return icon({ shape: "circle", colour: SPC_COLOURS.improvement, filled: true }, letter(ch, WHITE, 13) + arrow(up, WHITE), words, "bp-icon--improvement");
  }
  if (kind === "concern") {
    return icon({ shape: "diamond", colour: SPC_COLOURS.concern, filled: true }, letter(ch, WHITE, 13) + arrow(up, WHITE), words, "bp-icon--concern");
  }
  return icon({ shape: "circle", colour: SPC_COLOURS.neutral, filled: false }, letter(ch, SPC_COLOURS.neutral, 13) + arrow(up, SPC_COLOURS.neutral), words, "bp-icon--neutral");
}

export function assuranceIcon(name: string | null | undefined): string {
  if (!name) return "";
  const words = ASSURANCE_WORDS[name] ?? name;
  if (name === "consistently-pass") return icon({ shape: "circle", colour: SPC_COLOURS.improvement, filled: true }, letter("P", WHITE), words, "bp-icon--pass");
  if (name === "consistently-fail") return icon({ shape: "diamond", colour: SPC_COLOURS.concern, filled: true }, letter("F", WHITE), words, "bp-icon--fail");
  return icon({ shape: "circle", colour: SPC_COLOURS.common, filled: false }, letter("?", SPC_COLOURS.common), words, "bp-icon--inconsistent");
}
