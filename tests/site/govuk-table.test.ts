// The site's and the pack's tables (templates/partials/govuk-table.njk) are
// GOV.UK Frontend's table template with a body cell's attributes written in
// place, for speed: the markup must be exactly what govukTable gives for the
// same table, whatever it holds.
import { describe, expect, it } from "vitest";
import { nunjucksEnvironment } from "../../scripts/site/nunjucksEnv.mjs";

const env = nunjucksEnvironment(["templates"]);

const viaGovuk = (params: object) => env.renderString(`{% from "govuk/components/table/macro.njk" import govukTable %}{{ govukTable(params) }}`, { params });
const viaPartial = (params: object) => env.renderString(`{% from "partials/govuk-table.njk" import bpGovukTable %}{{ bpGovukTable(params) }}`, { params });

const head = [{ text: "Ref" }, { text: "Indicator", classes: "bp-wide" }, { text: "Dec-20", format: "numeric" }, { html: "<abbr title=\"Year to date\">YTD</abbr>", format: "numeric", colspan: 2 }];
const rows = [
  [{ text: "1.1", attributes: { id: "summary-1-1" } }, { html: '<a href="/indicators/1-1/">Contacts &amp; referrals</a>' }, { text: "1,234", format: "numeric" }, { text: "5.2%", format: "numeric", classes: "bp-red" }, { text: "c", format: "numeric", attributes: { "aria-label": 'withheld "small" <5>', "data-n": 3 } }],
  null,
  [{ text: "Total", colspan: 2, classes: "bp-total" }, { text: "<b>9</b> & 'x'", rowspan: 2 }, { text: "" }, { text: "-" }],
  [{ text: "1.2" }],
];

describe("the table partial", () => {
  const cases: [string, object][] = [
    ["caption, classes, head and body with every kind of cell", { caption: "Contacts: in-month performance", captionClasses: "govuk-table__caption--s", firstCellIsHeader: true, head, rows, classes: "bp-summary-table" }],
    ["no first-cell header", { head, rows }],
    ["no head, no caption", { rows }],
    ["no rows", { caption: "Empty", head, rows: [] }],
    ["table attributes", { attributes: { id: "t1", "data-x": "<y>" }, rows: [[{ text: "a" }, { text: "b" }]] }],
  ];
  for (const [name, params] of cases) {
    it(`is GOV.UK Frontend's table markup, byte for byte: ${name}`, () => {
      const html = viaPartial(params);
      expect(html).toBe(viaGovuk(params));
      expect(html).toContain("<table");
    });
  }
});
