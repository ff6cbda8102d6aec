// Commentary is Markdown written by many hands and published: raw HTML in it
// is shown as text, never run (markdown-it with html off), and only safe link
// protocols become links.
import MarkdownIt from "markdown-it";

const md = new MarkdownIt({ html: false, linkify: false, typographer: true, breaks: false });

// GOV.UK typography classes on the elements commentary uses.
const CLASSES: Record<string, string> = {
  paragraph_open: "govuk-body",
  bullet_list_open: "govuk-list govuk-list--bullet",
  ordered_list_open: "govuk-list govuk-list--number",
  heading_open: "govuk-heading-s",
  link_open: "govuk-link",
  table_open: "govuk-table",
};
for (const [rule, cls] of Object.entries(CLASSES)) {
  const original = md.renderer.rules[rule];
  md.renderer.rules[rule] = (tokens, idx, options, env, self) => {
    tokens[idx]!.attrJoin("class", cls);
    return original ? original(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
}

export function renderMarkdown(markdown: string): string {
  return md.render(markdown);
}
