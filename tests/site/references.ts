// Every internal reference of a built site (href, src, srcset, poster,
// action, xlink:href in HTML; url() in stylesheets, <style> and style="")
// must be relative to its file and name a file of the site, so the folder
// works from a file share (file://) and at any path on any host.
import fs from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";
import { allFiles } from "../helpers/site.ts";

export interface Reference {
  /** The file holding the reference, as a URL path ("/2020-12/index.html"). */
  file: string;
  /** Where in the file: an attribute ("a href") or "css url()". */
  where: string;
  url: string;
}

const URL_ATTRIBUTES = ["href", "src", "srcset", "poster", "action", "xlink:href"];
const CSS_URL = /url\(\s*(["']?)([^"')]*)\1\s*\)/g;

function cssUrls(css: string): string[] {
  return [...css.matchAll(CSS_URL)].map((m) => m[2]!);
}

/** Every URL a page or stylesheet of the site refers to. */
export function siteReferences(site: string): Reference[] {
  const refs: Reference[] = [];
  for (const file of allFiles(site)) {
    const text = () => fs.readFileSync(path.join(site, file), "utf8");
    if (file.endsWith(".css")) {
      for (const url of cssUrls(text())) refs.push({ file, where: "css url()", url });
    } else if (file.endsWith(".html")) {
      const doc = parse(text());
      for (const el of doc.querySelectorAll("*")) {
        const tag = el.rawTagName?.toLowerCase() ?? "";
        for (const attr of URL_ATTRIBUTES) {
          const value = el.getAttribute(attr);
          if (value === undefined) continue;
          const urls = attr === "srcset" ? value.split(",").map((s) => s.trim().split(/\s+/)[0]!).filter(Boolean) : [value];
          for (const url of urls) refs.push({ file, where: `${tag} ${attr}`, url });
        }
        const style = el.getAttribute("style");
        if (style) for (const url of cssUrls(style)) refs.push({ file, where: `${tag} style url()`, url });
        if (tag === "style") for (const url of cssUrls(el.text)) refs.push({ file, where: "style url()", url });
      }
    }
  }
  return refs;
}

/** Problems with the site's internal references: not relative, leaving the site, naming a folder or a missing file or fragment. */
export function referenceProblems(site: string): string[] {
  const files = new Set(allFiles(site));
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!ids.has(file)) ids.set(file, new Set(parse(fs.readFileSync(path.join(site, file), "utf8")).querySelectorAll("[id]").map((e) => e.id)));
    return ids.get(file)!;
  };
  const problems: string[] = [];
  for (const { file, where, url } of siteReferences(site)) {
    const problem = (why: string) => problems.push(`${file}: ${where}="${url}": ${why}`);
    if (url.startsWith("#")) {
      if (file.endsWith(".html") && url.length > 1 && !idsOf(file).has(decodeURIComponent(url.slice(1)))) problem("no such id on the page");
      continue;
    }
    if (url.startsWith("//")) {
      problem("protocol-relative, not relative to the page");
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
      if (/^file:/i.test(url)) problem("a file: URL");
      continue; // https:, mailto:, data:
    }
    if (url.startsWith("/")) {
      problem("root-absolute: breaks from a folder and under a sub-path");
      continue;
    }
    const [target, fragment] = url.split("#") as [string, string | undefined];
    const targetPath = decodeURIComponent(target.split("?")[0]!);
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file.slice(1)), targetPath));
    if (resolved.startsWith("..")) {
      problem("leads outside the site's folder");
      continue;
    }
    if (targetPath === "" || targetPath.endsWith("/") || fs.existsSync(path.join(site, resolved)) && fs.statSync(path.join(site, resolved)).isDirectory()) {
      problem("names a folder: from file:// a folder is not its index.html");
      continue;
    }
    if (!files.has(`/${resolved}`)) problem(`no such file (${resolved})`);
    else if (fragment && resolved.endsWith(".html") && !idsOf(`/${resolved}`).has(decodeURIComponent(fragment))) problem(`no #${fragment} in ${resolved}`);
  }
  return problems;
}
