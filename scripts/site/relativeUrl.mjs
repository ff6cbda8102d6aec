// Every internal reference of the site is written relative to the page it is
// on, so the same folder works from a file share (file://), at the root of a
// host or under any path, with no setting. View data hold site paths
// ("/2020-12/referrals/"); the templates' `url` filter (.eleventy.js) writes
// them relative to the page being rendered.
// Plain JavaScript so that .eleventy.js (loaded by Eleventy itself) can use it.
import path from "node:path";

/**
 * `url` (a site path such as "/indicators/1-5/#from-2020-06") as seen from the
 * page at `pageUrl`. A directory gets its `index.html`, which a folder opened
 * through file:// needs and every web server serves. Anything that is not a
 * site path (relative already, `#fragment`, `https:`, `mailto:`, `//host`) is
 * returned as it is.
 * @param {string} pageUrl the page's own URL path, e.g. "/2020-12/referrals/"
 * @param {string} url
 * @returns {string}
 */
export function relativeUrl(pageUrl, url) {
  if (!url.startsWith("/") || url.startsWith("//")) return url;
  const split = url.search(/[?#]/);
  let target = split === -1 ? url : url.slice(0, split);
  const rest = split === -1 ? "" : url.slice(split);
  if (target.endsWith("/")) target += "index.html";
  const fromDir = pageUrl.endsWith("/") ? pageUrl : pageUrl.slice(0, pageUrl.lastIndexOf("/") + 1);
  return path.posix.relative(fromDir, target) + rest;
}

// The attributes that hold URLs in the site's pages. The templates, GOV.UK's
// macros and the Markdown renderer always write them double-quoted.
const URL_ATTRIBUTE = /\s(?:href|src|srcset|poster|action)$/;

/**
 * A fragment of HTML (a table cell) with every site path in a URL attribute
 * made relative to the page (see relativeUrl).
 * @param {string} html
 * @param {string} pageUrl
 * @returns {string}
 */
export function relativeLinks(html, pageUrl) {
  let out = "";
  let done = 0;
  for (let at = html.indexOf('="/'); at !== -1; ) {
    const end = html.indexOf('"', at + 2);
    if (end === -1) break;
    const attribute = html.slice(Math.max(0, at - 8), at);
    if (URL_ATTRIBUTE.test(attribute)) {
      const value = html.slice(at + 2, end);
      const relative = attribute.endsWith("srcset")
        ? value.replace(/(^|,)(\s*)(\S+)/g, (/** @type {string} */ _m, /** @type {string} */ comma, /** @type {string} */ space, /** @type {string} */ url) => comma + space + relativeUrl(pageUrl, url))
        : relativeUrl(pageUrl, value);
      out += html.slice(done, at + 2) + relative;
      done = end;
    }
    at = html.indexOf('="/', end);
  }
  return done === 0 ? html : out + html.slice(done);
}
