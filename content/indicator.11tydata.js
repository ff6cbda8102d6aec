export default {
  eleventyComputed: {
    pageTitle: (data) => `${data.ip.ref} ${data.ip.title}`,
    // One trail per month; the page shows the one for the month the reader came from.
    breadcrumbTrails: (data) => data.ip.trails,
  },
};
