// Commentary in the public edition: a `public:` block replaces the text, and
// small numbers in the text the public edition would show are warned about.
import { describe, expect, it } from "vitest";
import { readCommentary } from "../../scripts/load/commentary.ts";
import { Problems } from "../../scripts/model/problems.ts";
import { checkPublicCommentary, smallNumbers } from "../../scripts/suppress/commentaryCheck.ts";
import { DEFAULT_SUPPRESSION } from "../../scripts/suppress/settings.ts";

const FILE = "data/commentary/2020-12/adoption.md";

describe("a commentary file's public block", () => {
  it("is read with the line its text starts on, and the body keeps its own", () => {
    const c = readCommentary("---\npublic: |\n  Adoptions fell this month.\n---\n\nTwo children were adopted.\n", FILE, "2020-12", "adoption");
    expect(c.publicMarkdown).toBe("Adoptions fell this month.");
    expect(c.publicLine).toBe(3);
    expect(c.markdown).toBe("Two children were adopted.");
    expect(c.line).toBe(6);
  });

  it("keeps line numbers past notes to editors", () => {
    const c = readCommentary("<!-- a note\nover two lines -->\n\nText on line four.\n", FILE, "2020-12", "adoption");
    expect(c.markdown).toBe("Text on line four.");
    expect(c.line).toBe(4);
  });

  it("is an error naming the file and line when it is not YAML or holds anything but public", () => {
    const p = new Problems();
    readCommentary("---\npublic: [unclosed\n---\nText\n", FILE, "2020-12", "adoption", p);
    expect(p.errors[0]!.file).toBe(FILE);
    expect(p.errors[0]!.message).toMatch(/not valid YAML/);
    const q = new Problems();
    readCommentary("---\ntitle: Adoption\n---\nText\n", FILE, "2020-12", "adoption", q);
    expect(q.errors[0]!.message).toMatch(/may only hold `public:` \(it has "title"\)/);
  });
});

describe("small numbers in public commentary", () => {
  it("finds counts of 1 to 5 as digits and as words before people, not dates, decimals, percentages or references", () => {
    const text = ["Two children were adopted in December, and 3 more are placed.", "In 2020/21 the rate was 5.2% and 1.5 rose; see 3.1 and S47 data.", "There were 12 referrals; one of the areas improved."].join("\n");
    expect(smallNumbers(text, 10, DEFAULT_SUPPRESSION)).toEqual([
      { line: 10, text: "3 more are placed" },
      { line: 10, text: "Two children" },
    ]);
  });

  it("warns at the file and line of the text the public edition shows: every commentary with `commentary: all`", () => {
    const p = new Problems();
    const own = readCommentary("Intro.\n\nWe placed 2 children for adoption.\n", FILE, "2020-12", "adoption");
    const replaced = readCommentary("---\npublic: |\n  Placements rose.\n  Four children waited.\n---\nWe placed 2 children.\n", "data/commentary/2020-12/fostering.md", "2020-12", "fostering");
    checkPublicCommentary([own, replaced], { ...DEFAULT_SUPPRESSION, commentary: "all" }, p);
    expect(p.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`)).toEqual([
      `${FILE}:3: The public edition would publish "2 children for adoption", which may be a count of 1 to 5 children.`,
      `data/commentary/2020-12/fostering.md:4: The public edition would publish "Four children", which may be a count of 1 to 5 children.`,
    ]);
  });

  it("publishes, and so checks, only `public:` blocks by default (reviewed commentary)", () => {
    const p = new Problems();
    const own = readCommentary("We placed 2 children for adoption.\n", FILE, "2020-12", "adoption");
    const replaced = readCommentary("---\npublic: |\n  Four children waited.\n---\nWe placed 2 children.\n", "data/commentary/2020-12/fostering.md", "2020-12", "fostering");
    checkPublicCommentary([own, replaced], DEFAULT_SUPPRESSION, p);
    expect(p.warnings.map((w) => `${w.file}:${w.line}`)).toEqual(["data/commentary/2020-12/fostering.md:3"]);
  });

  it("warns where the text gives a figure the tables withhold", () => {
    const p = new Problems();
    const c = readCommentary("---\npublic: |\n  There were 86 CSE referrals this year (36.7% of all).\n---\nText\n", FILE, "2020-12", "adoption");
    const withheld = new Map([["86", "1.10's year to date"], ["36.7%", "3.5's figure for 2020-12"]]);
    checkPublicCommentary([c], DEFAULT_SUPPRESSION, p, (m) => (m === "2020-12" ? withheld : new Map()));
    expect(p.warnings.map((w) => w.message)).toEqual([
      `The public edition would publish "86", which is 1.10's year to date, withheld in the tables.`,
      `The public edition would publish "36.7%", which is 3.5's figure for 2020-12, withheld in the tables.`,
    ]);
  });
});

describe("percentages the public edition cannot judge", () => {
  it("are named once each, at their catalogue entry, unless entered as n of d or given a base", async () => {
    const { loadValidData } = await import("../../scripts/build/loadAndValidate.ts");
    const { checkPublicBases } = await import("../../scripts/suppress/commentaryCheck.ts");
    const path = await import("node:path");
    const { data } = loadValidData(path.join(import.meta.dirname, "..", "..", "data"));
    const p = new Problems();
    checkPublicBases(data, p);
    const refs = p.warnings.map((w) => /cannot tell how many children (\S+)'s/.exec(w.message)?.[1]);
    // 1.7 and 1.8 (re-referrals) are entered as bare percentages; 1.6 has percentageOf; 1.2% is computed; 5.13 is "n of d".
    expect(refs).toContain("1.7");
    expect(refs).toContain("1.8");
    expect(refs).not.toContain("1.6");
    expect(refs).not.toContain("1.2%");
    expect(refs).not.toContain("5.13");
    expect(new Set(refs).size).toBe(refs.length);
    expect(p.warnings.find((w) => w.message.includes("1.7's"))!.file).toMatch(/indicators\/referrals\.yaml$/);
  });
});
