// `npm run import`: reads the sheet, plans, and either makes a new data
// directory or updates an existing one in place. What it writes is checked
// first, as `npm run check` would; a figure the checks would refuse is read
// as no value with a warning naming its cell in the sheet (the import
// degrades rather than fails). Errors name the sheet's row and column, or a
// file of the user's own directory, never a folder the import made.
import fs from "node:fs";
import path from "node:path";
import { loadAndValidate } from "../build/loadAndValidate.ts";
import { loadDataSet } from "../load/dataSet.ts";
import { checkReferences, checkTargets } from "../validate/catalogueRules.ts";
import { checkMissing, checkPopulation, checkRatioParts, checkValues } from "../validate/valueRules.ts";
import { buildMonthModel } from "../metrics/model.ts";
import { longMonth, reportingYear } from "../metrics/months.ts";
import { Problems, formatProblem, type Problem } from "../model/problems.ts";
import type { DataSet } from "../model/types.ts";
import { buildChanges, ChangeError, provenanceKey, type ChangeSet } from "./changes.ts";
import { missingMonths } from "./interpret.ts";
import { changeLines, UPDATE_HEADING } from "./notes.ts";
import { planImport, type ImportOptions, type Plan } from "./plan.ts";
import { readSheetFile } from "./readSheet.ts";
import { formatReconciliation, reconcile } from "./reconcile.ts";

export interface ImportRequest {
  file: string;
  out: string;
  dryRun?: boolean;
  replace?: boolean;
  sheet?: string;
  options: ImportOptions;
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
const show = (p: string) => {
  const r = path.relative(process.cwd(), p);
  return r === "" ? "." : r.startsWith("..") ? p : r;
};

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

export function runImport(req: ImportRequest, io: Output): number {
  const problems = new Problems();
  const printAll = (ps: Problem[]) => [...new Set(ps.map(formatProblem))].forEach((line) => io.err(line + "\n"));
  const stop = (message = "Nothing was written.") => {
    printAll(problems.errors);
    io.err(`\n${message}\n`);
    return 1;
  };
  if (!fs.existsSync(req.file) || !fs.statSync(req.file).isFile()) {
    io.err(`boardpack: ${req.file} does not exist. Give the path of the sheet (.xlsx, .csv or .txt) to import.\n`);
    return 1;
  }
  const name = show(path.resolve(req.file));
  const outDir = path.resolve(req.out);
  const outName = show(outDir);

  // The sheet.
  const sheet = readSheetFile(req.file, name, problems, { ...(req.sheet ? { sheet: req.sheet } : {}), ...(req.options.yearStartMonth ? { yearStartMonth: req.options.yearStartMonth } : {}) });
  if (!sheet || problems.errors.length) return stop();
  if (sheet.rows.length > 300) io.err(`Read ${name}: ${sheet.rows.length} indicators, ${sheet.months.length} months. Planning the data...\n`);

  // The directory: new, or one to update.
  const exists = fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0;
  let existing: DataSet | null = null;
  if (exists && req.replace && !fs.existsSync(path.join(outDir, "authority.yaml"))) {
    // --replace discards a data directory; a folder of anything else (a mistyped --out) is never deleted.
    io.err(`boardpack: ${outName} is not empty and holds no authority.yaml, so it is not a data directory, and --replace would delete whatever it holds. Nothing was written or deleted. Choose another --out (a new folder), or a data directory.\n`);
    return 1;
  }
  if (exists && !req.replace) {
    if (!fs.existsSync(path.join(outDir, "authority.yaml"))) {
      io.err(`boardpack: ${outName} is not empty and holds no authority.yaml, so it is not a data directory to update. Choose another --out (a new folder), or an existing data directory.\n`);
      return 1;
    }
    const loaded = loadForUpdate(outDir);
    if (!loaded.data) {
      printAll(loaded.problems.errors);
      io.err(`\n${outName} has errors of its own (above); fix them first (npm run check -- --data ${outName}), then import again. Nothing was written.\n`);
      return 1;
    }
    existing = loaded.data;
  }

  const plan = planImport(sheet, req.options, existing, problems);
  if (problems.errors.length) return stop();
  if (existing) checkNewYears(existing, outDir, sheet.months, problems);
  if (problems.errors.length) return stop();

  // Check what would be written; degrade where the checks refuse a figure.
  fs.mkdirSync(path.dirname(outDir), { recursive: true });
  const staging = fs.mkdtempSync(path.join(path.dirname(outDir), `.${path.basename(outDir)}-importing-`));
  let committed = false;
  try {
    let changes: ChangeSet | null = null;
    let data: DataSet | null = null;
    let check: Problems = new Problems();
    for (let attempt = 0; attempt < 8; attempt++) {
      try {
        changes = buildChanges(plan, outDir, existing);
      } catch (e) {
        if (!(e instanceof ChangeError)) {
          io.err(`boardpack: ${(e as Error).message}\n\nNothing was written.\n`);
          return 1;
        }
        problems.error({ file: show(path.join(outDir, e.file)), ...(e.line !== undefined ? { line: e.line } : {}) }, e.message, e.fix);
        return stop();
      }
      if (existing && changes.files.size === 0) {
        // Nothing to write: the directory as it is has passed the checks.
        data = existing;
        break;
      }
      fs.rmSync(staging, { recursive: true, force: true });
      if (existing) fs.cpSync(outDir, staging, { recursive: true });
      else fs.mkdirSync(staging, { recursive: true });
      for (const [rel, content] of changes.files) {
        fs.mkdirSync(path.dirname(path.join(staging, rel)), { recursive: true });
        fs.writeFileSync(path.join(staging, rel), content);
      }
      ({ data, problems: check } = loadAndValidate(staging));
      // The checks name files of the staging folder, in their messages too; the user knows only their own directory.
      for (const p of check.list) Object.assign(p, unstaged(p, staging, outDir, show));
      if (data) break;
      if (!degrade(plan, changes, check.errors, staging, problems)) {
        for (const p of check.errors) io.err(formatProblem({ ...p, file: show(path.join(outDir, path.relative(staging, path.resolve(p.file)))) }) + "\n");
        io.err(`\nThe data the import would write for ${outName} does not pass the checks (above), and the import could not tell which cells of ${name} cause it. Nothing was written.\n`);
        return 1;
      }
    }
    if (!data || !changes) return stop("The import could not make data that passes the checks. Nothing was written.");
    if (problems.errors.length) return stop();

    // Reconciliation with the sheet's own computed columns.
    const latest = sheet.months.at(-1)!;
    const refOf = new Map(plan.indicators.map((i) => [i.row, i.ref]));
    const disagreements = reconcile(sheet, buildMonthModel(data, latest), (r) => refOf.get(r) ?? r.ref);
    const reconciliation = formatReconciliation(disagreements);
    const report = changes.report;
    const lines = changeLines(report, `${outName}/`);
    const guesses = plan.indicators.filter((i) => !i.existing && i.guesses.length);
    const readNotes = [...sheet.notes, ...plan.notes, ...plan.indicators.filter((i) => !i.existing && i.targetNote).map((i) => i.targetNote!)];
    for (const i of plan.missing) problems.warning(i.source, `${i.ref} (${i.title}) is in the catalogue but not in ${name}; it was left as it is.`, "Add its row to the sheet, or enter its figures by hand.");
    if (existing && existing.months.length && latest < existing.months.at(-1)!.month) {
      readNotes.push(`The sheet's latest month, ${longMonth(latest)}, is before the directory's, ${longMonth(existing.months.at(-1)!.month)}: the sheet is older than the data, so no figure was restated from it.`);
    }
    if (missingMonths(sheet.months).length) readNotes.push(`The sheet has no column for ${missingMonths(sheet.months).join(", ")}.`);
    if (sheet.ignoredColumns.length) readNotes.push(`Columns not used: ${sheet.ignoredColumns.map((c) => `"${c}"`).join(", ")}.`);

    const heading = report.fresh
      ? `Imported ${plural(plan.indicators.length, "indicator")} in ${plural(plan.sections.length, "section")}, ${plural(sheet.months.length, "month")} (${sheet.months[0]} to ${latest}) into ${outName}/`
      : `Update of ${outName}/ from ${name}: ${plural(report.newMonths.length, "new month")}, ${plural(report.restatements.length, "restated figure")}, ${plural(report.newIndicators.length, "new indicator")}`;

    if (!report.fresh && changes.files.size === 0) {
      io.out(`Nothing to update: ${outName}/ already holds every figure in ${name} (to ${longMonth(latest)}).\n`);
      for (const l of lines.filter((l) => /^- (Kept|Not in the sheet|Commentary kept)/.test(l))) io.out(`${l}\n`);
      io.out("\n" + reconciliation);
      printAll(problems.warnings);
      return 0;
    }

    const notesHeading = report.fresh
      ? `Imported ${plural(plan.indicators.length, "indicator")} in ${plural(plan.sections.length, "section")}, ${plural(sheet.months.length, "month")} (${longMonth(sheet.months[0]!)} to ${longMonth(latest)})`
      : `Updated from the sheet: ${plural(report.newMonths.length, "new month")}, ${plural(report.restatements.length, "restated figure")}, ${plural(report.newIndicators.length, "new indicator")}`;
    const notesText = importNotes(plan, name, notesHeading, readNotes, guesses.map((g) => `- ${g.ref}: ${g.guesses.join("; ")}`), changeLines(report, ""), reconciliation, report.fresh);
    const reconciliationText = `# Reconciliation with the sheet's own columns\n\nThe sheet \`${name}\` computes some figures itself (changes, averages, maxima). boardpack computes them from the figures; where the two differ beyond the sheet's rounding, the reason is given.\n\n\`\`\`\n${reconciliation.trimEnd()}\n\`\`\`\n`;

    // --replace on a directory with data: what it discards, before anything is discarded.
    const discards = exists && report.fresh ? discardList(outDir, outName, new Map([...changes.files, ["IMPORT-NOTES.md", notesText], ["RECONCILIATION.md", reconciliationText]]), !!req.dryRun) : null;

    if (req.dryRun) {
      io.out(`Dry run: ${heading.replace(/^Update of/, "the update of")}. Nothing was written.\n`);
      if (discards) io.out(`${discards}\n`);
      for (const l of lines) io.out(`${l}\n`);
      io.out("\n" + reconciliation);
      printAll(problems.warnings);
      return 0;
    }

    // Write.
    const written: string[] = [];
    if (report.fresh) {
      fs.writeFileSync(path.join(staging, "IMPORT-NOTES.md"), notesText);
      fs.writeFileSync(path.join(staging, "RECONCILIATION.md"), reconciliationText);
      if (exists) {
        io.out(`${discards}\n`);
        fs.rmSync(outDir, { recursive: true, force: true });
      } else if (fs.existsSync(outDir)) fs.rmdirSync(outDir);
      fs.renameSync(staging, outDir);
      committed = true;
      written.push(...listFiles(outDir));
    } else {
      const all = new Map(changes.files);
      all.set("IMPORT-NOTES.md", notesText);
      all.set("RECONCILIATION.md", reconciliationText);
      for (const [rel, content] of all) {
        const target = path.join(outDir, rel);
        if (fs.existsSync(target) && fs.readFileSync(target, "utf8") === content) continue;
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(`${target}.importing`, content);
        written.push(rel);
      }
      for (const rel of written) fs.renameSync(path.join(outDir, `${rel}.importing`), path.join(outDir, rel));
    }

    io.out(`${heading}.\n`);
    for (const n of readNotes) io.out(`Note: ${n}\n`);
    if (report.fresh) {
      if (guesses.length) io.out(`${guesses.length} indicators have guessed settings (unit, polarity or kind): see ${outName}/IMPORT-NOTES.md and the "# guess" comments.\n`);
    } else {
      for (const l of lines) io.out(`${l}\n`);
      io.out(`${plural(written.length, "file")} written: ${written.join(", ")}\n`);
    }
    io.out("\n" + reconciliation);
    printAll(problems.warnings);
    for (const p of check.warnings) io.err(formatProblem({ ...p, file: show(path.join(outDir, path.relative(staging, path.resolve(p.file)))) }) + "\n");
    io.out(report.fresh ? `\nBuild it with: npm run build -- --data ${outName} --out ${outName}-dist\n` : `\nReview the change (git diff ${outName}), then: npm run build -- --data ${outName}\n`);
    return 0;
  } finally {
    if (!committed) fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * A check's problem with the staging folder's paths in its text (message and
 * fix) read as the directory's own: `/tmp/.data-importing-X/months/2021-04.yaml`
 * -> `data/months/2021-04.yaml`. The file field is left for degrade() to read.
 */
export function unstaged(p: Problem, staging: string, outDir: string, shown: (p: string) => string = (x) => x): Pick<Problem, "message" | "fix"> {
  const abs = path.resolve(staging);
  const rel = path.relative(process.cwd(), abs);
  const names = [...new Set([abs, rel].filter((n) => n !== "" && !n.startsWith("..")))].sort((a, b) => b.length - a.length);
  const rewrite = (text: string) => {
    let out = text;
    for (const n of names) {
      out = out.replace(new RegExp(`${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}((?:[\\/][^\\s,;:)'"\`]*)?)`, "g"), (_m, tail: string) => shown(path.join(outDir, tail.replace(/^[\\/]/, ""))));
    }
    return out;
  };
  return { message: rewrite(p.message), ...(p.fix !== undefined ? { fix: rewrite(p.fix) } : {}) };
}

/**
 * A month the update brings in a reporting year the directory has no
 * population for would stop the checks (its rates cannot be computed), and
 * no cell of the sheet is to blame: say so before anything is staged,
 * naming authority.yaml and the line to add.
 */
function checkNewYears(existing: DataSet, outDir: string, months: string[], problems: Problems): void {
  const rates = existing.indicators.filter((i) => i.compute && "rate" in i.compute);
  if (!rates.length) return;
  const have = new Set(existing.months.map((m) => m.month));
  const years = new Map<string, string[]>();
  for (const m of months) {
    if (have.has(m)) continue;
    const year = reportingYear(m, existing.authority.yearStartMonth);
    if (existing.authority.population[year] !== undefined) continue;
    years.set(year, [...(years.get(year) ?? []), m]);
  }
  if (!years.size) return;
  const file = path.join(outDir, "authority.yaml");
  const lines = fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n") : [];
  const at = lines.findIndex((l) => /^population:/.test(l));
  const known = Object.entries(existing.authority.population).sort(([a], [b]) => a.localeCompare(b)).at(-1);
  for (const [year, ms] of years) {
    problems.error(
      { file: show(file), line: at >= 0 ? at + 1 : 1 },
      `The sheet brings ${ms.map(longMonth).join(", ")}, in the reporting year ${year}, and there is no population for ${year}, so the rates ${rates.map((r) => r.ref).join(", ")} cannot be computed for ${ms.length === 1 ? "it" : "them"}. This is the directory's setting, not a cell of the sheet.`,
      `Add \`${year}: N\` under \`population:\` in authority.yaml (N the number of children aged 0-17 in ${year}${known ? `; ${known[0]} is ${known[1]}` : ""}), then import again.`,
    );
  }
}

/** The directory as it is, with the checks that stop a build (its data-quality warnings are the build's business). */
function loadForUpdate(dir: string): { data: DataSet | null; problems: Problems } {
  const { data, problems } = loadDataSet(dir);
  if (data) {
    checkReferences(data, problems);
    checkTargets(data, problems);
    checkValues(data, problems);
    checkRatioParts(data, problems);
    checkPopulation(data, problems);
    checkMissing(data, problems);
  }
  return { data: problems.errors.length ? null : data, problems };
}

/**
 * What --replace discards: every file of the directory, and by name those the
 * fresh import does not make again as they are (edited by hand since the
 * import, or never made from the sheet: commentary, restatements, notes a
 * person wrote), which are lost.
 */
function discardList(outDir: string, outName: string, fresh: Map<string, string>, dryRun: boolean): string {
  const old = listFiles(outDir);
  const lost = old.filter((f) => fresh.get(f) !== fs.readFileSync(path.join(outDir, f), "utf8"));
  const lines = [`${dryRun ? `--replace would discard the ${plural(old.length, "file")} of ${outName}/` : `Replacing ${outName}/ (--replace): discarding its ${plural(old.length, "file")}`} (${summariseFiles(old)}).`];
  if (lost.length) {
    lines.push(`${lost.length} of them ${lost.length === 1 ? "is" : "are"} not made again from the sheet as ${lost.length === 1 ? "it is" : "they are"} (edited by hand, or not from the sheet), and ${dryRun ? "would be" : "are"} lost:`);
    for (const f of lost) lines.push(`- ${outName}/${f}${fresh.has(f) ? " (differs from the sheet's)" : " (not made from the sheet)"}`);
    if (lost.length < old.length) lines.push(`The other ${plural(old.length - lost.length, "file")} ${old.length - lost.length === 1 ? "is" : "are"} made again from the sheet as ${old.length - lost.length === 1 ? "it is" : "they are"}.`);
  } else lines.push("Every one is made again from the sheet as it is: nothing a person wrote is lost.");
  return lines.join("\n");
}

function summariseFiles(files: string[]): string {
  const groups = new Map<string, number>();
  for (const f of files) {
    const top = f.includes("/") ? `${f.split("/")[0]}/` : f;
    groups.set(top, (groups.get(top) ?? 0) + 1);
  }
  return [...groups.entries()].map(([g, n]) => (g.endsWith("/") ? `${n} in ${g}` : g)).join(", ");
}

/**
 * Reads the check's errors back to the sheet: a figure the checks refuse
 * becomes no value, a guessed setting is dropped, and as a last resort a
 * new indicator is left out; each with a warning naming the sheet's cell.
 * False when none of the errors can be traced to the sheet.
 */
function degrade(plan: Plan, changes: ChangeSet, errors: Problem[], staging: string, problems: Problems): boolean {
  let progress = false;
  for (const e of errors) {
    const rel = path.relative(staging, path.resolve(e.file)).split(path.sep).join("/");
    const text = fs.existsSync(path.join(staging, rel)) ? fs.readFileSync(path.join(staging, rel), "utf8").split("\n") : [];
    const line = e.line ? text[e.line - 1] ?? "" : "";
    const key = /^\s*(?:-\s+ref:\s*)?("?)(.+?)\1\s*:(?:\s|$)/.exec(line)?.[2];
    if (rel.startsWith("months/") && key) {
      let block = "";
      const indent = /^\s*/.exec(line)![0].length;
      for (let i = (e.line ?? 1) - 2; i >= 0; i--) {
        const l = text[i]!;
        const ind = /^\s*/.exec(l)![0].length;
        if (l.trim() === "" || l.trim().startsWith("#") || ind >= indent) continue;
        block = /^\s*(\d{4}-\d{2}):\s*$/.exec(l)?.[1] ?? "";
        break;
      }
      const cell = changes.provenance.get(provenanceKey(rel, block, key));
      const month = block || /months\/(\d{4}-\d{2})\./.exec(rel)?.[1];
      const f = month ? plan.figures.get(key)?.get(month) : undefined;
      if (cell && f && f.figure) {
        problems.warning(cell.at, `${key}: the figure "${cell.text}" cannot be used (${e.message.replace(/\s*Fix:.*$/, "")}), so it was read as no value.`, "Check the figure in the sheet.");
        f.figure = null;
        f.text = "-";
        progress = true;
        continue;
      }
    }
    if (rel.startsWith("indicators/") && e.line) {
      let ref: string | undefined;
      for (let i = e.line - 1; i >= 0; i--) {
        const m = /^\s*-\s+ref:\s*"?(.+?)"?\s*$/.exec(text[i] ?? "");
        if (m) {
          ref = m[1];
          break;
        }
      }
      const ind = plan.indicators.find((i) => i.ref === ref && !i.existing);
      if (ind) {
        if (ind.target || ind.benchmarks) {
          problems.warning(ind.row.at, `${ind.ref}: the target or benchmarks read from the sheet do not pass the checks (${e.message.replace(/\s*Fix:.*$/, "")}), so they were left out.`, "Set them in the catalogue by hand.");
          ind.target = null;
          ind.benchmarks = null;
        } else {
          problems.warning(ind.row.at, `${ind.ref}: this row cannot be imported (${e.message.replace(/\s*Fix:.*$/, "")}), so it was left out.`, "Check the row in the sheet.");
          plan.indicators.splice(plan.indicators.indexOf(ind), 1);
          plan.figures.delete(ind.ref);
        }
        progress = true;
        continue;
      }
    }
    // A rule across figures (a part larger than its whole...): drop the sheet's changed figures it names.
    for (const [ref, byMonth] of plan.figures) {
      if (!new RegExp(`(^|[^\\w.])${ref.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^\\w.]|$)`).test(e.message)) continue;
      const month = /\b(\d{4}-\d{2})\b/.exec(e.message)?.[1];
      const f = month ? byMonth.get(month) : undefined;
      if (f?.figure && f.cell) {
        problems.warning(f.cell.at, `${ref}: the figure "${f.cell.text}" cannot be used (${e.message.replace(/\s*Fix:.*$/, "")}), so it was read as no value.`, "Check the figures in the sheet.");
        f.figure = null;
        f.text = "-";
        progress = true;
        break;
      }
    }
  }
  return progress;
}

function importNotes(plan: Plan, name: string, heading: string, readNotes: string[], guesses: string[], lines: string[], reconciliation: string, fresh: boolean): string {
  const sections = plan.sections
    .filter((s) => s.rows.length)
    .map((s) => `- ${s.title} (${s.id}): rows ${rowSpans(s.rows)}${s.labels.length ? `; the sheet's labels ${s.labels.map((l) => `"${l}"`).join(", ")}` : ""}${s.isNew ? "" : " (an existing section)"}`);
  return [
    "# Import notes",
    "",
    `${heading}.`,
    "",
    `The sheet: \`${name}\`${plan.sheet.sheetName ? `, sheet "${plan.sheet.sheetName}"` : ""}; ${plan.sheet.rows.length} indicator rows, ${plan.sheet.months.length} months (${longMonth(plan.sheet.months[0]!)} to ${longMonth(plan.sheet.months.at(-1)!)}).`,
    "",
    ...readNotes.map((n) => `- ${n}`),
    ...(readNotes.length ? [""] : []),
    UPDATE_HEADING,
    "",
    ...lines,
    "",
    "## Sections",
    "",
    "Which rows of the sheet went into which section:",
    "",
    ...sections,
    "",
    "## Guesses",
    "",
    guesses.length ? `The sheet did not say these; the import worked them out (marked \`# guess\` in ${fresh ? "data/indicators/" : "the section files"}):` : "None.",
    "",
    ...guesses,
    ...(guesses.length ? [""] : []),
    "## Reconciliation with the sheet's own columns",
    "",
    "```",
    reconciliation.trimEnd(),
    "```",
    "",
  ].join("\n");
}

function rowSpans(rows: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    out.push(j > i ? `${rows[i]}-${rows[j]}` : String(rows[i]));
    i = j + 1;
  }
  return out.join(", ");
}
