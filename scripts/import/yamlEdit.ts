// Edits a YAML file a person may have written, changing only the lines that
// must change: the yaml library's Document API finds the nodes (and their
// places in the source), and the new text is spliced in there, so every
// other byte — comments, key order, alignment, quoting — stays as it was.
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from "yaml";

export class YamlEditError extends Error {
  /** The file (as the YamlFile was told it) and line (1-based) of the node the edit could not make, where known. */
  file?: string;
  line?: number;
  constructor(message: string, line?: number, file?: string) {
    super(message);
    if (line !== undefined) this.line = line;
    if (file !== undefined) this.file = file;
  }
}

/** `key: -` is boardpack's "no value", which YAML reads as a list; read it as `~` (same length, so offsets hold). */
function parseable(source: string): string {
  return source.replace(/^([ \t]*[^#\s-][^#\n]*?:[ \t]+)-([ \t]*(?:#.*)?)$/gm, "$1~$2");
}

export class YamlFile {
  source: string;
  /** The file's name, for errors. */
  readonly file: string | undefined;
  constructor(source: string, file?: string) {
    this.source = source;
    this.file = file;
  }

  private error(message: string, line?: number): YamlEditError {
    return new YamlEditError(message, line, this.file);
  }

  private doc() {
    const doc = parseDocument(parseable(this.source), { keepSourceTokens: true, uniqueKeys: false });
    if (doc.errors.length) throw this.error(doc.errors[0]!.message, doc.errors[0]!.linePos?.[0].line);
    return doc;
  }

  private keyText(node: unknown): string {
    if (isScalar(node) && node.range) {
      if (node.type === "PLAIN") return this.source.slice(node.range[0], node.range[1]).trim();
      return String(node.value);
    }
    return String(node);
  }

  /** The pair at a path of keys, or null. */
  private pairAt(path: string[]): { pair: Pair<Node, Node | null>; map: YAMLMap } | null {
    let node: unknown = this.doc().contents;
    let found: { pair: Pair<Node, Node | null>; map: YAMLMap } | null = null;
    for (const key of path) {
      if (!isMap(node)) return null;
      const pair = (node.items as Pair<Node, Node | null>[]).find((p) => isPair(p) && this.keyText(p.key) === key);
      if (!pair) return null;
      found = { pair, map: node as YAMLMap };
      node = pair.value;
    }
    return found;
  }

  has(path: string[]): boolean {
    return this.pairAt(path) !== null;
  }

  /** The node at a path (a map, a sequence or a scalar), or undefined. */
  nodeAt(path: string[]): Node | null | undefined {
    if (path.length === 0) return this.doc().contents as Node;
    const p = this.pairAt(path);
    return p ? p.pair.value : undefined;
  }

  private lineOf(offset: number): number {
    return this.source.slice(0, offset).split("\n").length;
  }

  private lineEnd(offset: number): number {
    const nl = this.source.indexOf("\n", offset);
    return nl < 0 ? this.source.length : nl + 1;
  }

  private lineStart(offset: number): number {
    return this.source.lastIndexOf("\n", offset - 1) + 1;
  }

  private splice(at: number, remove: number, text: string): void {
    this.source = this.source.slice(0, at) + text + this.source.slice(at + remove);
  }

  /** Where the last entry of a block collection ends (the end of its line). */
  private endOf(node: Node): number {
    let end = node.range![1];
    if (isMap(node) || isSeq(node)) {
      const last = (node.items as unknown[])[node.items.length - 1];
      if (isPair(last)) end = last.value && (last.value as Node).range ? this.endOf(last.value as Node) : (last.key as Node).range![1];
      else if (last && (last as Node).range) end = this.endOf(last as Node);
    }
    return this.lineEnd(Math.max(end - 1, 0));
  }

  /** Replaces the scalar value at `path` (`key: old` -> `key: text`), keeping any comment after it. */
  setScalar(path: string[], text: string): void {
    const p = this.pairAt(path);
    if (!p) throw this.error(`no ${path.join(".")}`);
    const value = p.pair.value;
    if (value && isScalar(value) && value.range && value.range[1] > value.range[0]) {
      this.splice(value.range[0], value.range[1] - value.range[0], text);
      return;
    }
    if (value && !isScalar(value)) throw this.error(`${path.join(".")} is not a single value`);
    // An empty value (`key:`): write after the colon.
    const keyEnd = (p.pair.key as Node).range![1];
    const colon = this.source.indexOf(":", keyEnd);
    const rest = this.source.slice(colon + 1, this.lineEnd(colon) - 1);
    const spaces = /^[ \t]*/.exec(rest)![0].length;
    this.splice(colon + 1, spaces, ` ${text}${rest.length > spaces ? " ".repeat(Math.max(1, spaces - text.length - 1)) : ""}`);
  }

  /** Appends lines (already indented as `indent` says they must be) after the last entry of the block map or sequence at `path`. */
  appendLines(path: string[], lines: (indent: string) => string[]): void {
    const node = this.nodeAt(path);
    if (!node || !(isMap(node) || isSeq(node)) || node.items.length === 0) throw this.error(`${path.join(".")} is not a block with entries`);
    if ((node as YAMLMap | YAMLSeq).flow) throw this.error(`${path.join(".")} is written on one line`, this.lineOf(node.range![0]));
    const first = (node.items as unknown[])[0];
    const firstStart = isPair(first) ? (first.key as Node).range![0] : seqItemStart(this.source, (first as Node).range![0]);
    const indent = this.source.slice(this.lineStart(firstStart), firstStart);
    let at = this.endOf(node);
    // Comment lines right after the last entry, indented at least as deep as the entries, are that entry's own
    // (`    # agreed with the board`): the new lines go after them, not between the entry and its comment.
    while (at < this.source.length) {
      const next = this.source.slice(at, this.lineEnd(at)).replace(/\r?\n$/, "");
      const m = /^([ \t]*)#/.exec(next);
      if (!m || m[1]!.length < indent.length) break;
      at = this.lineEnd(at);
    }
    if (at === this.source.length && !this.source.endsWith("\n")) {
      this.source += "\n";
      at = this.source.length;
    }
    this.splice(at, 0, lines(indent).map((l) => `${l}\n`).join(""));
  }

  /** Adds an item to a one-line list (`[a, b]` -> `[a, b, c]`). */
  appendFlowItem(path: string[], item: string): void {
    const node = this.nodeAt(path);
    if (!node || !isSeq(node) || !node.flow || !node.range) throw this.error(`${path.join(".")} is not a one-line list`);
    const close = this.source.lastIndexOf("]", node.range[1]);
    this.splice(close, 0, `${node.items.length ? ", " : ""}${item}`);
  }

  /** Appends a top-level block (`restated:` ...) at the end of the file. */
  appendBlock(lines: string[]): void {
    if (this.source !== "" && !this.source.endsWith("\n")) this.source += "\n";
    this.source += lines.map((l) => `${l}\n`).join("");
  }

  /** Replaces an empty top-level `key:` line with a block. */
  replaceEmptyKey(key: string, lines: string[]): void {
    const p = this.pairAt([key]);
    if (!p) throw this.error(`no ${key}`);
    const start = this.lineStart((p.pair.key as Node).range![0]);
    const end = this.lineEnd((p.pair.key as Node).range![0]);
    this.splice(start, end - start, lines.map((l) => `${l}\n`).join(""));
  }

  /** The keys of the map at `path`, as written. */
  keys(path: string[]): string[] {
    const node = this.nodeAt(path);
    if (!node || !isMap(node)) return [];
    return (node.items as Pair[]).map((p) => this.keyText(p.key));
  }
}

/** A sequence item's node starts after its `- `; the indent is that of the dash. */
function seqItemStart(source: string, nodeStart: number): number {
  let i = nodeStart - 1;
  while (i >= 0 && source[i] !== "-" && source[i] !== "\n") i--;
  return source[i] === "-" ? i : nodeStart;
}
