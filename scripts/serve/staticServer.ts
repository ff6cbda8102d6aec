// A static file server on loopback, for printing the PDF from the built site
// and for tests that open pages in Chromium. Serves `root` under `pathPrefix`
// as a host would: sirv serves the files (content types, index.html, ranges,
// conditional requests) and the request guard keeps requests inside `root`.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import sirv from "sirv";
import { guardRequest, refuse } from "./requestGuard.ts";

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the folder `root` as it is now (files added later are not served). */
export async function startStaticServer(root: string, pathPrefix = "/"): Promise<StaticServer> {
  const prefix = pathPrefix.endsWith("/") ? pathPrefix : `${pathPrefix}/`;
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new Error(`There is no built site to serve at ${root}.`);
  const files = sirv(root, { dev: false, etag: true, dotfiles: false, extensions: ["html"] });
  const server = http.createServer((req, res) => {
    try {
      const verdict = guardRequest(req, root, prefix);
      if (!verdict.ok) return refuse(res, verdict);
      // sirv looks the decoded path up among the files it listed at start.
      req.url = encodeURI(verdict.path);
      files(req, res, () => refuse(res, { ok: false, status: 404, reason: "no such file" }));
    } catch {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Server error\n");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
