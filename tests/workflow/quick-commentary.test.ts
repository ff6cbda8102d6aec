// The preview's quick path: a saved commentary file re-renders its section
// page only, and the site it leaves is the one a full build of the same data
// gives, file for file. Other changes are declined (a full build follows).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runBuild } from "../../scripts/build/pipeline.ts";
import { updateCommentaryPage } from "../../scripts/serve/quickCommentary.ts";
import { copyFixture } from "../helpers/fixture.ts";
import { allFiles } from "../helpers/site.ts";

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(allFiles(dir).map((f) => [f, crypto.createHash("sha256").update(fs.readFileSync(path.join(dir, f))).digest("hex")]));
}

describe("the preview's quick path for commentary", () => {
  it("re-renders the one section page (and the month's model), to the same bytes a full build gives", async () => {
    const data = copyFixture();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-quick-"));
    const preview = await runBuild({ data, out: path.join(work, "a"), noPdf: true, preview: true });
    const before = snapshot(path.join(work, "a", "site"));

    const rel = path.join("commentary", "2020-12", "front-door.md");
    fs.writeFileSync(path.join(data, rel), "Edited while *previewing*: <b>raw HTML</b> stays text.\n");
    const start = performance.now();
    expect(await updateCommentaryPage(preview, rel)).toBe(true);
    const ms = performance.now() - start;
    process.stdout.write(`quick commentary update: ${ms.toFixed(0)} ms\n`);

    const after = snapshot(path.join(work, "a", "site"));
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]);
    expect(changed.sort()).toEqual(["/2020-12/front-door/index.html", "/data/2020-12.json"]);
    const page = fs.readFileSync(path.join(work, "a", "site", "2020-12", "front-door", "index.html"), "utf8");
    expect(page).toContain("Edited while <em>previewing</em>");
    expect(page).toContain("&lt;b&gt;raw HTML&lt;/b&gt;");

    await runBuild({ data, out: path.join(work, "b"), noPdf: true, preview: true });
    expect(after).toEqual(snapshot(path.join(work, "b", "site")));
    fs.rmSync(work, { recursive: true, force: true });
  });

  it("declines what needs a full build: a month file, a new commentary with a problem, a deleted one", async () => {
    const data = copyFixture();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-quick-"));
    const preview = await runBuild({ data, out: path.join(work, "a"), noPdf: true, preview: true });
    expect(await updateCommentaryPage(preview, path.join("months", "2020-12.yaml"))).toBe(false);
    const rel = path.join("commentary", "2020-12", "front-door.md");
    fs.writeFileSync(path.join(data, rel), "---\nsecret: yes\n---\nText.\n");
    expect(await updateCommentaryPage(preview, rel)).toBe(false);
    fs.rmSync(path.join(data, rel));
    expect(await updateCommentaryPage(preview, rel)).toBe(false);
    fs.rmSync(work, { recursive: true, force: true });
  });
});
