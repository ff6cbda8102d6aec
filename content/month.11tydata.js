export default {
  eleventyComputed: {
    pageTitle: (data) => data.monthPage.label,
    breadcrumbs: (data) => [
      { text: "Archive", href: "/archive/" },
      { text: data.monthPage.label },
    ],
  },
};
