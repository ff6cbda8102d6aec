export default {
  eleventyComputed: {
    pageTitle: (data) => `${data.ip.ref} ${data.ip.title}`,
    breadcrumbs: (data) => [
      { text: "All indicators", href: "/indicators/" },
      { text: data.ip.ref, href: data.ip.url },
    ],
  },
};
