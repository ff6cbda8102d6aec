// Turns a text file's bytes into text, whatever encoding it was saved in:
// UTF-8 (with or without a byte-order mark), UTF-16, or a legacy code page
// such as Windows-1252, which Excel on Windows writes for "CSV" and which
// is detected and converted. What was done is said in the import's notes.
import * as chardet from "chardet";
import iconv from "iconv-lite";

export interface Decoded {
  text: string;
  /** The encoding read, e.g. "UTF-8" or "windows-1252". */
  encoding: string;
  /** A note for the user when the file was not plain UTF-8. */
  note: string | null;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function decodeText(bytes: Uint8Array, file: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8", note: null };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16le"), encoding: "UTF-16LE", note: `${file} is saved as UTF-16 (Excel's "Unicode text"); it was read as such.` };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16be"), encoding: "UTF-16BE", note: `${file} is saved as UTF-16; it was read as such.` };
  try {
    return { text: utf8.decode(bytes), encoding: "UTF-8", note: null };
  } catch {
    // Not UTF-8: a legacy code page. British sheets are almost always Windows-1252
    // (ISO-8859-1 is its subset for printable text); take another only when the
    // detector is sure of it.
    const guesses = chardet.analyse(bytes);
    const top = guesses[0];
    const western = /^(windows-1252|iso-8859-1|iso-8859-15)$/i;
    let encoding = "windows-1252";
    if (top && !western.test(top.name) && top.confidence >= 80 && iconv.encodingExists(top.name) && !/^utf-8$/i.test(top.name)) encoding = top.name;
    const text = iconv.decode(Buffer.from(bytes), encoding);
    return {
      text,
      encoding,
      note: `${file} is not UTF-8: its encoding was detected as ${encoding} and converted to UTF-8 (check characters such as £, – and ’ in titles).`,
    };
  }
}
