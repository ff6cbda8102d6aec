// Field types shared by the settings and catalogue schemas.
//
// The YAML tree keeps plain scalars as text (so `1.10` stays "1.10"); these
// fields turn text into numbers where a number is meant, accepting `95%`
// and `1,234` as people write them.
import { z } from "zod";
import { parseNumber } from "../load/cellValue.ts";

/** A number written as `95`, `95%`, `1,234` or `-3.5`. */
export const numberish = z.union([z.number(), z.string()]).transform((v, ctx) => {
  if (typeof v === "number") return v;
  const n = parseNumber(v.trim().replace(/%$/, ""));
  if (n === null) {
    ctx.addIssue({ code: "custom", message: `"${v}" is not a number` });
    return z.NEVER;
  }
  return n;
});

export const positiveNumber = numberish.refine((n) => n > 0, { message: "must be greater than 0" });

/** Any scalar kept as text (indicator references, labels). */
export const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

export const nonEmptyText = text.refine((s) => s.length > 0, { message: "must not be empty" });

/** Notes printed under a table: one text, or a list of them. */
export const footnotes = z
  .union([nonEmptyText, z.array(nonEmptyText)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

export const booleanish = z.union([z.boolean(), z.enum(["yes", "no"])]).transform((v) => v === true || v === "yes");

export const monthText = text.refine((s) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s), {
  message: "must be a month written YYYY-MM (e.g. 2020-12)",
});

export const yearLabel = text.refine((s) => /^\d{4}\/\d{2}$/.test(s), {
  message: "must be a year written YYYY/YY (e.g. 2020/21)",
});

export const colour = text.refine((s) => /^#[0-9a-fA-F]{6}$/.test(s), {
  message: 'must be a colour written #rrggbb (e.g. "#1d5c84"), in quotes',
});
