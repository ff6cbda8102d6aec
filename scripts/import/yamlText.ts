// Small pieces of YAML text as boardpack's data files write them.
import { dump } from "js-yaml";

/** A string as a YAML scalar (quoted only where it must be). */
export function yamlScalar(v: unknown): string {
  return dump(v, { lineWidth: -1, quoteStyle: "double" }).trim();
}

/** A reference as a key: kept as written (`1.10`, `M6-QL (val)`), quoted only where YAML needs it. */
export function yamlKey(ref: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._%()/+ -]*[A-Za-z0-9%)]$|^[A-Za-z0-9]$/.test(ref) && !/:\s|\s#|^(true|false|null|yes|no|on|off|~)$/i.test(ref) ? ref : yamlScalar(ref);
}

/** Figures are written bare (`1,234`, `57.2%`, `-`, `3 of 4`): the data files read them as text. */
export function yamlFigure(text: string): string {
  return /^(-?[\d,]+(\.\d+)?%?|-|\d+ of \d+)$/.test(text) ? text : yamlScalar(text);
}

/** `  ref: figure` padded so the comments line up, as in the bundled example. */
export function figureLine(indent: string, ref: string, figure: string, comment?: string): string {
  const entry = `${indent}${yamlKey(ref)}: ${yamlFigure(figure)}`;
  if (!comment) return entry;
  const note = comment.length > 70 ? `${comment.slice(0, 67)}...` : comment;
  return `${entry.padEnd(Math.max(28, entry.length + 1))}# ${note}`;
}
