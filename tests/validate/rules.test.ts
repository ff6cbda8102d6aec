// Each validation rule: bad data in, a message naming the file and line out.
import { describe, expect, it } from "vitest";
import { check, copyFixture, editFile, writeFile } from "../helpers/fixture.ts";

function only(errors: ReturnType<typeof check>["errors"]) {
  expect(errors, JSON.stringify(errors, null, 2)).toHaveLength(1);
  return errors[0]!;
}

describe("the example fixture", () => {
  it("is valid", () => {
    const { errors, warnings } = check(copyFixture());
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });
});

describe("syntax", () => {
  it("reports a YAML syntax error with its line", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("  C2: 379", "  C2: [379"));
    const e = only(check(dir).errors);
    expect(e.file).toBe("months/2020-12.yaml");
    expect(e.line).toBeGreaterThanOrEqual(5);
    expect(e.line).toBeLessThanOrEqual(7);
    expect(e.message).toMatch(/not valid YAML/);
  });

  it("reports a tab used for indentation", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-11.yaml", (t) => t.replace("  C2: 287", "\tC2: 287"));
    const e = only(check(dir).errors);
    expect(e).toMatchObject({ file: "months/2020-11.yaml", line: 4 });
    expect(e.message).toMatch(/tab/);
  });

  it("reports a CSV syntax error with its line", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-10.csv", (t) => t.replace("R1,315", 'R1,"315'));
    const e = only(check(dir).errors);
    expect(e.file).toBe("months/2020-10.csv");
    expect(e.line).toBeGreaterThanOrEqual(4);
  });

  it("reports an empty file", () => {
    const dir = copyFixture();
    writeFile(dir, "months/2020-11.yaml", "");
    expect(check(dir).errors.some((e) => e.file === "months/2020-11.yaml" && /empty/.test(e.message))).toBe(true);
  });
});

describe("references", () => {
  it("reports an unknown reference and suggests the closest", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("  C2: 379", "  C3: 379\n  C2: 379"));
    const e = only(check(dir).errors);
    expect(e).toMatchObject({ file: "months/2020-12.yaml", line: 5 });
    expect(e.message).toMatch(/"C3" is not an indicator/);
    expect(e.fix).toMatch(/Did you mean "C1"|Did you mean "C2"/);
  });

  it("reports a reference listed twice in a month file", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("  R1: 276", "  R1: 276\n  R1: 277"));
    const e = only(check(dir).errors);
    expect(e).toMatchObject({ file: "months/2020-12.yaml", line: 7 });
    expect(e.message).toMatch(/appears twice.*first on line 6/);
  });

  it("reports a reference used by two indicators in the catalogue", () => {
    const dir = copyFixture();
    editFile(dir, "indicators/caseloads.yaml", (t) => t + '  - ref: C1\n    title: Another\n    unit: count\n    polarity: info\n    kind: flow\n');
    const e = only(check(dir).errors);
    expect(e.file).toBe("indicators/caseloads.yaml");
    expect(e.line).toBe(8);
    expect(e.message).toMatch(/"C1" is used twice \(also at .*front-door.yaml:8\)/);
  });

  it("reports an indicator missing from a month after it has started", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("  R1: 276\n", ""));
    const e = only(check(dir).errors);
    expect(e.file).toBe("months/2020-12.yaml");
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/R1 \(Number of referrals\) is missing from 2020-12/);
  });

  it("reports a compute that names an unknown indicator", () => {
    const dir = copyFixture();
    editFile(dir, "indicators/front-door.yaml", (t) => t.replace("compute: { rate: R1r }", "compute: { rate: R1x }"));
    const e = only(check(dir).errors);
    expect(e).toMatchObject({ file: "indicators/front-door.yaml", line: 39 });
    expect(e.message).toMatch(/"R1x" is not an indicator/);
  });

  it("reports a misspelt catalogue setting at its line", () => {
    const dir = copyFixture();
    editFile(dir, "indicators/front-door.yaml", (t) => t.replace("    polarity: info\n    kind: flow\n  - ref: C2", "    polarty: info\n    kind: flow\n  - ref: C2"));
    const { errors } = check(dir);
    expect(errors.find((e) => /Indicator C1: "polarty" is not a setting/.test(e.message))).toMatchObject({ file: "indicators/front-door.yaml", line: 11 });
    expect(errors.find((e) => /Indicator C1: "polarity" is missing/.test(e.message))).toMatchObject({ file: "indicators/front-door.yaml", line: 8 });
    expect(errors).toHaveLength(2);
  });
});

describe("values", () => {
  it("reports a value of the wrong type", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("  C1: 663", "  C1: six hundred"));
    const e = only(check(dir).errors);
    expect(e).toMatchObject({ file: "months/2020-12.yaml", line: 4 });
    expect(e.message).toMatch(/"six hundred" is not a number/);
  });

  it("reports a percentage given for a count", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("  C1: 663", "  C1: 66%"));
    const e = only(check(dir).errors);
    expect(e).toMatchObject({ file: "months/2020-12.yaml", line: 4 });
    expect(e.message).toMatch(/unit is count/);
  });

  it("reports a negative count", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-11.yaml", (t) => t.replace("  R1: 223", "  R1: -223"));
    const e = only(check(dir).errors);
    expect(e).toMatchObject({ file: "months/2020-11.yaml", line: 5 });
    expect(e.message).toMatch(/cannot be negative|count but is -223/);
  });

  it("reports a percentage outside 0-100", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-11.yaml", (t) => t.replace("  P1: 88.4%", "  P1: 884%"));
    const e = only(check(dir).errors);
    expect(e).toMatchObject({ file: "months/2020-11.yaml", line: 7 });
    expect(e.message).toMatch(/between 0 and 100/);
  });

  it("reports a numerator above its denominator", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("172 of 199", "199 of 172"));
    const e = only(check(dir).errors);
    expect(e).toMatchObject({ file: "months/2020-12.yaml", line: 8 });
    expect(e.message).toMatch(/numerator \(199\) is larger than the denominator \(172\)/);
  });

  it("reports a computed ratio whose numerator indicator exceeds its denominator", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("  C2: 379", "  C2: 700"));
    const e = only(check(dir).errors);
    expect(e).toMatchObject({ file: "months/2020-12.yaml", line: 5 });
    expect(e.message).toMatch(/C2 \(700\) is larger than C1 \(663\)/);
  });

  it("reports a CSV value with its row and column", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-10.csv", (t) => t.replace("R1,315", "R1,lots"));
    const e = only(check(dir).errors);
    expect(e).toMatchObject({ file: "months/2020-10.csv", line: 4, column: 2 });
  });

  it("accepts the markers real sheets use for no value", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-12.yaml", (t) =>
      t.replace("  C1: 663", "  C1: -").replace("  C2: 379", "  C2: n/a").replace("  R1: 276", "  R1: tbc").replace("  P1: 172 of 199", "  P1:"),
    );
    editFile(dir, "months/2020-10.csv", (t) => t.replace("R1,315", "R1,"));
    expect(check(dir).errors).toEqual([]);
  });
});

describe("files and settings", () => {
  it("reports a month file whose name and contents disagree", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("month: 2020-12", "month: 2020-11"));
    const e = only(check(dir).errors);
    expect(e).toMatchObject({ file: "months/2020-12.yaml", line: 2 });
    expect(e.message).toMatch(/named 2020-12 but says `month: 2020-11`/);
  });

  it("reports a rate with no population for its year", () => {
    const dir = copyFixture();
    writeFile(dir, "months/2021-04.yaml", "month: 2021-04\nvalues:\n  C1: 1\n  C2: 1\n  R1: 1\n  P1: 50%\n  11.10: 18\n");
    const e = only(check(dir).errors);
    expect(e).toMatchObject({ file: "authority.yaml", line: 1 });
    expect(e.message).toMatch(/no population for 2021\/22.*R1rate/);
    expect(e.fix).toMatch(/2021\/22: /);
  });

  it("reports a target whose tolerances contradict its polarity", () => {
    const dir = copyFixture();
    editFile(dir, "indicators/front-door.yaml", (t) => t.replace("target: { type: at-least, green: 90, amber: 85 }", "target: { type: below, green: 90, amber: 85 }"));
    const { errors } = check(dir);
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors[0]).toMatchObject({ file: "indicators/front-door.yaml", line: 46 });
    expect(errors[0]!.message).toMatch(/high is good, but the target is "below 90"/);
  });

  it("reports amber and green the wrong way round", () => {
    const dir = copyFixture();
    editFile(dir, "indicators/front-door.yaml", (t) => t.replace("green: 95%, amber: 92%", "green: 92%, amber: 95%"));
    const e = only(check(dir).errors);
    expect(e).toMatchObject({ file: "indicators/front-door.yaml", line: 24 });
    expect(e.message).toMatch(/amber threshold \(95\) is above the green one \(92\)/);
  });

  it("reports a section listed in the settings without its file", () => {
    const dir = copyFixture();
    editFile(dir, "authority.yaml", (t) => t.replace("sections: [front-door, caseloads]", "sections: [front-door, caseloads, adoption]"));
    const e = only(check(dir).errors);
    expect(e.file).toBe("authority.yaml");
    expect(e.message).toMatch(/"adoption" is listed.*does not exist/);
  });

  it("reports an unknown polarity with the allowed values", () => {
    const dir = copyFixture();
    editFile(dir, "indicators/caseloads.yaml", (t) => t.replace("polarity: range", "polarity: within limits"));
    const e = only(check(dir).errors);
    expect(e).toMatchObject({ file: "indicators/caseloads.yaml", line: 6 });
    expect(e.message).toMatch(/must be one of: high, low, info, range/);
  });

  it("reports every problem at once", () => {
    const dir = copyFixture();
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("  C1: 663", "  C1: x").replace("  R1: 276", "  R1: -5"));
    editFile(dir, "months/2020-11.yaml", (t) => t.replace("month: 2020-11", "month: 2020-10"));
    expect(check(dir).errors).toHaveLength(3);
  });
});

describe("the glossary of authority.yaml", () => {
  it("takes the authority's abbreviations and their meanings", () => {
    const dir = copyFixture();
    editFile(dir, "authority.yaml", (t) => `${t}glossary:\n  GOLD: The council's strategic command group\n  CDT: Children's disability team\n`);
    const { data, errors } = check(dir);
    expect(errors).toEqual([]);
    expect(data!.authority.glossary).toEqual({ GOLD: "The council's strategic command group", CDT: "Children's disability team" });
  });

  it("reports a term that is not an abbreviation, or a term without a meaning, at its line", () => {
    const dir = copyFixture();
    editFile(dir, "authority.yaml", (t) => `${t}glossary:\n  GOLD: The council's strategic command group\n  two words: a meaning\n  MASH:\n`);
    const errors = check(dir).errors;
    expect(errors.map((e) => [e.file, e.line])).toEqual([
      ["authority.yaml", 14],
      ["authority.yaml", 15],
    ]);
    expect(errors[0]!.message).toMatch(/abbreviation/);
    expect(errors[0]!.fix ?? errors[0]!.message).toBeTruthy();
  });
});

describe("figures that look wrong", () => {
  it("warns about an average of 0 among months far above it, at each such month, saying to enter - or a note", () => {
    const warnings = check("data").warnings.filter((w) => /among months far above it/.test(w.message));
    // 10.4: the source prints 0.0 days for April to June 2020, when no child was placed (about 400 days otherwise).
    expect(warnings.map((w) => [w.file, w.line])).toEqual([
      ["months/2020-04.yaml", 125],
      ["months/2020-05.yaml", 125],
      ["months/2020-06.yaml", 125],
    ]);
    expect(warnings[0]!.message).toMatch(/^10\.4 .* is 0 for 2020-04, among months far above it \(usually about 396\.1\)/);
    expect(JSON.stringify(warnings[0])).toMatch(/enter - instead, or the source's words in its place/);
  });

  it("does not warn where 0 is within an average's usual month-to-month change", () => {
    const dir = copyFixture();
    // Small averages that swing by more than their level: a month of 0 among 1 to 4 is not far below the others.
    for (const [m, v] of [["07", "4"], ["08", "0"], ["09", "1"]]) writeFile(dir, `months/2020-${m}.yaml`, `month: 2020-${m}\nvalues:\n  11.10: ${v}\n`);
    editFile(dir, "months/2020-10.csv", (t) => t.replace("11.10,20.4", "11.10,2"));
    editFile(dir, "months/2020-11.yaml", (t) => t.replace("11.10: 19.6", "11.10: 1"));
    editFile(dir, "months/2020-12.yaml", (t) => t.replace("11.10: 19.9", "11.10: 3"));
    expect(check(dir).warnings.filter((w) => /among months far above it/.test(w.message))).toEqual([]);
  });
});
