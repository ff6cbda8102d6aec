// The site's breadcrumbs (templates/partials/govuk-breadcrumbs.njk) are GOV.UK
// Frontend's breadcrumbs template with the attributes written in place, for
// speed (an indicator page of a long archive carries a trail for every month):
// the markup must be exactly what govukBreadcrumbs gives, whatever it holds.
import { describe, expect, it } from "vitest";
import { nunjucksEnvironment } from "../../scripts/site/nunjucksEnv.mjs";

const env = nunjucksEnvironment(["templates"]);

const viaGovuk = (params: object) => env.renderString(`{% from "govuk/components/breadcrumbs/macro.njk" import govukBreadcrumbs %}{{ govukBreadcrumbs(params) }}`, { params });
const viaPartial = (params: object) => env.renderString(`{% from "partials/govuk-breadcrumbs.njk" import bpGovukBreadcrumbs %}{{ bpGovukBreadcrumbs(params) }}`, { params });

const items = [
  { text: "December 2020", href: "../../2020-12/index.html" },
  { text: "Children & families <in care>", href: "../../2020-12/looked-after-children/index.html", attributes: { "data-month": "2020-12", title: 'say "this"' } },
  { html: "<abbr title=\"Section 47\">S47</abbr> enquiries", href: "../s47/" },
  { text: "7.8" },
];

describe("the breadcrumbs partial", () => {
  const cases: [string, object][] = [
    ["a month's trail as an indicator page carries it", { items, classes: "govuk-!-display-none-print bp-trail bp-trail--default", attributes: { id: "from-2020-12" } }],
    ["no classes, no attributes", { items }],
    ["collapsed on a phone, its own label", { items, collapseOnMobile: true, labelText: "You are here" }],
    ["empty attributes", { items, attributes: {} }],
    ["one item, the page itself", { items: [{ text: "Contacts" }] }],
    ["no items", { items: [] }],
  ];
  for (const [name, params] of cases) {
    it(`is GOV.UK Frontend's breadcrumbs markup, byte for byte: ${name}`, () => {
      const html = viaPartial(params);
      expect(html).toBe(viaGovuk(params));
      expect(html).toContain('<nav class="govuk-breadcrumbs');
    });
  }
});
