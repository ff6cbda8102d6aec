// The site's Nunjucks splits each variable name at its dots once
// (nunjucksEnv.mjs, Frame.set): every template must render exactly as
// Nunjucks's own Frame.set renders it, checked against a copy of Nunjucks
// loaded afresh (unchanged).
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import nunjucks from "nunjucks";
import { nunjucksEnvironment } from "../../scripts/site/nunjucksEnv.mjs";

const require = createRequire(import.meta.url);

/** Nunjucks's Frame (in its runtime, not in its typings). */
const frameOf = (n: typeof nunjucks) => (n.runtime as unknown as { Frame: { prototype: Record<string | symbol, unknown> } }).Frame.prototype;

/** A copy of Nunjucks as it ships: loaded again, so nothing done to the site's copy applies to it. */
function untouchedNunjucks(): typeof nunjucks {
  const cached = Object.keys(require.cache).filter((k) => k.includes("/node_modules/nunjucks/"));
  const saved = cached.map((k) => [k, require.cache[k]] as const);
  for (const k of cached) delete require.cache[k];
  try {
    return require("nunjucks") as typeof nunjucks;
  } finally {
    for (const k of Object.keys(require.cache)) if (k.includes("/node_modules/nunjucks/")) delete require.cache[k];
    for (const [k, m] of saved) require.cache[k] = m;
  }
}

// Loops (nested, loop.* read at each level), `set` at the top and inside loops and macros (Nunjucks resolves
// those upwards), macro arguments with defaults, keyword arguments and `caller`, and names that shadow.
const TEMPLATE = `
{%- set total = 0 -%}
{%- set label = "outer" -%}
{%- macro cell(value, cls = "c", first = false) -%}<td class="{{ cls }}{{ ' first' if first }}">{{ value }}{{ caller() if caller }}</td>{%- endmacro -%}
{%- for row in rows -%}
  {%- set label = "row " + loop.index -%}
  <tr data-i="{{ loop.index0 }}" data-rev="{{ loop.revindex }}/{{ loop.revindex0 }}" data-len="{{ loop.length }}">
  {%- for v in row -%}
    {%- set total = total + v -%}
    {{ cell(v, first = loop.first) }}{% if loop.last %}{% call cell("end", "e") %}!{{ loop.index }}{% endcall %}{% endif %}
  {%- endfor -%}
  {{ label }}</tr>
{%- endfor -%}
{{ label }} {{ total }} {% for k, v in obj %}{{ k }}={{ v }}{{ "," if not loop.last }}{% endfor %}`;

describe("the site's Nunjucks", () => {
  it("renders exactly as Nunjucks itself does with variable names split once", () => {
    const env = nunjucksEnvironment([]);
    expect(frameOf(nunjucks)[Symbol.for("boardpack.splitNamesOnce")]).toBe(true);
    const plain = untouchedNunjucks();
    expect(frameOf(plain).set).not.toBe(frameOf(nunjucks).set);
    const reference = new plain.Environment(null, { autoescape: true, trimBlocks: true, lstripBlocks: true });
    const context = { rows: [[1, 2, 3], [4], [], [5, 6]], obj: { a: 1, b: "two" } };
    const ours = env.renderString(TEMPLATE, context);
    expect(ours).toBe(reference.renderString(TEMPLATE, context));
    // What it renders, so that two copies that both went wrong are not taken as right.
    expect(ours).toContain('<tr data-i="0" data-rev="4/3" data-len="4"><td class="c first">1</td><td class="c">2</td><td class="c">3</td><td class="e">end!</td>row 1</tr>');
    // A \`set\` inside a loop reaches the variable outside it (Nunjucks resolves it upwards).
    expect(ours).toMatch(/<\/tr>row 4 21 a=1,b=two$/);
  });
});
