// Eleventy renders the site from the computed model. The build
// (scripts/cli/build.ts) runs Eleventy with the prepared site data
// (`site`, see scripts/site/siteData.ts); templates only print what the data
// holds.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sharedNunjucksEnvironment } from "./scripts/site/nunjucksEnv.mjs";
import { relativeLinks, relativeUrl } from "./scripts/site/relativeUrl.mjs";

// Folders are given from this file, not the working directory: the build may be run from anywhere.
const ROOT = path.dirname(fileURLToPath(import.meta.url));

/** The URL path of the page being rendered; macros see it when imported `with context`. */
function pageUrl(/** @type {{ page?: { url?: string } }} */ self, /** @type {string} */ filter) {
  const url = self.page?.url;
  if (typeof url !== "string") throw new Error(`The ${filter} filter needs the page it is on: import the macro that uses it "with context".`);
  return url;
}

/** @param {import("@11ty/eleventy").UserConfig} eleventyConfig */
export default function (eleventyConfig) {
  eleventyConfig.setTemplateFormats(["njk"]);
  // GOV.UK Frontend's macros sit beside the project's templates on the search path.
  eleventyConfig.setLibrary("njk", sharedNunjucksEnvironment([path.join(ROOT, "templates")]));
  // Every link is written relative to its page (relativeUrl.mjs), so the site
  // works from a folder and at any path with no setting: `url` takes a site
  // path ("/2020-12/referrals/") and gives it as seen from the page.
  eleventyConfig.addFilter("url", /** @this {{ page?: { url?: string } }} */ function (/** @type {string} */ url) {
    return relativeUrl(pageUrl(this, "url"), url);
  });
  // Table cells built with links in them (the summary's indicator column).
  eleventyConfig.addFilter("relativeRows", /** @this {{ page?: { url?: string } }} */ function (/** @type {{ html?: string }[][]} */ rows) {
    const from = pageUrl(this, "relativeRows");
    return rows.map((row) => row.map((cell) => (cell.html?.includes('="/') ? { ...cell, html: relativeLinks(cell.html, from) } : cell)));
  });
  eleventyConfig.setQuietMode(true);
}

export const config = {
  dir: { input: path.join(ROOT, "content"), includes: "../templates", data: "_data" },
  htmlTemplateEngine: "njk",
};
