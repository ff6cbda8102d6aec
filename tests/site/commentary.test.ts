// Commentary is Markdown written by many hands: raw HTML in it is shown as
// text and never runs.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyFixture, writeFile } from "../helpers/fixture.ts";
import { buildInto, readPage } from "../helpers/site.ts";

let site: string;
beforeAll(async () => {
  const dir = copyFixture();
  writeFile(
    dir,
    "commentary/2020-12/caseloads.md",
    '## Caseloads\n\nSee [the plan](javascript:alert(1)) and <img src=x onerror="alert(1)">.\n\n- one\n- **two**\n',
  );
  ({ site } = await buildInto(dir, { noPdf: true }));
}, 300_000);

describe("commentary", () => {
  it("renders Markdown with GOV.UK classes", () => {
    const doc = readPage(site, "/2020-12/front-door/");
    const commentary = doc.querySelector(".bp-commentary")!;
    expect(commentary.querySelector("p.govuk-body strong")!.text).toBe("276");
    const list = readPage(site, "/2020-12/caseloads/").querySelector(".bp-commentary ul.govuk-list--bullet")!;
    expect(list.querySelectorAll("li")).toHaveLength(2);
  });

  it("shows raw HTML as text and makes no javascript: link", () => {
    const front = fs.readFileSync(path.join(site, "2020-12", "front-door", "index.html"), "utf8");
    expect(front).not.toMatch(/<script/i);
    expect(front).toContain("&lt;script&gt;alert(");
    const caseloads = fs.readFileSync(path.join(site, "2020-12", "caseloads", "index.html"), "utf8");
    expect(caseloads).not.toMatch(/<img/i);
    expect(caseloads).not.toMatch(/href="javascript:/i);
  });

  it("shows the drafted narrative, marked as automatically generated, where no one wrote commentary", () => {
    const box = readPage(site, "/2020-11/front-door/").querySelector(".bp-commentary")!;
    expect(box.querySelector(".govuk-tag")!.text).toBe("Automatically generated");
    expect(box.text).toMatch(/No one has written commentary for this section this month/);
    expect(box.text).toMatch(/C1 Number of contacts fell 58% to 565 in November 2020\./);
    // where someone did write it, no draft is shown
    expect(readPage(site, "/2020-12/front-door/").querySelector(".bp-narrative")).toBeNull();
  });
});
