export default { pageTitle: "All indicators" };
