// A chart's key, drawn as HTML beside the SVG rather than as a Vega legend:
// HTML text wraps, never gets cut with "…", and survives a reader's own text
// spacing (WCAG 1.4.12). Each entry has a small SVG swatch that repeats the
// colour, the dash and the point shape of what it names.
import { escapeHtml } from "../format/escape.ts";

export interface KeyItem {
  label: string;
  /** Inline SVG, hidden from assistive technology (the label says it all). */
  swatch: string;
}

export type Shape = "circle" | "square" | "triangle-up" | "triangle-down" | "diamond" | "cross";

/** An SVG path of a point shape centred on (cx, cy), r its half-size. */
export function shapePath(shape: Shape, cx: number, cy: number, r: number): string {
  const f = (n: number) => Number(n.toFixed(2));
  switch (shape) {
    case "circle":
      return `M${f(cx - r)} ${f(cy)}a${f(r)} ${f(r)} 0 1 0 ${f(2 * r)} 0a${f(r)} ${f(r)} 0 1 0 ${f(-2 * r)} 0z`;
    case "square":
      return `M${f(cx - r * 0.85)} ${f(cy - r * 0.85)}h${f(1.7 * r)}v${f(1.7 * r)}h${f(-1.7 * r)}z`;
    case "triangle-up":
      return `M${f(cx)} ${f(cy - r)}L${f(cx + r)} ${f(cy + r * 0.8)}H${f(cx - r)}z`;
    case "triangle-down":
      return `M${f(cx)} ${f(cy + r)}L${f(cx + r)} ${f(cy - r * 0.8)}H${f(cx - r)}z`;
    case "diamond":
      return `M${f(cx)} ${f(cy - r * 1.15)}L${f(cx + r * 1.15)} ${f(cy)}L${f(cx)} ${f(cy + r * 1.15)}L${f(cx - r * 1.15)} ${f(cy)}z`;
    case "cross": {
      const a = r / 3;
      return `M${f(cx - a)} ${f(cy - r)}h${f(2 * a)}v${f(r - a)}h${f(r - a)}v${f(2 * a)}h${f(a - r)}v${f(r - a)}h${f(-2 * a)}v${f(a - r)}h${f(a - r)}v${f(-2 * a)}h${f(r - a)}z`;
    }
  }
}

const W = 32;
const H = 16;
const open = `<svg class="bp-chart-key__swatch" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" aria-hidden="true" focusable="false">`;

/** A line, optionally dashed, optionally with a point marker on it. */
export function lineSwatch(colour: string, opts: { dash?: readonly number[]; width?: number; shape?: Shape; pointFill?: string } = {}): string {
  const dash = opts.dash?.length ? ` stroke-dasharray="${opts.dash.join(" ")}"` : "";
  const point = opts.shape ? `<path d="${shapePath(opts.shape, W / 2, H / 2, 4)}" fill="${opts.pointFill ?? colour}" stroke="${colour}"/>` : "";
  return `${open}<line x1="1" y1="${H / 2}" x2="${W - 1}" y2="${H / 2}" stroke="${colour}" stroke-width="${opts.width ?? 2.5}"${dash}/>${point}</svg>`;
}

export function barSwatch(colour: string): string {
  return `${open}<rect x="8" y="1" width="16" height="14" fill="${colour}"/></svg>`;
}

export function pointSwatch(fill: string, shape: Shape, opts: { size?: number; stroke?: string } = {}): string {
  return `${open}<path d="${shapePath(shape, W / 2, H / 2, opts.size ?? 5.5)}" fill="${fill}" stroke="${opts.stroke ?? fill}" stroke-width="1"/></svg>`;
}

/** A vertical dotted rule (a rebase point of an SPC chart). */
export function ruleSwatch(colour: string, dash: readonly number[]): string {
  return `${open}<line x1="${W / 2}" y1="0" x2="${W / 2}" y2="${H}" stroke="${colour}" stroke-width="1.5" stroke-dasharray="${dash.join(" ")}"/></svg>`;
}

/** A word as it appears in the chart (a marker such as "n/a"). */
export function textSwatch(text: string, colour: string): string {
  return `${open}<text x="${W / 2}" y="12.5" text-anchor="middle" font-family="Liberation Sans, Arial, sans-serif" font-size="12" fill="${colour}">${escapeHtml(text)}</text></svg>`;
}

/** The key as HTML: a list, one entry a line, that wraps like any text. */
export function keyHtml(items: KeyItem[]): string {
  if (items.length === 0) return "";
  return `<ul class="bp-chart-key">${items.map((i) => `<li class="bp-chart-key__item">${i.swatch}<span class="bp-chart-key__label">${escapeHtml(i.label)}</span></li>`).join("")}</ul>`;
}
