// Reads data/terms/YYYY-YY.yaml: figures reported by school term (academic year).
import type { Problems } from "../model/problems.ts";
import type { TermFile } from "../model/types.ts";
import { readEntries, type IndicatorLookup } from "./entries.ts";
import { yearOfFileName } from "./outturnFile.ts";
import { parseYamlMap } from "./yamlTree.ts";

const TERMS = ["autumn", "spring", "summer"] as const;

export function readTermFile(source: string, file: string, indicators: IndicatorLookup, problems: Problems): TermFile | null {
  const year = yearOfFileName(file);
  if (!year) {
    problems.error({ file }, "A term file must be named after its academic year, YYYY-YY.yaml (e.g. 2019-20.yaml).", "Rename the file.");
    return null;
  }
  const root = parseYamlMap(source, file, problems, "`year:` and `autumn:`, `spring:`, `summer:` blocks", "data/terms/");
  if (!root) return null;
  const result: TermFile = { year, file, terms: [] };
  for (const { key, value } of root.entries) {
    const name = key.text.trim().toLowerCase();
    if (name === "year") continue;
    const term = TERMS.find((t) => t === name);
    if (!term) {
      problems.error({ file, line: key.line }, `"${key.text}" is not a term.`, "Use autumn, spring or summer.");
      continue;
    }
    result.terms.push({ term, values: readEntries(value, `${year} ${term}`, file, indicators, problems) });
  }
  return result;
}
