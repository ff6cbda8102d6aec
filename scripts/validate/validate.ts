// Runs every check over a loaded data set. Errors stop the build; warnings are listed.
import type { Problems } from "../model/problems.ts";
import type { DataSet } from "../model/types.ts";
import { checkReferences, checkTargets } from "./catalogueRules.ts";
import { checkDerivedAgreement } from "./reconcile.ts";
import { checkDataQuality } from "./quality.ts";
import { checkMissing, checkPopulation, checkRatioParts, checkValues } from "./valueRules.ts";
import { checkDates } from "./dateRules.ts";
import { checkRestatedMonths } from "./restatementRules.ts";
import { checkCommentaryMonths } from "./commentaryRules.ts";
import { checkEmptyMonthFiles } from "./monthFileRules.ts";

export interface ValidateOptions {
  /** The date the check runs, YYYY-MM-DD (default: today, UTC); months after it cannot have figures. */
  today?: string;
}

export function validateDataSet(data: DataSet, problems: Problems, options: ValidateOptions = {}): void {
  checkReferences(data, problems);
  checkTargets(data, problems);
  checkEmptyMonthFiles(data, problems);
  checkDates(data, problems, options.today);
  checkRestatedMonths(data, problems);
  checkCommentaryMonths(data, problems);
  checkValues(data, problems);
  checkRatioParts(data, problems);
  checkPopulation(data, problems);
  checkMissing(data, problems);
  if (problems.errors.length === 0) {
    checkDerivedAgreement(data, problems);
    checkDataQuality(data, problems);
  }
}
