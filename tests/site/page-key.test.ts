// A page's cache key (pageCache.ts) hashes its view, but a chart in it by
// what its SVGs are drawn from (ChartView.drawnFrom), not by their text: the
// key changes with the chart's specs, and not with SVG text it never reads.
import { describe, expect, it } from "vitest";
import { cachedPage } from "../../scripts/site/pageCache.ts";

const page = (chart: object) => ({ url: "/2020-12/contacts/", title: "Contacts", charts: [{ id: "c1", title: "Contacts", ...chart }] });
const key = (p: object) => cachedPage("base", p as { url: string }).file;

describe("a page's cache key", () => {
  it("takes a chart by what it is drawn from, not by its SVGs' text", () => {
    const drawn = { svg: "<svg>one</svg>", svgNarrow: "<svg>one narrow</svg>", drawnFrom: "a b" };
    expect(key(page(drawn))).toBe(key(page({ ...drawn, svg: "<svg>two</svg>", svgNarrow: "" })));
    // Other specs: another key.
    expect(key(page(drawn))).not.toBe(key(page({ ...drawn, drawnFrom: "a c" })));
    // The rest of the chart's view still counts (its title is in its SVG's text alternative).
    expect(key(page(drawn))).not.toBe(key(page({ ...drawn, title: "Contacts received" })));
  });

  it("hashes the SVGs' text of a chart that does not say what it is drawn from", () => {
    const svg = { svg: "<svg>one</svg>", svgNarrow: "<svg>one narrow</svg>" };
    expect(key(page(svg))).not.toBe(key(page({ ...svg, svg: "<svg>two</svg>" })));
    // And the base (templates, code, settings) is in every key.
    expect(cachedPage("base", page(svg)).file).not.toBe(cachedPage("other", page(svg)).file);
  });
});
