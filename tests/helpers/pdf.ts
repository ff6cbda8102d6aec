// Reads a built PDF with poppler's tools (installed with Chromium by setup).
import { execFileSync } from "node:child_process";

export function pdfText(file: string, page?: number): string {
  const range = page ? ["-f", String(page), "-l", String(page)] : [];
  return execFileSync("pdftotext", [...range, "-layout", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** The text of every page, 1-based (index 0 unused). */
export function pdfPages(file: string): string[] {
  return ["", ...pdfText(file).split("\f").slice(0, -1)];
}

export function pdfInfo(file: string, page?: number): Record<string, string> {
  const range = page ? ["-f", String(page), "-l", String(page)] : [];
  const out = execFileSync("pdfinfo", [...range, file], { encoding: "utf8" });
  return Object.fromEntries(out.split("\n").filter((l) => l.includes(":")).map((l) => [l.slice(0, l.indexOf(":")).trim(), l.slice(l.indexOf(":") + 1).trim()]));
}
