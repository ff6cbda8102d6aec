// Every page carries a Content-Security-Policy in a <meta> tag (static hosts
// such as GitHub Pages cannot send the header, and a page opened from a file
// share has no server at all). The site ships no script, so none may run;
// stylesheets and images come from the site itself; the few <style> blocks
// the layouts write (the authority's colour, the print page's running
// headers) are allowed by their hash, so nothing else inline can style the page.
// The layouts write the policy themselves (the contentSecurityPolicy filter,
// given their style blocks' text): adding it to each page's finished HTML
// cost 10-20% of Eleventy's time on a large site.
import { createHash } from "node:crypto";

export interface PolicyOptions {
  /** The local preview: its pages load the dev server's reload script (from the same origin). */
  preview?: boolean;
}

const STYLE_ELEMENT = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;

/** The policy for one page, given its HTML. */
export function policyFor(html: string, options: PolicyOptions = {}): string {
  return policyForStyles([...html.matchAll(STYLE_ELEMENT)].map((m) => m[1]!), options);
}

/** The policy for a page whose style blocks hold `styles` (each block's text, exactly). */
export function policyForStyles(styles: string[], options: PolicyOptions = {}): string {
  const hashes = new Set<string>();
  for (const style of styles) hashes.add(`'sha256-${createHash("sha256").update(style, "utf8").digest("base64")}'`);
  return [
    "default-src 'self'",
    options.preview ? "script-src 'self'" : "script-src 'none'",
    `style-src 'self'${[...hashes].sort().map((h) => ` ${h}`).join("")}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

const CHARSET = /<meta\s+charset=["']?utf-8["']?\s*\/?>/i;

/**
 * The page with its policy as the first thing after `<meta charset>` (a policy
 * applies only to what follows it). Only the head is read: the layouts' style
 * blocks are there, and a <style> anywhere else is refused, as it should be.
 * (Pages carry large inline SVGs; reading them for nothing slowed big builds.)
 */
export function withPolicy(html: string, options: PolicyOptions = {}): string {
  const headEnd = html.search(/<\/head\s*>/i);
  const head = headEnd < 0 ? html : html.slice(0, headEnd);
  if (/http-equiv=["']?Content-Security-Policy/i.test(head)) throw new Error("The page already has a Content-Security-Policy.");
  const charset = CHARSET.exec(head);
  if (!charset) throw new Error('The page has no <meta charset="utf-8"> to put its Content-Security-Policy after.');
  const end = charset.index + charset[0].length;
  const meta = `\n  <meta http-equiv="Content-Security-Policy" content="${policyFor(head, options)}">`;
  return html.slice(0, end) + meta + html.slice(end);
}
