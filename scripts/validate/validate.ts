// Runs every check over a loaded data set. Errors stop the build; warnings are listed.
import type { Problems } from "../model/problems.ts";
import type { DataSet } from "../model/types.ts";
import { checkReferences, checkTargets } from "./catalogueRules.ts";
import { checkDerivedAgreement } from "./reconcile.ts";
import { checkDataQuality } from "./quality.ts";
import { checkMissing, checkPopulation, checkRatioParts, checkValues } from "./valueRules.ts";

export function validateDataSet(data: DataSet, problems: Problems): void {
  checkReferences(data, problems);
  checkTargets(data, problems);
  checkValues(data, problems);
  checkRatioParts(data, problems);
  checkPopulation(data, problems);
  checkMissing(data, problems);
  if (problems.errors.length === 0) {
    checkDerivedAgreement(data, problems);
    checkDataQuality(data, problems);
  }
}
