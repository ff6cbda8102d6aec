// Text widths for Vega's layout without a canvas: per-character advance
// widths of Helvetica/Arial (Liberation Sans shares the metrics), in
// thousandths of an em. Vega's own estimate (0.8 em a character) is 1.4-1.8x
// too wide, so axis labels get dropped as "overlapping". vegaTextMetrics.ts
// makes Vega use them; this module does not load Vega (specs are made in the
// build's main thread, charts drawn in workers).
const ASCII = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
// prettier-ignore
const REGULAR = [278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584];
// prettier-ignore
const BOLD = [278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,333,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500,389,280,389,584];

const regular = new Map([...ASCII].map((c, i) => [c, REGULAR[i]!]));
const bold = new Map([...ASCII].map((c, i) => [c, BOLD[i]!]));

/** Width in pixels of `text` at `fontSize`. */
export function textWidth(text: string, fontSize: number, isBold = false): number {
  const table = isBold ? bold : regular;
  let units = 0;
  for (const ch of text) units += table.get(ch) ?? 556;
  return (units / 1000) * fontSize;
}
