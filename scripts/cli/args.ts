// Command-line options shared by the commands.
import { parseArgs } from "node:util";
import { isMonth } from "../metrics/months.ts";

export interface CommonArgs {
  data: string;
  out: string;
  month?: string;
  positionals: string[];
}

export function parseCommonArgs(argv: string[], extra: Record<string, { type: "string" | "boolean"; short?: string }> = {}): CommonArgs & { values: Record<string, unknown> } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: "string", default: "data" },
      out: { type: "string", default: "dist" },
      month: { type: "string" },
      ...extra,
    },
  });
  const month = values.month as string | undefined;
  if (month !== undefined && !isMonth(month)) throw new Error(`--month must be written YYYY-MM (got "${month}").`);
  return { data: values.data as string, out: values.out as string, ...(month ? { month } : {}), positionals, values };
}
