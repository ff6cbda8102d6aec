// Reads data/authority.yaml.
import type { Problems } from "../model/problems.ts";
import type { Authority } from "../model/types.ts";
import { authoritySchema, benchmarkLabels } from "../schema/authority.ts";
import { parseWithSchema } from "../schema/report.ts";
import { lineFor, parseYamlTree, reportDuplicateKeys, toPlain } from "./yamlTree.ts";

export function readAuthorityFile(source: string, file: string, problems: Problems): Authority | null {
  const root = parseYamlTree(source, file, problems);
  if (!root) return null;
  reportDuplicateKeys(root, file, problems);
  const lines = new Map<string, number>();
  const parsed = parseWithSchema(authoritySchema, toPlain(root, lines), file, lines, problems);
  if (!parsed) return null;
  return {
    name: parsed.name,
    shortName: parsed.shortName ?? parsed.name,
    colour: parsed.colour,
    report: parsed.report,
    yearStartMonth: parsed.yearStartMonth,
    dot: parsed.directionOfTravel,
    population: parsed.population,
    benchmarks: {
      year: parsed.benchmarks?.year ?? "",
      columns: parsed.benchmarks?.columns ?? ["statNeighbour", "bestStatNeighbour", "england", "englandTopQuartile"],
      labels: benchmarkLabels(parsed.benchmarks?.labels ?? {}),
      similarWithin: (parsed.benchmarks?.similarWithin ?? 5) / 100,
    },
    display: parsed.display,
    spc: parsed.spc,
    sections: parsed.sections,
    publicEdition: parsed.publicEdition,
    glossary: Object.fromEntries(Object.entries(parsed.glossary).map(([term, meaning]) => [term.trim(), meaning])),
    source: { file, line: 1 },
    ...(lines.has("publicEdition")
      ? {
          publicEditionLine: lineFor(lines, ["publicEdition"])!,
          // The line of each reference in `exempt` and `withhold`, so a problem with one points at it.
          publicEditionRefLines: {
            exempt: parsed.publicEdition.exempt.map((_, n) => lineFor(lines, ["publicEdition", "exempt", n])!),
            withhold: parsed.publicEdition.withhold.map((_, n) => lineFor(lines, ["publicEdition", "withhold", n])!),
          },
        }
      : {}),
  };
}
