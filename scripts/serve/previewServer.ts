// The server of `npm run serve`: Eleventy's dev server (live reload over a
// WebSocket, its reload script added to each HTML page it serves) on
// loopback, behind the request guard. While the data has errors every page
// request gets the error page instead, which reloads itself once fixed.
import type http from "node:http";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { guardRequest, refuse } from "./requestGuard.ts";

export interface PreviewServer {
  url: string;
  port: number;
  /** Tells every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}

export interface PreviewOptions {
  /** The folder to serve (the built site); it may not exist yet. */
  root: string;
  /** The port to try first (0: any free port); the next free one is taken if it is in use. */
  port: number;
  /** The page to show instead of the site, or null when the site is good. */
  errorPage: () => string | null;
}

/** The dev server, listening on 127.0.0.1 only (its own listen() binds every interface). */
class LoopbackDevServer extends EleventyDevServer {
  protected override _serverListen(port: number): void {
    this.server.listen({ port, host: "127.0.0.1" });
  }
}

/** A request for a page (not a stylesheet, image or download). */
function isPageRequest(urlPath: string): boolean {
  const last = urlPath.split("/").pop() ?? "";
  return last === "" || last.endsWith(".html") || !last.includes(".");
}

export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const guard = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => {
    try {
      const verdict = guardRequest(req, options.root, "/");
      if (!verdict.ok && verdict.status !== 404) return refuse(res, verdict);
      const page = options.errorPage();
      if (page !== null && isPageRequest((req.url ?? "/").split(/[?#]/)[0]!)) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
        res.end(page);
        return;
      }
      if (!verdict.ok) return refuse(res, verdict);
      next();
    } catch {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Server error\n");
    }
  };
  const server = new LoopbackDevServer("boardpack", options.root, {
    liveReload: true,
    // Whole-page reloads: the site is rebuilt as a whole.
    domDiff: false,
    showVersion: false,
    headers: { "cache-control": "no-store" },
    middleware: [guard],
    messageOnStart: () => false,
    logger: { info: () => {}, log: () => {}, error: () => {} },
  });
  server.serve(options.port);
  await server.ready();
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    reload: () => server.reload({ files: [] }),
    close: () => server.close(),
  };
}
