// Reads a whole data directory into a DataSet, collecting every problem on the way.
//
//   data/authority.yaml                  settings
//   data/indicators/<section>.yaml       catalogue, one file per section
//   data/months/YYYY-MM.yaml|csv         a month's figures (and restatements)
//   data/outturns/YYYY-YY.yaml           year-end figures of past years
//   data/terms/YYYY-YY.yaml              termly figures (academic year)
//   data/commentary/YYYY-MM/<section>.md commentary
import fs from "node:fs";
import path from "node:path";
import { Problems } from "../model/problems.ts";
import type { Commentary, DataSet, Indicator, MonthFile, OutturnFile, Section, TermFile } from "../model/types.ts";
import { readAuthorityFile } from "./authorityFile.ts";
import { checkPageReferences, readCommentary } from "./commentary.ts";
import { monthOfFileName, readMonthFile } from "./monthFile.ts";
import { readOutturnFile } from "./outturnFile.ts";
import { readSectionFile } from "./sectionFile.ts";
import { readTermFile } from "./termFile.ts";
import { readTextFile } from "./textFile.ts";
import { isMonth } from "../metrics/months.ts";

function listFiles(dir: string, pattern: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

export interface LoadResult {
  data: DataSet | null;
  problems: Problems;
}

/** Paths in messages are relative to the working directory, as people type them. */
function rel(p: string): string {
  const r = path.relative(process.cwd(), p);
  return r.startsWith("..") ? p : r;
}

export function loadDataSet(dirArg: string): LoadResult {
  const problems = new Problems();
  const dir = path.resolve(dirArg);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    problems.error({ file: rel(dir) }, "The data directory does not exist.", "Pass the folder that holds authority.yaml, e.g. --data data.");
    return { data: null, problems };
  }
  // UTF-8 text, or null with the reason recorded (not UTF-8, too large, binary).
  const read = (file: string) => readTextFile(file, rel(file), problems);

  const authorityPath = path.join(dir, "authority.yaml");
  if (!fs.existsSync(authorityPath)) {
    problems.error({ file: rel(authorityPath) }, "authority.yaml is missing.", "Create it with the authority's name, report title and section list (see the README).");
    return { data: null, problems };
  }
  const authoritySource = read(authorityPath);
  if (authoritySource === null) return { data: null, problems };
  const authority = readAuthorityFile(authoritySource, rel(authorityPath), problems);
  if (!authority) return { data: null, problems };

  // Catalogue
  const sections: Section[] = [];
  const indicators: Indicator[] = [];
  const byRef = new Map<string, Indicator>();
  const kindFromDenominator: string[] = [];
  const brokenRefs: string[] = [];
  const indicatorDir = path.join(dir, "indicators");
  const listed = new Set<string>();
  authority.sections.forEach((id, order) => {
    listed.add(id);
    const file = path.join(indicatorDir, `${id}.yaml`);
    if (!fs.existsSync(file)) {
      problems.error(authority.source, `Section "${id}" is listed in authority.yaml but ${rel(file)} does not exist.`, `Create ${rel(file)}, or remove "${id}" from \`sections:\`.`);
      return;
    }
    const source = read(file);
    if (source === null) return;
    const result = readSectionFile(source, rel(file), id, order, authority.benchmarks.year, problems);
    if (!result) return;
    sections.push(result.section);
    kindFromDenominator.push(...result.kindFromDenominator);
    brokenRefs.push(...result.brokenRefs);
    for (const indicator of result.indicators) {
      const first = byRef.get(indicator.ref);
      if (first) {
        problems.error(
          indicator.source,
          `The reference "${indicator.ref}" is used twice (also at ${first.source.file}:${first.source.line}).`,
          "Give one of them a different reference: every indicator needs its own (e.g. 2.1U for the updated-assessment 2.1).",
        );
        continue;
      }
      byRef.set(indicator.ref, indicator);
      indicators.push(indicator);
    }
  });
  for (const file of listFiles(indicatorDir, /\.ya?ml$/)) {
    const id = path.basename(file).replace(/\.ya?ml$/, "");
    if (!listed.has(id)) {
      problems.error({ file: rel(file), line: 1 }, `This section file is not listed in authority.yaml, so its indicators would be left out.`, `Add "${id}" to \`sections:\` in authority.yaml, or delete the file.`);
    }
  }
  for (const ref of kindFromDenominator) {
    const indicator = byRef.get(ref)!;
    const compute = indicator.compute;
    const den = compute && "ratio" in compute ? byRef.get(compute.ratio.denominator) : undefined;
    if (den) indicator.kind = den.kind;
  }

  // Readers of figures know the broken indicators too, so they are not reported twice.
  const lookup = new Map<string, Indicator | undefined>(byRef);
  for (const ref of brokenRefs) if (!lookup.has(ref)) lookup.set(ref, undefined);

  // Months
  const months: MonthFile[] = [];
  const monthDir = path.join(dir, "months");
  const seenMonth = new Map<string, string>();
  for (const file of listFiles(monthDir, /\.(ya?ml|csv)$/)) {
    const month = monthOfFileName(file);
    if (month && seenMonth.has(month)) {
      problems.error({ file: rel(file), line: 1 }, `${month} has two data files (${path.basename(seenMonth.get(month)!)} and ${path.basename(file)}).`, "Keep one file per month: delete or merge the other.");
      continue;
    }
    if (month) seenMonth.set(month, file);
    const source = read(file);
    if (source === null) continue;
    const monthFile = readMonthFile(source, rel(file), lookup, problems);
    if (monthFile) months.push(monthFile);
  }
  for (const f of fs.existsSync(monthDir) ? fs.readdirSync(monthDir) : []) {
    if (!/\.(ya?ml|csv)$/.test(f) && !f.startsWith(".") && f !== "README.md") {
      problems.warning({ file: rel(path.join(monthDir, f)) }, "This file is not a month file and is ignored.", "Month files are named YYYY-MM.yaml or YYYY-MM.csv.");
    }
  }
  months.sort((a, b) => a.month.localeCompare(b.month));

  const outturns: OutturnFile[] = [];
  for (const file of listFiles(path.join(dir, "outturns"), /\.ya?ml$/)) {
    const source = read(file);
    if (source === null) continue;
    const o = readOutturnFile(source, rel(file), lookup, problems);
    if (o) outturns.push(o);
  }
  const terms: TermFile[] = [];
  for (const file of listFiles(path.join(dir, "terms"), /\.ya?ml$/)) {
    const source = read(file);
    if (source === null) continue;
    const t = readTermFile(source, rel(file), lookup, problems);
    if (t) terms.push(t);
  }

  const commentary: Commentary[] = [];
  const commentaryDir = path.join(dir, "commentary");
  if (fs.existsSync(commentaryDir)) {
    for (const month of fs.readdirSync(commentaryDir).sort()) {
      const monthDirPath = path.join(commentaryDir, month);
      if (!fs.statSync(monthDirPath).isDirectory()) continue;
      if (!isMonth(month)) {
        // Placed at the folder's first file, so editors and CI annotations have a line to show.
        const first = listFiles(monthDirPath, /\.md$/)[0];
        problems.error(first ? { file: rel(first), line: 1 } : { file: rel(monthDirPath) }, `"${month}" is not a month.`, "Name commentary folders YYYY-MM (e.g. 2020-12).");
        continue;
      }
      for (const file of listFiles(monthDirPath, /\.md$/)) {
        const section = path.basename(file, ".md");
        if (!listed.has(section)) {
          problems.error({ file: rel(file), line: 1 }, `"${section}" is not a section in authority.yaml, so this commentary would not be shown.`, `Rename the file to one of: ${authority.sections.join(", ")} (plus .md).`);
          continue;
        }
        const source = read(file);
        if (source === null) continue;
        checkPageReferences(source, rel(file), problems);
        commentary.push(readCommentary(source, rel(file), month, section, problems));
      }
    }
  }

  return { data: { dir, authority, sections, indicators, months, outturns, terms, commentary, unreadable: brokenRefs }, problems };
}
