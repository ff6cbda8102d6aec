// Reads data/outturns/YYYY-YY.yaml: the year-end figures of a past reporting year.
import path from "node:path";
import type { Problems } from "../model/problems.ts";
import type { OutturnFile } from "../model/types.ts";
import { readEntries, type IndicatorLookup } from "./entries.ts";
import { parseYamlMap } from "./yamlTree.ts";

/** `2019-20.yaml` -> `2019/20`; null if the name is not a year. */
export function yearOfFileName(file: string): string | null {
  const m = /^(\d{4})-(\d{2})\.ya?ml$/.exec(path.basename(file));
  if (!m) return null;
  const next = (Number(m[1]) + 1) % 100;
  return Number(m[2]) === next ? `${m[1]}/${m[2]}` : null;
}

export function readOutturnFile(source: string, file: string, indicators: IndicatorLookup, problems: Problems): OutturnFile | null {
  const year = yearOfFileName(file);
  if (!year) {
    problems.error({ file }, "An outturn file must be named after its year, YYYY-YY.yaml (e.g. 2019-20.yaml).", "Rename the file.");
    return null;
  }
  const root = parseYamlMap(source, file, problems, "`year:` and `values:` lines at the top", "data/outturns/");
  if (!root) return null;
  const result: OutturnFile = { year, file, values: [] };
  for (const { key, value } of root.entries) {
    if (key.text === "year") {
      const written = value.kind === "scalar" ? value.text.trim() : "";
      if (written !== year) {
        problems.error({ file, line: key.line }, `The file is named for ${year} but says \`year: ${written}\`.`, `Make them agree: \`year: ${year}\`, or rename the file.`);
      }
    } else if (key.text === "values") {
      result.values = readEntries(value, year, file, indicators, problems);
    } else {
      problems.error({ file, line: key.line }, `"${key.text}" is not a heading an outturn file understands.`, "Use `year:` and `values:` only.");
    }
  }
  return result;
}
