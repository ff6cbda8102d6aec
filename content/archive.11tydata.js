export default { pageTitle: "Archive of months" };
