// Labels drawn above a chart's plot (a process change's reason, a note that
// a segment has too few points for limits), each beside a vertical rule at its
// month: wrapped to the room they have and stacked where they would overlap,
// so they never cross a line or a point. Line charts and SPC charts share them.
import { FONT_SIZE, TEXT_COLOUR } from "./theme.ts";
import { textWidth } from "./textMetrics.ts";

/** The dashed rule of a process change (SPC charts and line charts). */
export const CHANGE_STYLE = { colour: TEXT_COLOUR, dash: [3, 3] } as const;

const LINE_HEIGHT = FONT_SIZE + 3;
/** Space between the plot's top and the lowest label above it. */
const LABEL_GAP = 9;

/** Words wrapped into lines no wider than `width` px at the chart's font size. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, FONT_SIZE) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export interface Label {
  /** Index of the category whose left edge the label hangs from. */
  index: number;
  lines: string[];
  align: "left" | "right";
  /** Lines between the plot's top and the label's last line. */
  level: number;
}

/**
 * Places the labels above the plot: beside their rule, on the side with room
 * (right where it fits), wrapped to that room, one above another where they
 * would overlap. Geometry is estimated from the chart's size (Vega's point
 * scale puts category k's left edge at k/n of the plot).
 */
export function placeLabels(texts: { index: number; text: string }[], categories: number, plotWidth: number, leftMargin: number): Label[] {
  const placed: (Label & { x0: number; x1: number })[] = [];
  for (const t of texts) {
    const x = (plotWidth * t.index) / categories;
    const right = plotWidth - x - 4;
    const left = x + leftMargin - 4;
    const widest = (ls: string[]) => Math.max(...ls.map((l) => textWidth(l, FONT_SIZE)));
    const paragraphs = t.text.split("\n");
    const fits = (w: number) => paragraphs.every((p) => textWidth(p, FONT_SIZE) <= w);
    const align: "left" | "right" = fits(right) || right >= left ? "left" : "right";
    const room = align === "left" ? right : left;
    const lines = paragraphs.flatMap((p) => wrapText(p, room));
    const w = widest(lines);
    const x0 = align === "left" ? x : x - w;
    const x1 = align === "left" ? x + w : x;
    let level = 0;
    while (placed.some((p) => p.x0 < x1 + 6 && x0 < p.x1 + 6 && level < p.level + p.lines.length && p.level < level + lines.length)) level++;
    placed.push({ index: t.index, lines, align, level, x0, x1 });
  }
  return placed.map(({ index, lines, align, level }) => ({ index, lines, align, level }));
}

/**
 * Vega-Lite layers for placed labels: the text above the plot, and a dashed
 * vertical rule at the label's category where `ruled` says so (a process
 * change; a note needs none). `x` is the chart's x encoding.
 */
export function changeLayers(labels: Label[], categories: string[], x: object, ruled: (category: string) => boolean, style: { colour: string; dash: readonly number[] }): object[] {
  const layers: object[] = [];
  for (const label of labels) {
    const at = { x: categories[label.index]! };
    if (ruled(at.x)) {
      layers.push({
        data: { values: [at] },
        mark: { type: "rule", color: style.colour, strokeDash: [...style.dash], strokeWidth: 1.5 },
        encoding: { x: { ...x, bandPosition: 0 } },
      });
    }
    layers.push({
      data: { values: [at] },
      mark: {
        type: "text",
        text: label.lines,
        align: label.align,
        baseline: "bottom",
        lineHeight: LINE_HEIGHT,
        dx: label.align === "left" ? 4 : -4,
        // Above the plot, clear of a special-cause point at the top of the axis (radius about 6 px);
        // the last line's bottom `level` lines up.
        y: -LABEL_GAP - label.level * LINE_HEIGHT - (label.lines.length - 1) * LINE_HEIGHT,
        fontSize: FONT_SIZE,
        color: TEXT_COLOUR,
      },
      encoding: { x: { ...x, bandPosition: 0 } },
    });
  }
  return layers;
}
