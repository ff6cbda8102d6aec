// Turns schema (zod) issues into plain-English problems placed at a line.
import type { z } from "zod";
import type { Problems } from "../model/problems.ts";
import { lineFor } from "../load/yamlTree.ts";

function describePath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const p of path) {
    if (typeof p === "number") parts.push(`item ${p + 1}`);
    else parts.push(String(p));
  }
  return parts.join(" > ");
}

/** Validates `value` against `schema`; on failure records one problem per issue and returns null. */
export function parseWithSchema<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: string,
  lines: Map<string, number>,
  problems: Problems,
  context?: string,
): z.output<S> | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const recorder = {
    error: (at: { file: string; line?: number }, message: string, fix?: string) => problems.error(at, context ? `${context}: ${message}` : message, fix),
  };
  for (const issue of result.error.issues) {
    const path = issue.path;
    const name = describePath(path) || "the file";
    // zod 4 leaves the input out of its issues: look the value up, to tell a missing setting from a wrong one.
    const given = valueAt(value, path);
    if (given.present && issue.input === undefined) (issue as { input?: unknown }).input = given.value;
    const missing = !given.present;
    const line = lineFor(lines, path);
    const at = line === undefined ? { file } : { file, line };
    switch (issue.code) {
      case "unrecognized_keys": {
        for (const key of issue.keys) {
          const keyLine = lineFor(lines, [...path, key]);
          recorder.error(
            keyLine === undefined ? at : { file, line: keyLine },
            `"${key}" is not a setting that ${path.length ? `"${describePath(path)}"` : "this file"} understands.`,
            "Check its spelling, or remove it (see the data format reference in the README).",
          );
        }
        break;
      }
      case "invalid_type": {
        if (missing) {
          recorder.error(at, `"${describePath(path)}" is missing.`, `Add "${String(path[path.length - 1])}:" with a value.`);
        } else {
          recorder.error(at, `"${name}" should be ${article(issue.expected)} but is ${describeValue(issue.input)}.`, "Correct the value on this line.");
        }
        break;
      }
      case "invalid_value": {
        if (missing) {
          recorder.error(at, `"${describePath(path)}" is missing; it must be one of: ${issue.values.map(String).join(", ")}.`, `Add "${String(path[path.length - 1])}:" with one of those values.`);
          break;
        }
        recorder.error(
          at,
          `"${name}" must be one of: ${issue.values.map(String).join(", ")} (it is ${describeValue(issue.input)}).`,
          "Use one of the listed values.",
        );
        break;
      }
      case "invalid_union": {
        if (missing) {
          recorder.error(at, `"${describePath(path)}" is missing.`, `Add "${String(path[path.length - 1])}:" with a value.`);
          break;
        }
        const disc = (issue as { discriminator?: string; options?: unknown[] }).options;
        if (disc) {
          recorder.error(at, `"${name}" must be one of: ${disc.map(String).join(", ")}.`, "Use one of the listed values.");
        } else {
          recorder.error(at, `"${name}" is not in a form this file understands.`, "See the data format reference in the README for the forms allowed here.");
        }
        break;
      }
      case "too_small": {
        recorder.error(at, `"${name}" ${issue.message.startsWith("must") ? issue.message : "has too few entries"}.`, "Add the missing entries.");
        break;
      }
      default:
        recorder.error(at, `"${name}" ${issue.message}.`, "Correct the value on this line.");
    }
  }
  return null;
}

/** The value at `path` in `value`, and whether there is one. */
function valueAt(value: unknown, path: readonly PropertyKey[]): { present: boolean; value?: unknown } {
  let v: unknown = value;
  for (const p of path) {
    if (v === null || typeof v !== "object" || !(p in (v as object))) return { present: false };
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return { present: v !== undefined, value: v };
}

function article(type: string): string {
  if (type === "array") return "a list";
  if (type === "object") return "a block of settings";
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeValue(v: unknown): string {
  if (v === null) return "empty";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a block of settings";
  return `"${String(v)}"`;
}
