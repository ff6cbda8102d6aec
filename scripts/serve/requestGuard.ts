// Decides whether a request may reach a file under the served folder, before
// any file handler sees it. The handlers behind it (sirv, Eleventy's dev
// server) are kept, but neither refuses every way out of the folder on its
// own: a malformed escape, an encoded slash or backslash, a `..` segment, a
// symbolic link pointing outside, or a sibling folder whose name starts with
// the root's. Both servers bind to loopback only; the Host check also keeps a
// web page that rebinds its own domain to 127.0.0.1 from reading the preview.
import fs from "node:fs";
import type http from "node:http";
import path from "node:path";

export type GuardResult =
  | { ok: true; /** The request path below the prefix, decoded, always starting with "/". */ path: string }
  | { ok: false; status: 400 | 403 | 404 | 405; reason: string };

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** The host name of a Host header (without the port), lower case. */
function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^(\[[^\]]*\]|[^:]*)(?::\d+)?$/.exec(header.trim());
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Checks a request against the served `root` (an existing folder) and the
 * URL `prefix` ("/" or "/sub/path/"). Never throws.
 */
export function guardRequest(req: Pick<http.IncomingMessage, "url" | "method" | "headers">, root: string, prefix = "/"): GuardResult {
  if (req.method !== "GET" && req.method !== "HEAD") return { ok: false, status: 405, reason: "only GET and HEAD are served" };
  const host = hostName(req.headers.host);
  if (host === null || !LOOPBACK_HOSTS.has(host)) return { ok: false, status: 403, reason: "not a loopback Host" };

  const raw = (req.url ?? "/").split(/[?#]/)[0]!;
  if (!raw.startsWith("/")) return { ok: false, status: 400, reason: "not a path" };
  // Decode segment by segment, so an encoded "/" or "\" stays visible as part of a segment.
  const segments: string[] = [];
  for (const part of raw.split("/").slice(1)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return { ok: false, status: 400, reason: "malformed percent escape" };
    }
    if (decoded === "." || decoded === ".." || /[/\\\0]/.test(decoded) || /^[a-zA-Z]:/.test(decoded)) {
      return { ok: false, status: 403, reason: "path leaves the served folder" };
    }
    segments.push(decoded);
  }
  const decodedPath = "/" + segments.join("/");
  const normalPrefix = prefix.endsWith("/") ? prefix : `${prefix}/`;
  if (!decodedPath.startsWith(normalPrefix) && decodedPath + "/" !== normalPrefix) return { ok: false, status: 404, reason: "outside the path prefix" };
  const below = "/" + decodedPath.slice(normalPrefix.length);

  // Where the path lands once symbolic links are followed: it must stay inside root.
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
  } catch {
    return { ok: false, status: 404, reason: "nothing is being served" };
  }
  let target = path.join(realRoot, ...below.split("/").filter(Boolean));
  // The deepest existing ancestor decides (a missing file is a 404 for the handler to give).
  while (!fs.existsSync(target) && target !== realRoot) target = path.dirname(target);
  let real: string;
  try {
    real = fs.realpathSync(target);
  } catch {
    return { ok: false, status: 404, reason: "unreadable path" };
  }
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return { ok: false, status: 404, reason: "a link out of the served folder" };
  // A folder's index.html may itself be a link out.
  const index = path.join(real, "index.html");
  if (fs.existsSync(real) && fs.statSync(real).isDirectory() && fs.existsSync(index)) {
    const realIndex = fs.realpathSync(index);
    if (!realIndex.startsWith(realRoot + path.sep)) return { ok: false, status: 404, reason: "a link out of the served folder" };
  }
  return { ok: true, path: below };
}

/** Ends a refused request with its status and a plain-text line. */
export function refuse(res: http.ServerResponse, result: Extract<GuardResult, { ok: false }>): void {
  const text = { 400: "Bad request", 403: "Forbidden", 404: "Not found", 405: "Method not allowed" }[result.status];
  res.writeHead(result.status, { "content-type": "text/plain; charset=utf-8", ...(result.status === 405 ? { allow: "GET, HEAD" } : {}) });
  res.end(`${text}\n`);
}
