// Cache entries are written through a temporary file renamed into place: a reader sees the old content or the
// new, never half, and nothing is left beside the entry, whether the write worked or failed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyFileAtomic, writeFileAtomic } from "../../scripts/build/atomicWrite.ts";

const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-atomic-"));

describe("atomic writes", () => {
  it("write and copy a file into new folders, replacing what was there, and leave nothing beside it", () => {
    const dir = temp();
    const a = path.join(dir, "x", "y", "a.html");
    writeFileAtomic(a, "first");
    writeFileAtomic(a, Buffer.from("second"));
    const b = path.join(dir, "z", "b.html");
    copyFileAtomic(a, b);
    expect(fs.readFileSync(b, "utf8")).toBe("second");
    expect(fs.readdirSync(path.dirname(a))).toEqual(["a.html"]);
    expect(fs.readdirSync(path.dirname(b))).toEqual(["b.html"]);
  });

  it("fail as the write failed, leaving no temporary file and the entry as it was", () => {
    const dir = temp();
    const entry = path.join(dir, "entry.html");
    fs.writeFileSync(entry, "old");
    expect(() => copyFileAtomic(path.join(dir, "missing.html"), entry)).toThrow(/ENOENT/);
    // The rename fails: a folder stands where the entry would go.
    const blocked = path.join(dir, "blocked.html");
    fs.mkdirSync(path.join(blocked, "inside"), { recursive: true });
    expect(() => writeFileAtomic(blocked, "new")).toThrow();
    expect(fs.readdirSync(dir).sort()).toEqual(["blocked.html", "entry.html"]);
    expect(fs.readFileSync(entry, "utf8")).toBe("old");
  });
});
