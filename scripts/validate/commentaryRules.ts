// Commentary is shown with its month's report; a folder for a month that has
// no figures would never be published.
import type { Problems } from "../model/problems.ts";
import type { DataSet } from "../model/types.ts";
import { monthsWithFiles } from "./monthFiles.ts";

export function checkCommentaryMonths(data: DataSet, problems: Problems): void {
  const months = monthsWithFiles(data);
  for (const c of data.commentary) {
    if (months.has(c.month)) continue;
    problems.error(
      { file: c.file, line: 1 },
      `There are no figures for ${c.month}, so this commentary would not be shown.`,
      `Move it to the folder of the month it is about, or add data/months/${c.month}.yaml.`,
    );
  }
}
