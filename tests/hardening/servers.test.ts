// The two servers (the static one that prints the PDF and serves tests, and
// the preview of `npm run serve`) keep every request inside the served
// folder, survive malformed requests, answer many at once, and listen on
// loopback only.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPreviewServer } from "../../scripts/serve/previewServer.ts";
import { startStaticServer } from "../../scripts/serve/staticServer.ts";

const SECRET = "secret-key-do-not-serve";

/** /x/site (served), /x/site-secret (a sibling whose name starts with the root's), /x/secret.txt, and links out. */
function makeTree(): string {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-serve-"));
  const site = path.join(base, "site");
  fs.mkdirSync(path.join(site, "a"), { recursive: true });
  fs.writeFileSync(path.join(site, "index.html"), "<!DOCTYPE html><title>home</title><p>home page</p>");
  fs.writeFileSync(path.join(site, "a", "index.html"), "<!DOCTYPE html><title>a</title><p>page a</p>");
  for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(site, "a", `f${i}.txt`), `file ${i}\n`.repeat(200));
  fs.mkdirSync(path.join(base, "site-secret"));
  fs.writeFileSync(path.join(base, "site-secret", "key.txt"), SECRET);
  fs.writeFileSync(path.join(base, "secret.txt"), SECRET);
  fs.mkdirSync(path.join(base, "outside"));
  fs.writeFileSync(path.join(base, "outside", "index.html"), SECRET);
  fs.symlinkSync(path.join(base, "site-secret"), path.join(site, "link-out"));
  fs.symlinkSync(path.join(base, "secret.txt"), path.join(site, "file-link.txt"));
  fs.symlinkSync(path.join(base, "outside"), path.join(site, "dir-link"));
  return site;
}

/** Sends the path exactly as written (fetch() would normalise `..` away before sending). */
function raw(port: number, rawPath: string, options: { method?: string; host?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: rawPath, method: options.method ?? "GET", headers: { host: options.host ?? `127.0.0.1:${port}`, "sec-fetch-mode": "navigate" }, agent: false },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

const TRAVERSALS = [
  "/../site-secret/key.txt",
  "/../../../../../../etc/passwd",
  "/%2e%2e/site-secret/key.txt",
  "/%2E%2E/site-secret/key.txt",
  "/.%2e/site-secret/key.txt",
  "/..%2fsite-secret%2fkey.txt",
  "/%2e%2e%2fsite-secret%2fkey.txt",
  "/a/../../site-secret/key.txt",
  "/a/%2e%2e/%2e%2e/site-secret/key.txt",
  "/..%5csite-secret%5ckey.txt",
  "/..\\site-secret\\key.txt",
  "/a\\..\\..\\secret.txt",
  "/%5c..%5c..%5csecret.txt",
  "/link-out/key.txt",
  "/file-link.txt",
  "/dir-link/",
  "/dir-link/index.html",
  "//etc/passwd",
  "/%2fetc%2fpasswd",
  "/%2F..%2Fsecret.txt",
  "/C:/Windows/win.ini",
  "/C:%5cWindows%5cwin.ini",
  "/a/%00.txt",
  "/..%00/secret.txt",
];

const MALFORMED = ["/%E0%A4%A", "/%", "/%zz", "/a/%C0%AF", "/%ED%A0%80", "/index.html%"];

interface Running {
  port: number;
  close(): Promise<void>;
}

const servers: Record<string, (root: string) => Promise<Running>> = {
  "static server (PDF printing, tests)": async (root) => {
    const s = await startStaticServer(root);
    return { port: Number(new URL(s.url).port), close: () => s.close() };
  },
  "preview server (npm run serve)": async (root) => {
    const s = await startPreviewServer({ root, port: 0, errorPage: () => null });
    return { port: s.port, close: () => s.close() };
  },
};

for (const [name, start] of Object.entries(servers)) {
  describe(name, () => {
    let server: Running;
    beforeAll(async () => {
      server = await start(makeTree());
    });
    afterAll(async () => {
      await server?.close();
    });

    it("serves the folder's pages", async () => {
      expect(await raw(server.port, "/")).toMatchObject({ status: 200 });
      expect((await raw(server.port, "/")).body).toContain("home page");
      expect((await raw(server.port, "/a/")).body).toContain("page a");
    });

    it("refuses every way out of the folder with 403 or 404", async () => {
      for (const p of TRAVERSALS) {
        const r = await raw(server.port, p);
        expect([403, 404], `${p} -> ${r.status}`).toContain(r.status);
        expect(r.body, p).not.toContain(SECRET);
      }
    });

    it("answers a malformed escape with 400 and keeps serving", async () => {
      for (const p of MALFORMED) {
        const r = await raw(server.port, p);
        expect(r.status, p).toBe(400);
        expect((await raw(server.port, "/a/")).status).toBe(200);
      }
    });

    it("answers 200 concurrent requests", async () => {
      const paths = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? "/" : i % 3 === 1 ? "/a/" : `/a/f${i % 20}.txt`));
      const results = await Promise.all(paths.map((p) => raw(server.port, p)));
      expect(results.filter((r) => r.status === 200)).toHaveLength(200);
      results.forEach((r, i) => {
        const p = paths[i]!;
        expect(r.body).toContain(p === "/" ? "home page" : p === "/a/" ? "page a" : `file ${i % 20}\n`);
      });
    });

    it("refuses requests addressed to another host name (DNS rebinding) and methods other than GET and HEAD", async () => {
      expect((await raw(server.port, "/", { host: "attacker.example" })).status).toBe(403);
      expect((await raw(server.port, "/", { method: "POST" })).status).toBe(405);
      expect((await raw(server.port, "/", { host: `localhost:${server.port}` })).status).toBe(200);
    });

    it("listens on loopback only", async () => {
      const others = Object.values(os.networkInterfaces())
        .flat()
        .filter((i): i is os.NetworkInterfaceInfo => !!i && !i.internal && i.family === "IPv4")
        .map((i) => i.address);
      for (const address of others) {
        const reached = await new Promise<boolean>((resolve) => {
          const req = http.get({ host: address, port: server.port, path: "/", timeout: 2000 }, () => resolve(true));
          req.on("error", () => resolve(false));
          req.on("timeout", () => {
            req.destroy();
            resolve(false);
          });
        });
        expect(reached, address).toBe(false);
      }
    });
  });
}

describe("preview server while the data has errors", () => {
  it("shows the error page for pages, still refuses traversal, and serves the site again once fixed", async () => {
    const root = makeTree();
    let failing = true;
    const s = await startPreviewServer({ root, port: 0, errorPage: () => (failing ? "<!DOCTYPE html><title>errors</title><h1>The data has errors</h1>" : null) });
    try {
      expect((await raw(s.port, "/a/")).body).toContain("The data has errors");
      expect((await raw(s.port, "/a/")).body).toContain("/.11ty/reload-client.js");
      expect((await raw(s.port, "/../site-secret/key.txt")).status).toBe(403);
      expect((await raw(s.port, "/%E0%A4%A")).status).toBe(400);
      failing = false;
      expect((await raw(s.port, "/a/")).body).toContain("page a");
    } finally {
      await s.close();
    }
  });
});
