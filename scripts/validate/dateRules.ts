// Months and years that cannot have figures yet.
//
// "The future" is the date the check runs (UTC): a month file, commentary
// folder or restatement for a month that has not begun is an error (a
// mistyped year, usually); the month in progress gets a warning (its figures
// can only be partial). An outturn needs its reporting year to have ended,
// and termly figures their academic year to have begun. Whether a report's
// `created:` date comes after its month is checked against the data itself
// when the month file is read.
import type { Problems } from "../model/problems.ts";
import type { DataSet, Month } from "../model/types.ts";
import { addMonths, longMonth, monthsOfYear } from "../metrics/months.ts";

/** Today as YYYY-MM-DD (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function checkDates(data: DataSet, problems: Problems, asOf: string = today()): void {
  const current: Month = asOf.slice(0, 7);
  const future = (m: Month) => m > current;

  for (const file of data.months) {
    if (future(file.month)) {
      problems.error(
        { file: file.file, line: 1 },
        `${longMonth(file.month)} has not begun yet (the check ran on ${asOf}), so it cannot have figures.`,
        `Check the year and month in the file name: it should be a month that has ended, such as ${addMonths(current, -1)}.`,
      );
    } else if (file.month === current) {
      problems.warning(
        { file: file.file, line: 1 },
        `${longMonth(file.month)} has not ended yet (the check ran on ${asOf}); its figures can only be partial.`,
        "Publish the month once it has ended and the figures are complete.",
      );
    }
  }

  for (const c of data.commentary) {
    if (future(c.month)) {
      problems.error({ file: c.file, line: 1 }, `${longMonth(c.month)} has not begun yet (the check ran on ${asOf}).`, "Move the commentary to the folder of the month it is about (YYYY-MM).");
    }
  }

  for (const o of data.outturns) {
    const last = monthsOfYear(o.year, data.authority.yearStartMonth).at(-1)!;
    if (last >= current) {
      problems.error(
        { file: o.file, line: 1 },
        `The reporting year ${o.year} ends with ${longMonth(last)}, which has not ended yet (the check ran on ${asOf}), so it has no outturn.`,
        "Put the year's monthly figures in data/months/; write the outturn once the year has ended.",
      );
    }
  }

  for (const t of data.terms) {
    // The academic year begins in September.
    const begins = `${t.year.slice(0, 4)}-09`;
    if (future(begins)) {
      problems.error({ file: t.file, line: 1 }, `The academic year ${t.year} has not begun yet (the check ran on ${asOf}).`, "Check the year in the file name.");
    }
  }
}
