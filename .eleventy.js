// Eleventy renders the site from the computed model. The build
// (scripts/cli/build.ts) runs Eleventy with the prepared site data
// (`site`, see scripts/site/siteData.ts); templates only print what the data
// holds.
import { nunjucksEnvironment } from "./scripts/site/nunjucksEnv.mjs";
import { relativeLinks } from "./scripts/site/relativeUrl.mjs";

/** @param {import("@11ty/eleventy").UserConfig} eleventyConfig */
export default function (eleventyConfig) {
  eleventyConfig.setTemplateFormats(["njk"]);
  // GOV.UK Frontend's macros sit beside the project's templates on the search path.
  eleventyConfig.setLibrary("njk", nunjucksEnvironment(["templates"]));
  // Every href and src of every page becomes relative to that page (see relativeUrl.mjs).
  eleventyConfig.addTransform("relative-links", /** @this {{ url: string, outputPath: string }} */ function (content) {
    return typeof this.outputPath === "string" && this.outputPath.endsWith(".html") ? relativeLinks(content, this.url) : content;
  });
  eleventyConfig.setQuietMode(true);
}

export const config = {
  dir: { input: "content", includes: "../templates", data: "_data" },
  htmlTemplateEngine: "njk",
};
