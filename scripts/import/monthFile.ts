// The text of a month file (data/months/YYYY-MM.yaml), written the way
// `npm run new-month` scaffolds it and a person fills it in: the figures
// grouped by section, each with its indicator's title in a comment.
import type { Month } from "../model/types.ts";
import { longMonth, addMonths } from "../metrics/months.ts";
import { figureLine, yamlKey } from "./yamlText.ts";

export interface MonthFileLine {
  ref: string;
  /** The figure as written ("1,234", "57.2%", "-"), or "" for a line left to fill in. */
  figure: string;
  /** The comment after it (the title, or new-month's hint for an empty line). */
  comment: string;
}

export interface MonthFileContent {
  /** Heading comment: who and where the figures came from. */
  heading: string[];
  month: Month;
  sections: { title: string; lines: MonthFileLine[] }[];
  /** A draft month (new-month's scaffold, or a month an update adds): `report: status: Draft`. */
  draft?: boolean;
  /** Earlier months' figures re-run in this month's extract. */
  restated?: { month: Month; lines: MonthFileLine[] }[];
}

export const NEW_MONTH_HELP = [
  "# Fill in each figure after the colon. Leave it empty or write - where there is no figure this month.",
  '# Figures are written 1234 (or 1,234), 57.2% or "n of d" (98 of 98). Indicators boardpack computes are not listed.',
];

export function monthFileText(content: MonthFileContent): string {
  const lines = [...content.heading, `month: ${content.month}`];
  if (content.draft) lines.push("report:", "  status: Draft", "  # created: YYYY-MM-DD");
  lines.push("values:");
  for (const section of content.sections) {
    if (section.lines.length === 0) continue;
    lines.push(`  # ${section.title}`);
    for (const l of section.lines) {
      lines.push(l.figure === "" ? `  ${yamlKey(l.ref)}:`.padEnd(16) + `# ${l.comment}` : figureLine("  ", l.ref, l.figure, l.comment));
    }
  }
  if (content.restated?.length) {
    lines.push(...restatedBlock(content.restated, ""));
  } else if (content.draft) {
    lines.push("", "# Figures for earlier months that the source system re-ran, e.g.:", "# restated:", `#   ${addMonths(content.month, -1)}:`, "#     1.5a: 224");
  }
  return lines.join("\n") + "\n";
}

/** A `restated:` block (at `indent`), or the month blocks inside one when `withKey` is false. */
export function restatedBlock(blocks: { month: Month; lines: MonthFileLine[] }[], indent: string, withKey = true): string[] {
  const out = withKey ? [`${indent}restated:`] : [];
  const inner = withKey ? `${indent}  ` : indent;
  for (const b of [...blocks].sort((a, c) => a.month.localeCompare(c.month))) {
    out.push(`${inner}${b.month}:`);
    for (const l of b.lines) out.push(figureLine(`${inner}  `, l.ref, l.figure, l.comment));
  }
  return out;
}

export function importedHeading(name: string, month: Month, source: string): string[] {
  return [`# ${name}: figures for ${longMonth(month)}, imported from ${source}.`, '# One line per indicator, `ref: figure`, grouped by section; "-" means no figure this month.'];
}
