// Phase 1 of every build: read the data directory and check it.
import { loadDataSet } from "../load/dataSet.ts";
import { DataError, type Problems } from "../model/problems.ts";
import type { DataSet } from "../model/types.ts";
import { validateDataSet } from "../validate/validate.ts";

export function loadAndValidate(dir: string): { data: DataSet | null; problems: Problems } {
  const { data, problems } = loadDataSet(dir);
  if (data) validateDataSet(data, problems);
  return { data: problems.errors.length ? null : data, problems };
}

/** Same, but throws a DataError (no stack shown) when the data has errors. */
export function loadValidData(dir: string): { data: DataSet; problems: Problems } {
  const { data, problems } = loadAndValidate(dir);
  if (!data) throw new DataError(problems.errors);
  return { data, problems };
}
