// Reads data/months/YYYY-MM.yaml (or .csv): one month's figures and any
// restatements of earlier months.
import path from "node:path";
import type { Problems } from "../model/problems.ts";
import type { MonthFile, ReportDetails } from "../model/types.ts";
import { readCsvTable } from "./csvTable.ts";
import { readEntries, readFigure, type IndicatorLookup } from "./entries.ts";
import { parseYamlMap, type YNode } from "./yamlTree.ts";
import { addMonths, isMonth } from "../metrics/months.ts";

const MONTH_NAME = /^(\d{4}-\d{2})\.(ya?ml|csv)$/;

/** The month a file name stands for, or null. */
export function monthOfFileName(file: string): string | null {
  const m = MONTH_NAME.exec(path.basename(file));
  return m && isMonth(m[1]!) ? m[1]! : null;
}

export function readMonthFile(source: string, file: string, indicators: IndicatorLookup, problems: Problems): MonthFile | null {
  const month = monthOfFileName(file);
  if (!month) {
    problems.error({ file, line: 1 }, "A month file must be named YYYY-MM.yaml or YYYY-MM.csv (e.g. 2020-12.yaml).", "Rename the file.");
    return null;
  }
  return file.endsWith(".csv")
    ? readMonthCsv(source, file, month, indicators, problems)
    : readMonthYaml(source, file, month, indicators, problems);
}

function readMonthYaml(source: string, file: string, month: string, indicators: IndicatorLookup, problems: Problems): MonthFile | null {
  const root = parseYamlMap(source, file, problems, "`month:` and `values:` lines at the top", "data/months/");
  if (!root) return null;
  const result: MonthFile = { month, file, line: 1, listed: [], values: [], restated: [], report: {} };
  let sawMonth = false;
  for (const { key, value } of root.entries) {
    const at = { file, line: key.line };
    switch (key.text) {
      case "month": {
        sawMonth = true;
        const written = value.kind === "scalar" ? value.text.trim() : "";
        if (written !== month) {
          problems.error(at, `The file is named ${month} but says \`month: ${written}\`.`, `Make them agree: rename the file to ${written || "YYYY-MM"}.yaml or change the line to \`month: ${month}\`.`);
        }
        break;
      }
      case "values":
        result.line = key.line;
        if (value.kind === "map") result.listed = value.entries.map((e) => e.key.text);
        result.values = readEntries(value, month, file, indicators, problems);
        break;
      case "restated": {
        if (value.kind !== "map") {
          if (!(value.kind === "scalar" && value.text.trim() === "")) {
            problems.error(at, "`restated:` should list earlier months, each with its re-run figures.", "Write `restated:` then an indented `2020-11:` and the figures under it.");
          }
          break;
        }
        for (const block of value.entries) {
          const earlier = block.key.text.trim();
          if (!isMonth(earlier)) {
            problems.error({ file, line: block.key.line }, `"${earlier}" is not a month.`, "Write the restated month as YYYY-MM (e.g. 2020-11).");
            continue;
          }
          if (earlier >= month) {
            problems.error({ file, line: block.key.line }, `A month file can only restate earlier months; ${earlier} is not before ${month}.`, `Put ${earlier}'s figures in data/months/${earlier}.yaml.`);
            continue;
          }
          result.restated.push(...readEntries(block.value, earlier, file, indicators, problems));
        }
        break;
      }
      case "report":
        result.report = readReportDetails(value, file, month, problems);
        break;
      default:
        problems.error(at, `"${key.text}" is not a heading a month file understands.`, "Use `month:`, `report:`, `values:` and `restated:` only; indent figures under `values:`.");
    }
  }
  if (!sawMonth) problems.error({ file, line: 1 }, "The file does not say which month it holds.", `Add \`month: ${month}\` as the first line.`);
  return result;
}

/**
 * CSV form: a header `ref,value` and optionally `month` (a restatement when
 * it names an earlier month) and `note` (words printed in place of a missing
 * figure); one row per figure.
 */
function readMonthCsv(source: string, file: string, month: string, indicators: IndicatorLookup, problems: Problems): MonthFile | null {
  const table = readCsvTable(source, file, problems);
  if (!table) return null;
  const col = (name: string) => table.header.findIndex((h) => h.toLowerCase() === name);
  const refCol = col("ref");
  const valueCol = col("value");
  const monthCol = col("month");
  const noteCol = col("note");
  if (refCol < 0 || valueCol < 0) {
    problems.error({ file, line: table.headerLine }, `The header must name the columns "ref" and "value" (it has: ${table.header.join(", ")}).`, "Make the first row `ref,value` (and optionally `month`).");
    return null;
  }
  const result: MonthFile = { month, file, line: table.headerLine, listed: [], values: [], restated: [], report: {} };
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    if (row.cells.length < table.header.length) {
      problems.error({ file, line: row.line }, `This row has ${row.cells.length} cells but the header has ${table.header.length}.`, "Add the missing cells (leave them empty if there is no value).");
      continue;
    }
    // Trailing empty cells are how spreadsheets pad rows; a filled one has no column to belong to.
    const extra = row.cells.slice(table.header.length).findIndex((c) => c.trim() !== "");
    if (extra >= 0) {
      problems.error(
        { file, line: row.line, column: table.header.length + extra + 1 },
        `This row has a value in column ${table.header.length + extra + 1} ("${row.cells[table.header.length + extra]!.trim()}"), but the header names only ${table.header.length} columns.`,
        "Remove the extra cell, or quote a value that contains the separator (e.g. \"1,234\").",
      );
      continue;
    }
    const ref = (row.cells[refCol] ?? "").trim();
    const rowMonth = monthCol >= 0 && (row.cells[monthCol] ?? "").trim() !== "" ? row.cells[monthCol]!.trim() : month;
    const at = { file, line: row.line, column: valueCol + 1 };
    if (!isMonth(rowMonth)) {
      problems.error({ file, line: row.line, column: monthCol + 1 }, `"${rowMonth}" is not a month.`, "Write it as YYYY-MM, or leave it empty for this file's month.");
      continue;
    }
    if (rowMonth > month) {
      problems.error({ file, line: row.line, column: monthCol + 1 }, `A month file can only restate earlier months; ${rowMonth} is after ${month}.`, `Move the row to data/months/${rowMonth}.csv.`);
      continue;
    }
    const key = `${rowMonth} ${ref}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.error({ file, line: row.line, column: refCol + 1 }, `"${ref}" appears twice for ${rowMonth} (first on line ${first}).`, "Keep one of the two rows.");
      continue;
    }
    seen.set(key, row.line);
    if (rowMonth === month) result.listed.push(ref);
    const note = noteCol >= 0 ? (row.cells[noteCol] ?? "").trim() : "";
    let entry = readFigure(ref, row.cells[valueCol] ?? "", rowMonth, at, indicators, problems);
    if (!entry) continue;
    // A note is printed in place of a missing figure; beside a figure it is the team's remark, not printed.
    if (note && !entry.figure) entry = { ...entry, note };
    (rowMonth === month ? result.values : result.restated).push(entry);
  }
  return result;
}

/** A real calendar date written YYYY-MM-DD (not 2021-02-31). */
function isDate(text: string): boolean {
  if (!/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(text)) return false;
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}

/** `report: { status: Issue 1, created: 2021-02-23, createdBy: ... }` */
function readReportDetails(node: YNode, file: string, month: string, problems: Problems): ReportDetails {
  const details: ReportDetails = {};
  if (node.kind !== "map") {
    problems.error({ file, line: node.line }, "`report:` should hold `status:`, `created:` and `createdBy:` lines.", "Indent them under `report:`, e.g. `  status: Issue 1`.");
    return details;
  }
  for (const { key, value } of node.entries) {
    const text = value.kind === "scalar" ? value.text.trim() : "";
    if (key.text === "status") details.status = text;
    else if (key.text === "createdBy") details.createdBy = text;
    else if (key.text === "created") {
      if (!isDate(text)) {
        problems.error({ file, line: key.line }, `"${text}" is not a date.`, "Write the date created as YYYY-MM-DD, e.g. 2021-02-23.");
      } else if (text.slice(0, 7) <= month) {
        // A month's report is written once the month has ended.
        problems.error({ file, line: key.line }, `The report is dated ${text}, before ${month} had ended.`, `Check the date: the ${month} report is created in ${addMonths(month, 1)} or later.`);
      } else details.created = text;
    } else problems.error({ file, line: key.line }, `"${key.text}" is not a report detail.`, "Use status, created or createdBy.");
  }
  return details;
}
