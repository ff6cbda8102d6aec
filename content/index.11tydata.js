export default {
  eleventyComputed: {
    pageTitle: (data) => data.site.months[0].label,
  },
};
