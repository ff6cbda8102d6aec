// Restatements re-run figures that were published: the month they restate
// must be one the data holds.
import type { Problems } from "../model/problems.ts";
import type { DataSet } from "../model/types.ts";
import { monthsWithFiles } from "./monthFiles.ts";

export function checkRestatedMonths(data: DataSet, problems: Problems): void {
  const months = monthsWithFiles(data);
  for (const file of data.months) {
    const reported = new Set<string>();
    for (const entry of file.restated) {
      if (months.has(entry.month) || reported.has(entry.month)) continue;
      reported.add(entry.month);
      problems.error(
        entry.source,
        `${file.month} restates ${entry.month}, but there is no data file for ${entry.month}, so no figure was published to restate.`,
        `Check the month (a restatement re-runs a month already published); if ${entry.month}'s figures are new, add data/months/${entry.month}.yaml.`,
      );
    }
  }
}
