export default {
  eleventyComputed: {
    pageTitle: (data) => data.site.latestPage.label,
  },
};
