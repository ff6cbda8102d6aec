// The computed model as JSON: an interface other tools read, so field names are stable.
import type { MonthModel } from "../model/types.ts";

/** Numbers are written unrounded; consumers round for display. */
export function modelToJson(model: MonthModel): string {
  return JSON.stringify({ schemaVersion: 1, ...model }, null, 2) + "\n";
}
