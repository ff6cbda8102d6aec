// npm run serve: a live preview that rebuilds when data or commentary change.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture } from "../helpers/fixture.ts";
import { ROOT } from "../helpers/run.ts";

async function waitFor(check: () => Promise<boolean> | boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("timed out");
}

describe("npm run serve", () => {
  it("serves the preview, rebuilds on a change and shows data errors in the page", async () => {
    const dir = copyFixture();
    const port = 18000 + Math.floor(Math.random() * 2000);
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "scripts", "cli", "serve.ts"), "--data", dir, "--port", String(port)], { cwd: ROOT });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    // As a browser navigating to the page asks for it (the dev server adds its reload script to navigations only; fetch() says it is not one).
    const get = (p: string) =>
      new Promise<string>((resolve, reject) => {
        http
          .get(`http://127.0.0.1:${port}${p}`, { headers: { "sec-fetch-mode": "navigate" } }, (res) => {
            let body = "";
            res.setEncoding("utf8");
            res.on("data", (d) => (body += d));
            res.on("end", () => resolve(body));
          })
          .on("error", reject);
      });
    try {
      await waitFor(() => out.includes("Preview at"));
      const page = await get("/2020-12/front-door/");
      expect(page).toContain("Referrals rose to");
      expect(page).toContain("/.11ty/reload-client.js"); // the preview's reload script (Eleventy's dev server)
      fs.writeFileSync(path.join(dir, "commentary", "2020-12", "front-door.md"), "Edited while previewing.");
      await waitFor(async () => (await get("/2020-12/front-door/")).includes("Edited while previewing."));
      // A commentary file takes the quick path (its page only), not a rebuild.
      expect(out).toMatch(/Updated commentary[\\/]2020-12[\\/]front-door\.md in \d+\.\d\d s/);
      fs.writeFileSync(path.join(dir, "months", "2020-12.yaml"), fs.readFileSync(path.join(dir, "months", "2020-12.yaml"), "utf8").replace("C1: 663", "C1: lots"));
      await waitFor(async () => (await get("/")).includes("The data has errors"));
      expect(await get("/")).toMatch(/2020-12\.yaml:4: error: C1/);
    } finally {
      child.kill();
    }
  }, 120_000);
});
