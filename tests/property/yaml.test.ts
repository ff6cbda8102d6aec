// Property tests of the YAML reader and text decoding (fast-check): any text
// is either read or refused with a problem on a real line, never a throw;
// figures written as people write them come back with their references kept
// as written (`1.10` is not 1.1) and their own lines; a repeated key is
// reported at its line; the UTF-8 check agrees with the platform decoder.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readMonthFile } from "../../scripts/load/monthFile.ts";
import { firstInvalidUtf8 } from "../../scripts/load/textFile.ts";
import { parseYamlMap, parseYamlTree, reportDuplicateKeys } from "../../scripts/load/yamlTree.ts";
import { Problems } from "../../scripts/model/problems.ts";
import type { Indicator } from "../../scripts/model/types.ts";

const YAML_PIECES = ["a", "1.10", ":", ": ", "-", "- ", " ", "  ", "\t", "\n", "\r\n", "[", "]", "{", "}", ",", "'", '"', "#", "&x ", "*x", "!!str ", "? ", "|", ">", "---", "...", "%", "@", "`", "\\", "\u00e9", "\uFEFF", "\u0000", "\u2028", "~", "-1", "57.2%", "379 of 663"];

/** Text built from YAML's structural characters, which random strings rarely hit. */
const yamlish = fc.array(fc.constantFrom(...YAML_PIECES), { maxLength: 60 }).map((parts) => parts.join(""));

function linesOf(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

describe("YAML reader properties (fast-check)", () => {
  it("never throws: any text is read, or refused with an error on one of its lines", () => {
    fc.assert(
      fc.property(fc.oneof(yamlish, fc.string({ unit: "binary", maxLength: 200 })), (text) => {
        const problems = new Problems();
        const tree = parseYamlTree(text, "f.yaml", problems);
        if (tree) reportDuplicateKeys(tree, "f.yaml", problems);
        if (!tree) expect(problems.errors.length).toBeGreaterThan(0);
        for (const p of problems.list) {
          expect(p.line ?? 1).toBeGreaterThanOrEqual(1);
          expect(p.line ?? 1).toBeLessThanOrEqual(linesOf(text) + 1);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("never throws on a month file: figures, restatements and reports of any shape are read or refused with a problem", () => {
    const lookup = new Map<string, Indicator | undefined>([["C1", undefined]]);
    fc.assert(
      fc.property(yamlish, (body) => {
        const problems = new Problems();
        readMonthFile(`month: 2020-12\nvalues:\n  ${body}\nrestated:\n  ${body}\n`, "months/2020-12.yaml", lookup, problems);
        readMonthFile(`ref,value\n${body}`, "months/2020-12.csv", lookup, problems);
      }),
      { numRuns: 500 },
    );
  });

  const ref = fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 20 })).map(([a, b]) => `${a}.${b}`), // 1.10 and 1.1 are different references
    fc.tuple(fc.constantFrom("C", "R", "CP", "LAC"), fc.integer({ min: 1, max: 99 }), fc.constantFrom("", "a", "%", "U")).map(([p, n, s]) => `${p}${n}${s}`),
  );
  const figure = fc.oneof(
    fc.nat({ max: 99999 }).map((n) => ({ text: n.toLocaleString("en-GB"), value: n })),
    fc.integer({ min: 0, max: 1000 }).map((n) => ({ text: `${n / 10}%`, value: n / 10 })),
    fc.nat({ max: 500 }).chain((d) => fc.nat({ max: d }).map((n) => ({ text: `${n} of ${d + 1}`, value: (n / (d + 1)) * 100 }))),
    fc.constantFrom("-", "n/a", "tbc", "").map((t) => ({ text: t, value: null as number | null })),
  );

  it("reads back every figure written, with its reference as written and its own line", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(ref, figure), { selector: ([r]) => r, minLength: 1, maxLength: 40 }), fc.boolean(), (rows, crlf) => {
        const lookup = new Map<string, Indicator>(
          rows.map(([r, f]) => [r, { ref: r, title: r, unit: f.text.includes("%") || f.text.includes(" of ") ? "percentage" : "count" } as Indicator]),
        );
        const eol = crlf ? "\r\n" : "\n";
        const text = ["# comment", "month: 2020-12", "values:", ...rows.map(([r, f]) => `  ${r}: ${f.text}`.trimEnd())].join(eol) + eol;
        const problems = new Problems();
        const file = readMonthFile(text, "months/2020-12.yaml", lookup, problems);
        expect(problems.errors).toEqual([]);
        expect(file!.listed).toEqual(rows.map(([r]) => r));
        rows.forEach(([r, f], i) => {
          const e = file!.values.find((v) => v.ref === r)!;
          expect(e.source.line).toBe(4 + i);
          if (f.value === null) expect(e.figure).toBeNull();
          else expect(e.figure!.value).toBeCloseTo(f.value, 9);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("reports a repeated key at the line of its second appearance", () => {
    fc.assert(
      fc.property(fc.uniqueArray(ref, { minLength: 2, maxLength: 30 }), fc.nat(), fc.nat(), (refs, a, b) => {
        const first = a % refs.length;
        const at = first + 1 + (b % (refs.length - first));
        const keys = [...refs.slice(0, at), refs[first]!, ...refs.slice(at)];
        const text = "values:\n" + keys.map((k, i) => `  ${k}: ${i}`).join("\n") + "\n";
        const problems = new Problems();
        parseYamlMap(text, "f.yaml", problems, "", "");
        expect(problems.errors).toHaveLength(1);
        expect(problems.errors[0]).toMatchObject({ line: at + 2, message: expect.stringContaining(`(first on line ${first + 2})`) });
      }),
      { numRuns: 300 },
    );
  });
});

describe("UTF-8 check properties (fast-check)", () => {
  it("accepts exactly the byte strings the platform's strict UTF-8 decoder accepts", () => {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.string({ unit: "grapheme", maxLength: 30 }).map((s) => new TextEncoder().encode(s)),
      fc.tuple(fc.string({ maxLength: 10 }), fc.uint8Array({ minLength: 1, maxLength: 3 }), fc.string({ maxLength: 10 })).map(
        ([a, mid, c]) => new Uint8Array([...new TextEncoder().encode(a), ...mid, ...new TextEncoder().encode(c)]),
      ),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        let valid = true;
        try {
          decoder.decode(b);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(b) === -1).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });
});
