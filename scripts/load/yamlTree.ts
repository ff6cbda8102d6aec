// Parses YAML into a tree that remembers the line of every key and value.
//
// js-yaml's event stream gives source offsets; building our own tree from it
// lets every validation message name a line, keeps keys as written (`1.10`
// stays "1.10", not the number 1.1) and lets the data format decide what a
// plain scalar means (`57.2%`, `379 of 663`, `-`, `tbc`).
import { EVENT_ID, SCALAR_STYLE, getScalarValue, parseEvents, type Event } from "js-yaml";
import type { Problems } from "../model/problems.ts";

export interface YScalar {
  kind: "scalar";
  /** The decoded text. */
  text: string;
  /** Quoted or block scalars are always strings; plain ones are interpreted. */
  plain: boolean;
  line: number;
}

export interface YMap {
  kind: "map";
  entries: { key: YScalar; value: YNode }[];
  line: number;
}

export interface YSeq {
  kind: "seq";
  items: YNode[];
  line: number;
}

export type YNode = YScalar | YMap | YSeq;

/** Offsets -> 1-based line numbers. */
export function lineIndex(source: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Data files nest a few levels; anything deeper is a mistake or an attack on the parser. */
const MAX_DEPTH = 20;

/**
 * Refuses the YAML features boardpack data never needs and that hide what a
 * file says: anchors and aliases (`&a`, `*a`, and "billion laughs" alias
 * bombs), tags (`!!str`, `!custom`), and keys that are lists or blocks.
 * Records the first such problem; false if there is one.
 */
function plainDataOnly(events: Event[], text: string, lineOf: (offset: number) => number, file: string, problems: Problems): boolean {
  // Open collections; in a mapping, whether the next node is a key.
  const stack: { map: boolean; expectKey: boolean }[] = [];
  const at = (offset: number) => ({ file, line: lineOf(Math.max(0, offset)) });
  const completed = () => {
    const top = stack[stack.length - 1];
    if (top?.map) top.expectKey = !top.expectKey;
  };
  for (const ev of events) {
    if (ev.type === EVENT_ID.DOCUMENT) {
      stack.push({ map: false, expectKey: false });
      continue;
    }
    if (ev.type === EVENT_ID.POP) {
      stack.pop();
      completed();
      continue;
    }
    if (ev.type === EVENT_ID.ALIAS) {
      problems.error(
        at(ev.anchorStart),
        `This uses an alias (*${text.slice(ev.anchorStart, ev.anchorEnd)}), which repeats a value from elsewhere in the file; boardpack data does not use aliases.`,
        "Write the value out in full here, and remove the & anchor it refers to.",
      );
      return false;
    }
    if (ev.anchorStart >= 0) {
      problems.error(
        at(ev.anchorStart),
        `This has an anchor (&${text.slice(ev.anchorStart, ev.anchorEnd)}); boardpack data does not use anchors and aliases.`,
        "Remove the anchor, and write out in full any value that refers to it with *.",
      );
      return false;
    }
    if (ev.tagStart >= 0) {
      problems.error(
        at(ev.tagStart),
        `This has a YAML tag (${text.slice(ev.tagStart, ev.tagEnd).trim() || "!"}); boardpack data does not use tags.`,
        "Remove the tag: write the value alone (in quotes if it must stay text).",
      );
      return false;
    }
    const top = stack[stack.length - 1];
    if (ev.type === EVENT_ID.SCALAR) {
      completed();
      continue;
    }
    if (top?.map && top.expectKey) {
      problems.error(at(ev.start), "A key here is a list or a block; keys are single names or references.", "Write `name: value`, with a plain name before the colon.");
      return false;
    }
    stack.push({ map: ev.type === EVENT_ID.MAPPING, expectKey: true });
  }
  return true;
}

/**
 * Parses `source`; returns the root node, or null (with a problem recorded)
 * when the file is empty or not valid YAML.
 */
export function parseYamlTree(source: string, file: string, problems: Problems): YNode | null {
  // `key: -` is how sheets say "no value", but YAML reads a lone dash as the
  // start of a list and fails. Read it as `~` (null, same length, so lines
  // and columns stay put); data files treat null as "no value".
  // Windows line endings become \n first (the same lines), so the `-` rule sees the end of each line.
  const text = source
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/^([ \t]*[^#\s-][^#\n]*?:[ \t]+)-([ \t]*(?:#.*)?)$/gm, "$1~$2");
  const tab = /^( *)\t/m.exec(text);
  if (tab) {
    const line = text.slice(0, tab.index).split("\n").length;
    problems.error({ file, line }, "A tab is used for indentation; YAML allows only spaces.", "Replace the tab at the start of this line with spaces.");
    return null;
  }
  let events: Event[];
  try {
    events = parseEvents(text, { filename: file, maxDepth: MAX_DEPTH });
  } catch (e) {
    const err = e as { reason?: string; mark?: { line: number; column: number } };
    if (/maxDepth/.test(err.reason ?? "")) {
      problems.error(
        { file, line: (err.mark?.line ?? 0) + 1 },
        `Lists and blocks are nested more than ${MAX_DEPTH} levels deep here; boardpack data needs a few.`,
        "Check the brackets and indentation on this line.",
      );
      return null;
    }
    problems.error(
      { file, line: (err.mark?.line ?? 0) + 1, column: (err.mark?.column ?? 0) + 1 },
      `This is not valid YAML (${err.reason ?? String(e)}).`,
      "Check the indentation, quotes, brackets and colons on this line and the line before it.",
    );
    return null;
  }
  const lineOf = lineIndex(text);
  if (!plainDataOnly(events, text, lineOf, file, problems)) return null;
  let i = 0;
  let lastLine = 1;
  const roots: YNode[] = [];

  function build(): YNode {
    const ev = events[i++]!;
    switch (ev.type) {
      case EVENT_ID.SCALAR: {
        // An empty value (`key:`) has no position: it belongs to its key's line.
        if (ev.valueStart >= 0) lastLine = lineOf(ev.valueStart);
        return { kind: "scalar", text: getScalarValue(text, ev), plain: ev.style === SCALAR_STYLE.PLAIN, line: lastLine };
      }
      case EVENT_ID.MAPPING: {
        const node: YMap = { kind: "map", entries: [], line: lineOf(ev.start) };
        while (events[i] && events[i]!.type !== EVENT_ID.POP) {
          const key = build();
          const value = build();
          // plainDataOnly() has refused keys that are lists or blocks.
          node.entries.push({ key: key as YScalar, value });
        }
        i++;
        return node;
      }
      case EVENT_ID.SEQUENCE: {
        const node: YSeq = { kind: "seq", items: [], line: lineOf(ev.start) };
        while (events[i] && events[i]!.type !== EVENT_ID.POP) node.items.push(build());
        i++;
        return node;
      }
      case EVENT_ID.ALIAS:
        return { kind: "scalar", text: "", plain: true, line: 1 };
      default:
        return { kind: "scalar", text: "", plain: true, line: 1 };
    }
  }

  while (i < events.length) {
    const ev = events[i]!;
    if (ev.type === EVENT_ID.DOCUMENT) {
      i++;
      if (events[i] && events[i]!.type !== EVENT_ID.POP) roots.push(build());
      i++; // document end
    } else i++;
  }
  if (roots.length === 0) {
    problems.error({ file, line: 1 }, "The file is empty.", "Add the file's content, or delete the file.");
    return null;
  }
  if (roots.length > 1) {
    problems.error({ file, line: roots[1]!.line }, "The file holds more than one YAML document (a `---` line).", "Keep one document per file: remove the `---` separator.");
  }
  return roots[0]!;
}

/**
 * The value of a scalar in a settings file: empty and `null` are null,
 * `true`/`false` are booleans, anything else stays text (the schema turns
 * text into numbers where it expects one, so `1.10` is never read as 1.1).
 */
export function settingValue(node: YScalar): string | boolean | null {
  if (!node.plain) return node.text;
  const t = node.text.trim();
  if (t === "" || t === "~" || /^(null|Null|NULL)$/.test(t)) return null;
  if (/^(true|True|TRUE)$/.test(t)) return true;
  if (/^(false|False|FALSE)$/.test(t)) return false;
  return t;
}

/**
 * Converts a tree into plain JavaScript values and records the line of every
 * path (`indicators.3.target.green` -> 41), so schema errors can be placed.
 */
export function toPlain(node: YNode, lines: Map<string, number>, path: (string | number)[] = []): unknown {
  lines.set(path.join("."), node.line);
  if (node.kind === "scalar") return settingValue(node);
  if (node.kind === "seq") return node.items.map((item, idx) => toPlain(item, lines, [...path, idx]));
  const out: Record<string, unknown> = {};
  for (const { key, value } of node.entries) {
    lines.set([...path, key.text].join("."), key.line);
    out[key.text] = toPlain(value, lines, [...path, key.text]);
    lines.set([...path, key.text].join(".") + "#value", value.line);
  }
  return out;
}

/** The line recorded for `path`, or for its nearest ancestor. */
export function lineFor(lines: Map<string, number>, path: readonly PropertyKey[]): number | undefined {
  const parts = path.map(String);
  for (let n = parts.length; n >= 0; n--) {
    const line = lines.get(parts.slice(0, n).join("."));
    if (line !== undefined) return line;
  }
  return undefined;
}

/** Reports keys that appear twice in one mapping, anywhere in the tree. */
export function reportDuplicateKeys(node: YNode, file: string, problems: Problems): void {
  if (node.kind === "seq") node.items.forEach((n) => reportDuplicateKeys(n, file, problems));
  if (node.kind !== "map") return;
  const seen = new Map<string, number>();
  for (const { key, value } of node.entries) {
    const first = seen.get(key.text);
    if (first !== undefined) {
      problems.error(
        { file, line: key.line },
        `"${key.text}" appears twice in the same block (first on line ${first}).`,
        "Keep one of the two lines and delete the other.",
      );
    } else seen.set(key.text, key.line);
    reportDuplicateKeys(value, file, problems);
  }
}

/**
 * Parses a file whose top level must be a block of settings (`key: value`
 * lines), reporting duplicate keys; null (with a problem) otherwise.
 */
export function parseYamlMap(source: string, file: string, problems: Problems, shape: string, example: string): YMap | null {
  const root = parseYamlTree(source, file, problems);
  if (!root) return null;
  if (root.kind !== "map") {
    problems.error({ file, line: root.line }, `This file should have ${shape}.`, `See ${example} for an example.`);
    return null;
  }
  reportDuplicateKeys(root, file, problems);
  return root;
}
