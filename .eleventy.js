// Eleventy configuration: the site renders the computed model (see scripts/site/).
// The build (scripts/cli/build.ts) runs Eleventy programmatically and passes the model in.
export default function (eleventyConfig) {
  eleventyConfig.setTemplateFormats(["njk"]);
}

export const config = {
  dir: { input: "content", includes: "../templates", data: "_data", output: "dist/site" },
  markdownTemplateEngine: "njk",
  htmlTemplateEngine: "njk",
};
