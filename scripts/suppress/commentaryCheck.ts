// Commentary is written by people and may name small numbers of children.
// The public build cannot tell a count from a date or a team number, so it
// warns (file and line) on every whole number from 1 to the threshold in the
// text the public edition would show, and on number words before a noun for
// people ("two children"), and leaves the judgement to the author.
import type { Commentary, DataSet } from "../model/types.ts";
import type { Problems } from "../model/problems.ts";
import type { SuppressionSettings } from "./settings.ts";

const WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];
const PEOPLE = /^(?:\s+(?:more|fewer|other|new|further|additional|young|older|looked[- ]after|care|unaccompanied|disabled))*\s+(children|child|young people|young person|people|families|family|siblings|sibling|babies|baby|care leavers|leavers|carers|adopters|adoptions|households|boys|girls|cases|referrals|plans|placements|mothers|fathers|parents)\b/i;

const DURATION = /^\s+(?:working\s+|calendar\s+|school\s+)?(?:days?|weeks?|fortnights?|months?|years?|yrs?|hours?|hrs?|minutes?|mins?|terms?|quarters?|sessions?)\b/i;
const RANGE = /^\s*(?:to|up to|-|–|and|or)\s*\d/i;
const NUMBERED = /\b(?:week|page|section|team|stage|level|tier|phase|step|year|quarter|q|term|priority|option|appendix|table|chart|figure|item|point|area|locality|unit|ward|band|grade|version)\s*$/i;

export interface SmallNumber {
  line: number;
  text: string;
}

/** Whole numbers from 1 to the threshold (0 too if suppressed) that read as counts, with their line. */
export function smallNumbers(markdown: string, firstLine: number, settings: Pick<SuppressionSettings, "threshold" | "suppressZero">): SmallNumber[] {
  const out: SmallNumber[] = [];
  const isSmall = (n: number) => (n === 0 ? settings.suppressZero : n >= 1 && n <= settings.threshold);
  markdown.split("\n").forEach((lineText, i) => {
    // Digits standing alone: not part of a decimal, a date (1/4, 2020-21), a percentage, an ordinal or a reference (1.5, S47).
    for (const m of lineText.matchAll(/(?<![\w.,/£$€#-])(\d+)(?![\w%/]|[.,:]\d|-\d)/g)) {
      if (!isSmall(Number(m[1]))) continue;
      const after = lineText.slice(m.index! + m[0].length);
      const before = lineText.slice(0, m.index!);
      // Durations, ranges and numbered things are not counts of children: "2 years", "1 to 19", "week 5".
      if (DURATION.test(after) || RANGE.test(after) || NUMBERED.test(before)) continue;
      const words = /^(?:\s+[^\s.,;:!?]+){0,3}/.exec(lineText.slice(m.index! + m[0].length))![0];
      out.push({ line: firstLine + i, text: `${m[1]}${words}` });
    }
    for (const m of lineText.matchAll(/\b([A-Za-z]+)\b/g)) {
      const n = WORDS.indexOf(m[1]!.toLowerCase());
      if (n < 0 || !isSmall(n)) continue;
      const after = lineText.slice(m.index! + m[0].length);
      const people = PEOPLE.exec(after);
      if (people) out.push({ line: firstLine + i, text: `${m[1]}${after.slice(0, people[0].length)}` });
    }
  });
  return out.sort((a, b) => a.line - b.line);
}

/**
 * Warns on the commentary the public edition would publish (the `public:`
 * blocks, and with `commentary: all` every text): small numbers, and figures
 * the tables withhold (`withheld(month)`: the withheld figures of that
 * month's report as the pages would print them, with what they are).
 */
export function checkPublicCommentary(
  commentary: Commentary[],
  settings: SuppressionSettings,
  problems: Problems,
  withheld: (month: string) => Map<string, string> = () => new Map(),
): void {
  for (const c of commentary) {
    if (c.draft) continue;
    const usesPublic = c.publicMarkdown !== undefined;
    if (!usesPublic && settings.commentary !== "all") continue;
    const text = usesPublic ? c.publicMarkdown! : c.markdown;
    const first = usesPublic ? (c.publicLine ?? 1) : c.line;
    const figures = withheld(c.month);
    text.split("\n").forEach((line, i) => {
      const said = new Set<string>();
      for (const m of line.matchAll(/(?<![\w.,])\d[\d,]*(?:\.\d+)?%?(?![\w%]|[.,]\d)/g)) {
        const what = figures.get(m[0]) ?? figures.get(m[0].replace(/%$/, ""));
        if (!what || said.has(m[0])) continue;
        said.add(m[0]);
        problems.warning(
          { file: c.file, line: first + i },
          `The public edition would publish "${m[0]}", which is ${what}, withheld in the tables.`,
          usesPublic ? "Reword the `public:` text so it does not give the figure." : "Write a `public:` block at the top of the file without the figure (see README, Public edition).",
        );
      }
    });
    for (const n of smallNumbers(text, first, settings)) {
      problems.warning(
        { file: c.file, line: n.line },
        `The public edition would publish "${n.text}", which may be a count of ${settings.suppressZero ? "0" : "1"} to ${settings.threshold} children.`,
        usesPublic
          ? "Check it cannot identify a child; if it could, reword the `public:` text at the top of the file."
          : "Check it cannot identify a child; if it could, add a `public:` block at the top of the file with the text the public edition shows instead (see README, Public edition).",
      );
    }
  }
}

/**
 * A percentage entered on its own (not "n of d", not computed, no
 * `percentageOf`) gives the public edition no count to judge: 50% may be 1
 * of 2 children. Each such indicator is named once, at its catalogue entry.
 */
export function checkPublicBases(data: Pick<DataSet, "indicators" | "months">, problems: Problems): void {
  for (const ind of data.indicators) {
    if (ind.unit !== "percentage" || ind.compute || ind.percentageOf) continue;
    const bare = data.months.some((m) => m.values.some((e) => e.ref === ind.ref && e.figure && e.figure.denominator === undefined));
    if (!bare) continue;
    problems.warning(
      ind.source,
      `The public edition cannot tell how many children ${ind.ref}'s percentages stand for (they are entered without numerator and denominator), so it shows them as they are.`,
      `Enter its figures as "numerator of denominator" (e.g. 12 of 40), or give \`percentageOf:\` the count it is a percentage of, so small numbers are withheld; or list it under publicEdition's \`withhold:\` or \`exempt:\` in authority.yaml.`,
    );
  }
}
