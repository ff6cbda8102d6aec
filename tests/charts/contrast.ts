// WCAG contrast of two colours (#rgb or #rrggbb), and a colour's lightness
// as greyscale print shows it.

function channels(hex: string): [number, number, number] {
  let h = hex.trim().replace(/^#/, "").toLowerCase();
  if (h.length === 3) h = [...h].map((c) => c + c).join("");
  if (!/^[0-9a-f]{6}$/.test(h)) throw new Error(`not a hex colour: ${hex}`);
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as [number, number, number];
}

/** Relative luminance (WCAG 2.2). */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const NAMED: Record<string, string> = { white: "#ffffff", black: "#000000" };
/** A colour as written in SVG or CSS, as hex; null for none/transparent. */
export function toHex(colour: string | undefined | null): string | null {
  if (!colour || colour === "none" || colour === "transparent") return null;
  if (NAMED[colour]) return NAMED[colour]!;
  if (/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(colour)) return colour.toLowerCase();
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  if (rgb) return `#${rgb.slice(1, 4).map((n) => Number(n).toString(16).padStart(2, "0")).join("")}`;
  throw new Error(`unrecognised colour: ${colour}`);
}
