// The look of every chart: sizes, fonts and a palette that reads on white
// paper, in greyscale and with colour-blindness.
//
// Every colour that carries meaning (a line, a point, a bar) has 3:1 contrast
// or more against the white background (WCAG 1.4.11); lines also differ by
// dash and series by point shape, so nothing is told by colour alone.

export const FONT = "Liberation Sans, Arial, Helvetica, sans-serif";

/**
 * The smallest text in any chart, in CSS px of the SVG. The wide variant
 * prints at 97% (640 px placed in a 165 mm column: 8.8 pt); the narrow
 * variant is shown at 11 px or more from a 320 px phone up.
 */
export const FONT_SIZE = 12;

/**
 * Each chart is drawn twice: `wide` for screens from 44em (704 px) and for
 * print, `narrow` for phones (290 px of a 320 px screen: 11.2 px text). The sizes are the whole SVG (autosize "fit"):
 * print CSS that places the wide SVG at 569 px (150.6 mm) or more keeps its
 * text at 8 pt or more.
 */
export const SIZES = {
  wide: { width: 640, height: 290 },
  narrow: { width: 310, height: 260 },
} as const;
export type Variant = keyof typeof SIZES;
export const VARIANTS = Object.keys(SIZES) as Variant[];

export const TEXT_COLOUR = "#0b0c0c";
export const AXIS_COLOUR = "#505a5f";
/** Grid lines are decoration (the axis labels carry the values), so they may be light. */
export const GRID_COLOUR = "#e5e6e7";

/**
 * Okabe-Ito hues, darkened where needed for 3:1 on white, in an order whose
 * neighbours also differ in lightness (bars have no other cue in greyscale).
 * None is black or the text's near-black: a series in black reads as an
 * axis line, a rule or text, and a thin one near 0 is lost against the axis.
 */
export const SERIES_COLOURS = ["#0b4f8a", "#c05600", "#009e73", "#9e1b32", "#a0307c", "#6b5a00"];
/** Point shapes of the series, in the same order: a second cue besides colour. */
export const SERIES_SHAPES = ["circle", "square", "triangle-up", "diamond", "triangle-down", "cross"] as const;

export const REFERENCE_COLOURS = {
  target: "#00703c",
  statNeighbour: "#6f3c96",
  bestStatNeighbour: "#6f3c96",
  england: "#505a5f",
  englandTopQuartile: "#505a5f",
  region: "#505a5f",
} as const;
/** Dash patterns of reference lines: target, statistical neighbours and England differ in greyscale too. */
export const REFERENCE_DASHES = {
  target: [10, 4],
  statNeighbour: [4, 3],
  bestStatNeighbour: [4, 3],
  england: [1.5, 3],
  englandTopQuartile: [1.5, 3],
  region: [1.5, 3],
} as const;

/**
 * Making Data Count's hues for special causes, darkened to 3:1 or more on
 * white (its light blue #00b0f0 has 2.48:1). The SPC charts and the icons in
 * the summary share them, and the shapes: improvement and concern differ in
 * greyscale too.
 */
export const SPC_COLOURS = { improvement: "#005eb8", concern: "#c05600", neutral: "#490092", common: "#6f777b" } as const;
export const SPC_SHAPES = { improvement: "circle", concern: "diamond", neutral: "square", common: "circle" } as const;

export const STROKE_WIDTH = 2.5;
export const REFERENCE_STROKE_WIDTH = 2;

export function vegaLiteConfig(variant: Variant) {
  return {
    font: FONT,
    aria: false,
    background: "white",
    autosize: { type: "fit" as const, contains: "padding" as const },
    padding: { left: 2, right: variant === "wide" ? 8 : 4, top: 6, bottom: 2 },
    view: { stroke: null },
    axis: {
      labelFontSize: FONT_SIZE,
      titleFontSize: FONT_SIZE,
      labelColor: TEXT_COLOUR,
      titleColor: TEXT_COLOUR,
      gridColor: GRID_COLOUR,
      domainColor: AXIS_COLOUR,
      tickColor: AXIS_COLOUR,
      titleFontWeight: "normal" as const,
    },
    axisX: { labelAngle: 0 },
    axisY: { labelOverlap: true },
    text: { font: FONT, fontSize: FONT_SIZE, color: TEXT_COLOUR },
    // Vega's own number locale, but for its currency: a format's `$` puts a % after the number (specs.ts, yEncoding).
    locale: { number: { decimal: ".", thousands: ",", grouping: [3], currency: ["", "%"] } },
  };
}
