// The summary's symbols read without colour and with enough contrast:
// - every SPC icon has 3:1 or more on white, and its letter or arrow 3:1 or
//   more on the shape it sits on (the light blue #00b0f0 of Making Data Count
//   had 2.48:1);
// - any two icons differ in more than colour (improvement is a filled
//   circle, concern a filled diamond...), so a greyscale print keeps them apart;
// - every icon (and RAG state) is in the key, and each RAG state says its word.
import { parse, type HTMLElement } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { ASSURANCE_WORDS, assuranceIcon, VARIATION_WORDS, variationIcon } from "../../scripts/site/icons.ts";
import { keyData } from "../../scripts/site/key.ts";
import { ragTag } from "../../scripts/site/cells.ts";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { contrast, luminance, toHex } from "./contrast.ts";

const icons = [
  ...Object.keys(VARIATION_WORDS).map((n) => ({ name: n, svg: variationIcon(n) })),
  ...Object.keys(ASSURANCE_WORDS).map((n) => ({ name: n, svg: assuranceIcon(n) })),
];

/** The shapes of an icon after its title: the first is the outline, the rest sit on it. */
function parts(svg: string): { outline: HTMLElement; inner: HTMLElement[] } {
  const root = parse(svg).querySelector("svg")!;
  const shapes = root.childNodes.filter((n): n is HTMLElement => n instanceof Object && "tagName" in n && (n as HTMLElement).tagName !== "TITLE");
  return { outline: shapes[0]!, inner: shapes.slice(1) };
}

const colourOf = (el: HTMLElement, attr: "fill" | "stroke") => toHex(el.getAttribute(attr));

describe("SPC icons", () => {
  it.each(icons)("$name: the shape has 3:1 on white, its letter and arrow 3:1 on the shape", ({ svg }) => {
    const { outline, inner } = parts(svg);
    const fill = colourOf(outline, "fill") ?? "#ffffff";
    const edge = fill === "#ffffff" ? colourOf(outline, "stroke")! : fill;
    expect(contrast(edge, "#ffffff")).toBeGreaterThanOrEqual(3);
    expect(inner.length).toBeGreaterThan(0);
    for (const el of inner) {
      const c = colourOf(el, "fill") ?? colourOf(el, "stroke")!;
      // A letter is text: 4.5:1 where the shape is filled, as on white.
      expect(contrast(c, fill)).toBeGreaterThanOrEqual(el.tagName === "TEXT" ? 4.5 : 3);
    }
  });

  it("differ in more than colour: with every colour made one grey, no two icons look the same", () => {
    const greyscale = (svg: string) => svg.replace(/(fill|stroke)="#[0-9a-f]{3,6}"/gi, '$1="grey"').replace(/<title>.*?<\/title>|aria-label="[^"]*"|bp-icon--[a-z-]+/g, "");
    const drawn = icons.map((i) => greyscale(i.svg));
    expect(new Set(drawn).size).toBe(icons.length);
  });

  it("keep improvement and concern apart in greyscale by shape, not only by lightness", () => {
    const shape = (svg: string) => parts(svg).outline.tagName + (parts(svg).outline.getAttribute("fill") === "#ffffff" ? " outline" : " filled");
    for (const side of ["high", "low"]) expect(shape(variationIcon(`improvement-${side}`))).not.toBe(shape(variationIcon(`concern-${side}`)));
    expect(shape(assuranceIcon("consistently-pass"))).not.toBe(shape(assuranceIcon("consistently-fail")));
    // And the darker of the two is not the same lightness either (a second cue on paper).
    const fillOf = (svg: string) => colourOf(parts(svg).outline, "fill")!;
    expect(Math.abs(luminance(fillOf(variationIcon("improvement-high"))) - luminance(fillOf(variationIcon("concern-high"))))).toBeGreaterThan(0.03);
  });

  it("each say in words what they show, as the image's text alternative", () => {
    for (const i of icons) {
      const svg = parse(i.svg).querySelector("svg")!;
      expect(svg.getAttribute("role")).toBe("img");
      expect(svg.getAttribute("aria-label")).toBe(VARIATION_WORDS[i.name] ?? ASSURANCE_WORDS[i.name]);
    }
  });
});

describe("the key", () => {
  const { data } = loadValidData("data");

  it("shows every icon the summary can show, drawn as the summary draws it", () => {
    const key = keyData(data);
    expect(key.variation.map((v) => v.html)).toEqual(Object.keys(VARIATION_WORDS).map(variationIcon));
    expect(key.assurance.map((v) => v.html)).toEqual(Object.keys(ASSURANCE_WORDS).map(assuranceIcon));
    expect(key.variation.map((v) => v.text)).toContain("Special cause variation, no judgement (lower)");
  });

  it("and every RAG state, each with its word (not colour alone)", () => {
    const key = keyData(data);
    expect(key.rag.map((r) => parse(r.html).text.trim())).toEqual(["Green", "Amber", "Red"]);
    for (const rag of ["red", "amber", "green"] as const) expect(parse(ragTag(rag)).text.trim().toLowerCase()).toBe(rag);
  });
});
