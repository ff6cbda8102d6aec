// Reads data/commentary/YYYY-MM/<section>.md: each section's commentary for a month.
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
