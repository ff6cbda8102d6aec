// Reads data/commentary/YYYY-MM/<section>.md: each section's commentary for a month.
//
// A file may start with a front matter block giving the text the public
// edition shows instead (commentary can name small numbers of children):
//
//   ---
//   public: |
//     Adoptions were lower this month than last.
//   ---
//   Two children were adopted this month, ...
import { load } from "js-yaml";
import type { Problems } from "../model/problems.ts";
import type { Commentary } from "../model/types.ts";

/** The line `npm run new-month` puts above drafted text; delete it to make the text your own. */
export const DRAFT_MARKER = "<!-- boardpack:draft";

/** HTML comments are notes to the people editing the file, never published; their lines are kept blank so line numbers hold. */
function withoutNotes(s: string): string {
  return s.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ""));
}

const linesIn = (s: string) => (s.match(/\n/g) ?? []).length;

/** The trimmed text and the line (1-based, in the file) where it starts. */
function placed(text: string, firstLine: number): { markdown: string; line: number } {
  const lead = /^\s*/.exec(text)![0];
  return { markdown: text.trim(), line: firstLine + linesIn(lead.slice(0, lead.lastIndexOf("\n") + 1)) };
}

export function readCommentary(source: string, file: string, month: string, section: string, problems?: Problems): Commentary {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
  const draft = text.includes(DRAFT_MARKER);
  const front = /^---[ \t]*\n([\s\S]*?)\n?---[ \t]*(?:\n|$)/.exec(text);
  const body = front ? text.slice(front[0].length) : text;
  const { markdown, line } = placed(withoutNotes(body), front ? 1 + linesIn(front[0]) : 1);
  const out: Commentary = { month, section, markdown, file, draft, line };
  if (!front) return out;

  let settings: unknown;
  try {
    settings = load(front[1] ?? "");
  } catch (e) {
    const mark = (e as { mark?: { line?: number } }).mark;
    problems?.error({ file, line: 2 + (mark?.line ?? 0) }, `The block at the top of the file (between the --- lines) is not valid YAML: ${(e as Error).message.split("\n")[0]}`, "Write it as `public: |` followed by the public text, indented by two spaces.");
    return out;
  }
  const keys = settings && typeof settings === "object" ? Object.keys(settings) : [];
  const unknownKey = keys.find((k) => k !== "public");
  if (settings !== null && settings !== undefined && (typeof settings !== "object" || unknownKey)) {
    problems?.error({ file, line: 2 }, `The block at the top of the file may only hold \`public:\`${unknownKey ? ` (it has "${unknownKey}")` : ""}.`, "Write `public: |` and the text the public edition shows instead, indented; or remove the block.");
    return out;
  }
  const pub = (settings as { public?: unknown } | null)?.public;
  if (pub === undefined) return out;
  if (pub !== null && typeof pub !== "string") {
    problems?.error({ file, line: 2 }, "`public:` must be text (the commentary the public edition shows).", "Write `public: |` and the text on the lines below it, indented by two spaces; or `public: \"\"` for none.");
    return out;
  }
  const keyLine = (front[1] ?? "").split("\n").findIndex((l) => /^public\s*:/.test(l));
  const blockScalar = /^public\s*:\s*[|>]/.test((front[1] ?? "").split("\n")[keyLine] ?? "");
  out.publicMarkdown = withoutNotes(pub ?? "").trim();
  out.publicLine = 2 + keyLine + (blockScalar ? 1 : 0);
  return out;
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
