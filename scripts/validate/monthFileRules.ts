// A month file that lists no figures at all is a mistake (an empty export,
// figures indented under the wrong heading), not a month without data:
// months without a figure say so with "-".
import type { Problems } from "../model/problems.ts";
import type { DataSet } from "../model/types.ts";

export function checkEmptyMonthFiles(data: DataSet, problems: Problems): void {
  for (const file of data.months) {
    if (file.listed.length > 0) continue;
    problems.error(
      { file: file.file, line: file.line },
      `The file lists no figures for ${file.month}.`,
      file.file.endsWith(".csv") ? "Add a row `ref,value` for each indicator (value - where there is none)." : "List the figures under `values:`, indented, e.g. `  1.1: 663` (write `-` where there is no figure).",
    );
  }
}
