// The chart's figures table (templates/partials/figures-table.njk) writes out
// GOV.UK Frontend's table markup for speed: it must be exactly what govukTable
// gives for the same figures, escaping included.
import { describe, expect, it } from "vitest";
import { nunjucksEnvironment } from "../../scripts/site/nunjucksEnv.mjs";

const env = nunjucksEnvironment(["templates"]);

function viaGovuk(head: string[], rows: string[][]): string {
  return env.renderString(
    `{% from "govuk/components/table/macro.njk" import govukTable %}{% set r = [] %}{% for row in rows %}{% set cells = [] %}{% for cell in row %}{% set _ = cells.push({ text: cell, format: "numeric" if not loop.first else "" }) %}{% endfor %}{% set _ = r.push(cells) %}{% endfor %}{% set h = [] %}{% for x in head %}{% set _ = h.push({ text: x, format: "numeric" if not loop.first else "" }) %}{% endfor %}{{ govukTable({ firstCellIsHeader: true, head: h, rows: r, classes: "govuk-!-font-size-16" }) }}`,
    { head, rows },
  );
}

function viaPartial(head: string[], rows: string[][]): string {
  return env.renderString(`{% from "partials/figures-table.njk" import bpFiguresTable %}{{ bpFiguresTable(head, rows, "govuk-!-font-size-16") }}`, { head, rows });
}

describe("the figures table of a chart", () => {
  const cases: [string, string[], string[][]][] = [
    ["months and two series", ["Month", "Contacts", "Target"], [["Apr-20", "1,234", "1,100"], ["May-20", "-", "1,100"]]],
    ["text to escape", ["Month", 'Rate <per 10,000> & "more"'], [["Apr-20", "<b>5</b> & 'c'"]]],
    ["one column", ["Term"], [["Autumn 2020"], ["Spring 2021"]]],
    ["no rows", ["Month", "Value"], []],
    ["withheld figures", ["Month", "Children"], [["Apr-20", "c"], ["May-20", "[c]"]]],
  ];
  for (const [name, head, rows] of cases) {
    it(`is GOV.UK Frontend's table markup, byte for byte: ${name}`, () => {
      const html = viaPartial(head, rows);
      expect(html).toBe(viaGovuk(head, rows));
      expect(html).toContain('<table class="govuk-table govuk-!-font-size-16">');
    });
  }
});
