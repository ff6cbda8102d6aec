// Reads a data file (YAML, CSV, Markdown) as UTF-8 text, or says plainly why
// it cannot: too large, a spreadsheet or other binary file, UTF-16, or bytes
// that are not UTF-8 (a file saved from Excel or Word as Windows-1252, where
// `£` and `é` would otherwise be published as `�`). A byte-order mark is fine.
import fs from "node:fs";
import iconv from "iconv-lite";
import type { Problems } from "../model/problems.ts";

/**
 * The largest data file read: 2 MB. A month file of the bundled example is
 * 9 KB and its largest section file 8 KB, so a larger file is a mistake (the
 * wrong file, an export of a whole database). Refusing it before reading
 * bounds memory: checking a 2 MB file that is all errors peaks at about
 * 200 MB for the whole process (tests/hardening/bad-corpus.test.ts).
 */
export const MAX_DATA_FILE_BYTES = 2 * 1024 * 1024;

const SAVE_AS_UTF8 =
  'Save the file as UTF-8 (Excel: Save As > "CSV UTF-8 (Comma delimited)"; Word or Notepad: Save As > Encoding "UTF-8"; VS Code: "Save with Encoding" > UTF-8).';

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i; // cut short at the end of the file
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points beyond U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column (in characters) of byte `offset`. */
function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, offset));
  return { line, column: [...before].length + 1 };
}

/**
 * The file's text, or null with a problem recorded. `absPath` is read;
 * `file` is how messages name it.
 */
export function readTextFile(absPath: string, file: string, problems: Problems): string | null {
  let size: number;
  try {
    size = fs.statSync(absPath).size;
  } catch {
    problems.error({ file }, "The file cannot be read.", "Check that it exists and that you may read it.");
    return null;
  }
  if (size > MAX_DATA_FILE_BYTES) {
    problems.error(
      { file, line: 1 },
      `The file is ${(size / 1024 / 1024).toFixed(1)} MB; boardpack reads data files of up to ${MAX_DATA_FILE_BYTES / 1024 / 1024} MB (a month's figures take a few KB).`,
      "Check this is the right file; split it, or keep only boardpack's data in the data folder.",
    );
    return null;
  }
  const bytes = fs.readFileSync(absPath);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    problems.error({ file, line: 1 }, "This is a spreadsheet or other zipped file (.xlsx, .docx), not text.", 'Save it as text: from Excel as "CSV UTF-8"; from Word, copy the text into a Markdown file.');
    return null;
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    problems.error({ file, line: 1 }, "The file is saved as UTF-16 (\"Unicode\"), not UTF-8.", SAVE_AS_UTF8);
    return null;
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    problems.error(
      { file, ...position(bytes, nul) },
      "The file contains NUL bytes: it is UTF-16 without a byte-order mark, or not a text file at all.",
      SAVE_AS_UTF8,
    );
    return null;
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const byte = bytes[bad]!;
    // Node's own "windows-1252" decoder is Latin-1 (0x80-0x9F become controls); iconv-lite has the real table.
    const as1252 = iconv.decode(Buffer.from(bytes.subarray(bad, bad + 1)), "win1252");
    const printable = /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(as1252);
    problems.error(
      { file, ...position(bytes, bad) },
      `The file is not UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")} here is not UTF-8 text${printable ? ` (in Windows-1252, which Excel and Word use by default, it is "${as1252}")` : ""}.`,
      SAVE_AS_UTF8,
    );
    return null;
  }
  return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
}
