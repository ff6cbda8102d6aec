// Reads data/commentary/YYYY-MM/<section>.md: each section's commentary for a month.
import type { Commentary } from "../model/types.ts";

export function readCommentary(source: string, file: string, month: string, section: string): Commentary {
  return { month, section, markdown: source.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n").trim(), file };
}
