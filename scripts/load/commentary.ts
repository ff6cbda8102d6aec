// Reads data/commentary/YYYY-MM/<section>.md: each section's commentary for a month.
import type { Problems } from "../model/problems.ts";
import type { Commentary } from "../model/types.ts";

/** The line `npm run new-month` puts above drafted text; delete it to make the text your own. */
export const DRAFT_MARKER = "<!-- boardpack:draft";

/** HTML comments (`<!-- ... -->`) are notes to the people editing the file, never published. */
export function readCommentary(source: string, file: string, month: string, section: string): Commentary {
  const draft = source.includes(DRAFT_MARKER);
  const markdown = source
    .replace(/^\uFEFF/, "")
    .replace(/\r\n/g, "\n")
    .replace(/<!--[\s\S]*?-->/g, "")
    .trim();
  return { month, section, markdown, file, draft };
}

/** Words that point at a place on paper, which moves from one month's pack to the next and is not there on the site. */
const PAGE_REFERENCE = /\b(?:(?:on |see )?the (?:previous|next|following|preceding) page|overleaf|(?:on |see )page \d+)\b/i;

/** Warns where commentary points at another page: pages move with every month's figures. */
export function checkPageReferences(source: string, file: string, problems: Problems): void {
  source.split(/\r?\n/).forEach((line, i) => {
    const m = PAGE_REFERENCE.exec(line);
    if (m) {
      problems.warning(
        { file, line: i + 1 },
        `The commentary says "${m[0]}", but pages move from one month's pack to the next, and the site has no pages.`,
        "Name the section instead (e.g. \"see the Contacts section\").",
      );
    }
  });
}
