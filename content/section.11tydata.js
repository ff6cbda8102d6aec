export default {
  eleventyComputed: {
    pageTitle: (data) => `${data.sp.title}, ${data.sp.monthLabel}`,
    breadcrumbs: (data) => [
      { text: data.sp.monthLabel, href: data.sp.monthUrl },
      { text: data.sp.title },
    ],
  },
};
