// Eleventy renders the site from the computed model. The build
// (scripts/cli/build.ts) runs Eleventy with the prepared site data
// (`site`, see scripts/site/siteData.ts) and the path prefix; templates only
// print what the data holds.
import { nunjucksEnvironment } from "./scripts/site/nunjucksEnv.mjs";

/** @param {import("@11ty/eleventy").UserConfig} eleventyConfig */
export default function (eleventyConfig) {
  eleventyConfig.setTemplateFormats(["njk"]);
  // GOV.UK Frontend's macros sit beside the project's templates on the search path.
  eleventyConfig.setLibrary("njk", nunjucksEnvironment(["templates"]));
  eleventyConfig.setQuietMode(true);
}

export const config = {
  dir: { input: "content", includes: "../templates", data: "_data" },
  htmlTemplateEngine: "njk",
};
