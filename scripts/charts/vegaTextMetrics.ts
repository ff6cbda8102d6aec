// Makes Vega measure text with textMetrics.ts's table (where charts are drawn).
import * as vega from "vega";
import { textWidth } from "./textMetrics.ts";

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
}

let installed = false;

/** Makes Vega measure text with the table (once per thread). */
export function installTextMetrics(): void {
  if (installed) return;
  installed = true;
  const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics;
  metrics.width = (item: TextItem, text: unknown) => {
    const t = text == null ? "" : String(text).trim();
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const isBold = item.fontWeight === "bold" || Number(item.fontWeight) >= 600;
    return textWidth(t, size, isBold);
  };
}
