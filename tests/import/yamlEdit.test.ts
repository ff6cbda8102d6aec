// Edits to YAML a person wrote change only the lines they must.
import { describe, expect, it } from "vitest";
import { YamlFile } from "../../scripts/import/yamlEdit.ts";

const MONTH = `# Rotherham: figures for December 2020.
month: 2020-12
values:
  # Contacts
  1.1: 663                  # harm at source
  1.10: 8      # CSE referrals, checked by hand
  2.3:                      # left to fill in
  6.13: -

  # a trailing note a person wrote
`;

describe("YamlFile", () => {
  it("replaces one value, keeping the comment after it and every other byte", () => {
    const y = new YamlFile(MONTH);
    y.setScalar(["values", "1.10"], "9");
    expect(y.source).toBe(MONTH.replace("  1.10: 8      #", "  1.10: 9      #"));
  });

  it("fills an empty value and a '-' without moving the comments", () => {
    const y = new YamlFile(MONTH);
    y.setScalar(["values", "2.3"], "25");
    y.setScalar(["values", "6.13"], "94.3%");
    expect(y.source).toBe(MONTH.replace("  2.3:                      #", "  2.3: 25                   #").replace("  6.13: -", "  6.13: 94.3%"));
  });

  it("appends entries after the last one of a block, at its indentation", () => {
    const y = new YamlFile(MONTH);
    y.appendLines(["values"], (indent) => [`${indent}2.9: 14`]);
    expect(y.source).toBe(MONTH.replace("  6.13: -\n", "  6.13: -\n  2.9: 14\n"));
  });

  it("appends a new entry after the last entry's own trailing comment lines, not between the entry and its comment", () => {
    const SECTION = "title: Assessments\nindicators:\n  - ref: 2.1\n    title: Assessments started\n    kind: flow\n\n  - ref: 2.2\n    title: Assessments in 45 days\n    target: { type: at-least, green: 95, amber: 90 }\n    # agreed with board\n";
    const y = new YamlFile(SECTION);
    y.appendLines(["indicators"], (indent) => ["", `${indent}- ref: 2.9`, `${indent}  title: Stepped across`]);
    expect(y.source).toBe(`${SECTION}\n  - ref: 2.9\n    title: Stepped across\n`);
    // A comment at the file's top level after the block is not the entry's: the new entry goes before it.
    const z = new YamlFile(`${SECTION}# end of the catalogue\n`);
    z.appendLines(["indicators"], (indent) => [`${indent}- ref: 2.9`]);
    expect(z.source).toBe(`${SECTION}  - ref: 2.9\n# end of the catalogue\n`);
  });

  it("adds a restated block at the end, and to an existing one", () => {
    const y = new YamlFile(MONTH);
    expect(y.nodeAt(["restated"])).toBeUndefined();
    y.appendBlock(["restated:", "  2020-11:", "    1.1: 566"]);
    expect(y.source).toBe(`${MONTH}restated:\n  2020-11:\n    1.1: 566\n`);
    y.appendLines(["restated", "2020-11"], (indent) => [`${indent}2.1: 224`]);
    y.appendLines(["restated"], (indent) => [`${indent}2020-10:`, `${indent}  1.5a: 318`]);
    expect(y.source).toBe(`${MONTH}restated:\n  2020-11:\n    1.1: 566\n    2.1: 224\n  2020-10:\n    1.5a: 318\n`);
    expect(y.keys(["restated", "2020-11"])).toEqual(["1.1", "2.1"]);
  });

  it("adds to a list written on one line, and to a block list", () => {
    const flow = new YamlFile("sections: [contacts, referrals]   # report order\n");
    flow.appendFlowItem(["sections"], "youth-justice");
    expect(flow.source).toBe("sections: [contacts, referrals, youth-justice]   # report order\n");
    const block = new YamlFile("name: X\nsections:\n  - contacts   # first\n  - referrals\n# end\n");
    block.appendLines(["sections"], (indent) => [`${indent}- youth-justice`]);
    expect(block.source).toBe("name: X\nsections:\n  - contacts   # first\n  - referrals\n  - youth-justice\n# end\n");
  });
});
