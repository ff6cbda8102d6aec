// Places the board pack on pages before Chromium prints it. Chromium's
// break-* rules alone strand headings and table headers at the foot of a
// page, carry single rows over, and cannot repeat a section's name on its
// continuation pages; so this runs in the print page (puppeteer evaluates it),
// measures the real layout, and moves every block into a `.bp-page` box no
// taller than a page's content area. Chromium then breaks between the boxes.
//
// The rules, for any data:
// - a heading stays with what follows: a table's caption, header and first
//   three rows (a short table whole), a chart whole, a paragraph whole;
// - a table is split between rows only: its caption says "(continued)", its
//   header repeats, no page holds a single row of it, and its closing rows
//   (YTD, annual trend, benchmarks) go overleaf in whole groups (a page may
//   break before the annual trend or the benchmarks) or, failing that,
//   together with two rows before them; the footnotes stay with the last rows;
// - a page that continues a part starts with the part's name;
// - a table or chart wider than a portrait page goes on a landscape page
//   (never shrunk: Chromium would shrink the whole document); a table wider
//   than a landscape page is split by columns, the first column repeated;
// - a section may start on the page the previous one ends on when at least
//   half of it is free, so pages are filled rather than left with one chart;
// - page numbers: a part's start goes to `[data-page-of]` (the contents), and
//   any element's page to `[data-page-at=<its id>]` (a summary section, an
//   indicator's row, the glossary).
//
// It must be self-contained (no imports, no closures over module scope):
// puppeteer sends its source text to the page.

export interface PaginateOptions {
  /** Rows of a table that must go with its heading (fewer if the table has fewer). */
  minRows: number;
  /** A table of this many rows or fewer is never split. */
  shortTable: number;
  /** A section may start on the current page when this share of it is free. */
  shareWhenFree: number;
  /** Pixels kept free at the foot of each page against rounding. */
  slack: number;
  /** Height (CSS px) of content a heading must have under it on its page: three lines of body text. */
  minContent: number;
  /** The smallest text a chart may be scaled to, in points (a chart whose text would be smaller goes on a landscape page). */
  minChartText: number;
  /** Record each decision in `log` (for finding why a block moved). */
  debug?: boolean;
}

export interface PaginateResult {
  pages: number;
  /** Page (1-based) where each part with an id starts. */
  starts: Record<string, number>;
  /** Blocks that could not be placed by the rules (taller or wider than a page). */
  warnings: string[];
  log?: string[];
}

export const PAGINATE_DEFAULTS: PaginateOptions = { minRows: 3, shortTable: 4, shareWhenFree: 0.5, slack: 3, minContent: 54, minChartText: 8 };

export function paginate(options: PaginateOptions): PaginateResult {
  type Kind = "portrait" | "landscape";
  interface Leaf {
    el: HTMLElement;
    /** The containers (`bp-split`, lists) the leaf sits in, outermost first. */
    ancestors: HTMLElement[];
  }
  /** Position of each list item in its list, so a list continued on a new page keeps its numbering. */
  const ordinal = new Map<HTMLElement, number>();
  interface Page {
    el: HTMLElement;
    kind: Kind;
    limit: number;
    width: number;
    /** Leaves placed (the running line is not one). */
    placed: number;
    /** The charts among them (placed at the top level of the part). */
    charts: HTMLElement[];
    clones: Map<HTMLElement, HTMLElement>;
  }
  /** Nodes appended in a tentative placement, to take back. */
  type Tx = { node: Node; original?: HTMLElement }[];

  const body = document.body;
  const warnings: string[] = [];
  const log: string[] = [];
  const note = (text: () => string) => {
    if (options.debug) log.push(`p${pages.length} ${Math.round(used())}/${Math.round(page?.limit ?? 0)}: ${text()}`);
  };
  const starts: Record<string, number> = {};
  const pages: Page[] = [];
  let page: Page | null = null;
  let tx: Tx | null = null;

  const geometry = (kind: Kind) => {
    const probe = document.createElement("div");
    probe.className = `bp-page bp-page--${kind}`;
    probe.style.height = "var(--bp-page-height)";
    body.appendChild(probe);
    const r = probe.getBoundingClientRect();
    probe.remove();
    return { width: r.width, height: r.height };
  };
  const sizes = { portrait: geometry("portrait"), landscape: geometry("landscape") };

  const parts = Array.from(body.querySelectorAll<HTMLElement>(":scope > .bp-part"));
  const holder = document.createElement("div");
  holder.className = "bp-pages";
  body.insertBefore(holder, parts[0] ?? null);
  // Out of the document while their blocks are placed: each measurement then lays out the pages only.
  for (const part of parts) part.remove();
  // Pages already filled wait out of the document too, so a measurement lays out the current page
  // alone rather than every page before it (a page's layout does not depend on the pages before it).
  const filled = document.createDocumentFragment();

  const describe = (el: Element) => (el.querySelector("caption, figcaption, h1, h2, h3")?.textContent ?? el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 60);

  const newPage = (kind: Kind, part: HTMLElement | null, continued: boolean, cover = false) => {
    const el = document.createElement("div");
    // The part's own classes, so its styles still apply to its blocks.
    el.className = `bp-page bp-page--${kind}${cover ? " bp-page--cover" : ""} ${Array.from(part?.classList ?? []).filter((c) => c !== "bp-part").join(" ")}`.trim();
    for (const done of Array.from(holder.children)) filled.appendChild(done);
    holder.appendChild(el);
    page = { el, kind, limit: sizes[kind].height - options.slack, width: sizes[kind].width, placed: 0, charts: [], clones: new Map() };
    pages.push(page);
    const running = part?.dataset.running;
    if (continued && running) {
      const p = document.createElement("p");
      p.className = "bp-running";
      p.setAttribute("aria-hidden", "true");
      p.textContent = `${running} (continued)`;
      el.appendChild(p);
    }
    return page;
  };
  const current = (): Page => page!;

  /** Height used on the current page: the bottom of its last box (a trailing margin is cut at a page end). */
  const used = () => {
    const p = current();
    const last = p.el.lastElementChild;
    return last ? last.getBoundingClientRect().bottom - p.el.getBoundingClientRect().top : 0;
  };
  const fits = () => used() <= current().limit;
  const free = () => (current().limit - used()) / current().limit;

  /** The clone of each ancestor container on this page, made on first use. */
  const parentFor = (ancestors: HTMLElement[], node: HTMLElement): HTMLElement => {
    const p = current();
    let parent: HTMLElement = p.el;
    for (const a of ancestors) {
      let clone = p.clones.get(a);
      if (!clone) {
        clone = a.cloneNode(false) as HTMLElement;
        clone.removeAttribute("id");
        if (clone instanceof HTMLOListElement && a === ancestors.at(-1)) clone.start = (a as HTMLOListElement).start + (ordinal.get(node) ?? 0);
        parent.appendChild(clone);
        p.clones.set(a, clone);
        tx?.push({ node: clone, original: a });
      }
      parent = clone;
    }
    return parent;
  };

  const append = (node: HTMLElement, ancestors: HTMLElement[]) => {
    parentFor(ancestors, node).appendChild(node);
    tx?.push({ node });
  };
  /** Takes a block off its page, and the containers it leaves empty. */
  const detach = (node: HTMLElement) => {
    let parent = node.parentElement;
    node.remove();
    const p = current();
    while (parent && parent !== p.el && parent.children.length === 0) {
      const up: HTMLElement | null = parent.parentElement;
      for (const [original, clone] of p.clones) if (clone === parent) p.clones.delete(original);
      parent.remove();
      parent = up;
    }
  };
  /** Runs `fn` tentatively: true if everything it placed fits; undone either way. */
  const trial = (fn: () => void): boolean => {
    const outer = tx;
    tx = [];
    let ok = false;
    try {
      fn();
      ok = fits();
    } finally {
      for (const entry of tx.reverse()) {
        entry.node.parentNode?.removeChild(entry.node);
        if (entry.original) current().clones.delete(entry.original);
      }
      tx = outer;
    }
    return ok;
  };

  // ---- tables -------------------------------------------------------------
  const bodyRows = (t: HTMLTableElement) => Array.from(t.tBodies[0]?.rows ?? []);
  /**
   * The closing rows (YTD, annual trend, benchmarks): where they start (the
   * row count if none), and where each later group of them starts (a page
   * may break there, before the annual trend or the benchmarks).
   */
  interface Tail {
    start: number;
    groups: number[];
  }
  const tailOf = (rows: HTMLTableRowElement[]): Tail => {
    const marked = rows.flatMap((r, i) => (r.querySelector(".bp-total, .bp-group-start") ? [i] : []));
    return { start: marked[0] ?? rows.length, groups: marked.slice(1) };
  };
  /** Caption, header and an empty body: a fragment of `t` to put rows in. */
  const shell = (t: HTMLTableElement, continued: boolean): HTMLTableElement => {
    const s = t.cloneNode(false) as HTMLTableElement;
    s.removeAttribute("id");
    if (t.caption) {
      const c = t.caption.cloneNode(true) as HTMLTableCaptionElement;
      if (continued) c.appendChild(document.createTextNode(" (continued)"));
      s.appendChild(c);
    }
    if (t.tHead) s.appendChild(t.tHead.cloneNode(true));
    const tb = t.tBodies[0] ? (t.tBodies[0].cloneNode(false) as HTMLTableSectionElement) : document.createElement("tbody");
    s.appendChild(tb);
    return s;
  };
  /**
   * Puts rows[start, start + k) in the shell's body, which holds rows from
   * `start` already: only the rows beyond those it holds go in or out, so the
   * rows kept are not styled, shaped and laid out afresh for each trial.
   */
  const holdRows = (s: HTMLTableElement, rows: HTMLTableRowElement[], start: number, k: number) => {
    const tb = s.tBodies[0]!;
    while (tb.rows.length > k) tb.lastElementChild!.remove();
    for (let i = tb.rows.length; i < k; i++) tb.appendChild(rows[start + i]!);
  };
  /**
   * Rows of `rows` from `start` that fit after the shell already placed (the
   * shell is left holding them). Each measurement lays the table out again
   * (milliseconds for a wide table), so the count is first guessed from
   * where each row ends with every row in, and the guess checked with the
   * rows up to it and one more; where the layout moved (columns narrower
   * with fewer rows), a binary search.
   */
  const rowsThatFit = (s: HTMLTableElement, rows: HTMLTableRowElement[], start: number, extra: Leaf | null): number => {
    /** With every row in: where each row ends, and the height used. */
    let whole: { bottoms: number[]; used: number } | null = null;
    const fitsWith = (k: number) => {
      holdRows(s, rows, start, k);
      if (k === rows.length - start) {
        // The layout is current after used(): reading the rows' places lays nothing out again.
        whole = { used: used(), bottoms: rows.slice(start).map((r) => r.getBoundingClientRect().bottom) };
      }
      return extra && start + k === rows.length ? trial(() => append(extra.el, extra.ancestors)) : fits();
    };
    let lo = 0;
    let hi = rows.length - start;
    if (fitsWith(hi)) return hi;
    // Without the rows after row i, the page would end (last row's bottom - row i's bottom) higher, if nothing else moved.
    const { bottoms, used: all } = whole!;
    let guess = 0;
    while (guess < hi && all - (bottoms[hi - 1]! - bottoms[guess]!) <= current().limit) guess++;
    if (guess === 0 ? !fitsWith(1) : fitsWith(guess) && !fitsWith(guess + 1)) return guess;
    while (lo < hi - 1) {
      const mid = (lo + hi) >> 1;
      if (fitsWith(mid)) lo = mid;
      else hi = mid;
    }
    return lo;
  };
  /** How many rows to put on this page by the rules, given that `k` fit. */
  const rowsToPlace = (k: number, start: number, total: number, tail: Tail, continued: boolean): number => {
    if (k >= total - start) return total - start;
    if (!continued && total <= options.shortTable) return 0;
    let end = start + k;
    if (total - end === 1) end -= 1;
    // Among the closing rows, the page breaks before a group (two rows or more of it overleaf);
    // failing that, two month rows go overleaf with them.
    if (tail.start < total && end > tail.start - 2) end = tail.groups.filter((g) => g <= end && total - g >= 2).at(-1) ?? tail.start - 2;
    const placed = Math.max(0, end - start);
    if (!continued && placed < Math.min(options.minRows, total)) return 0;
    return placed;
  };
  /** The minimum start of a table, for a heading before it (with the notes that follow it if that is the whole table). */
  const tableStart = (t: HTMLTableElement, ancestors: HTMLElement[], next: Leaf | null) => {
    const rows = bodyRows(t);
    const s = shell(t, false);
    append(s, ancestors);
    // The fewest rows a first page of it may hold by the rules below.
    let need = Math.min(options.minRows, rows.length);
    while (need < rows.length && rowsToPlace(need, 0, rows.length, tailOf(rows), false) !== need) need++;
    for (let i = 0; i < need; i++) s.tBodies[0]!.appendChild(rows[i]!.cloneNode(true));
    if (need === rows.length && next?.el.classList.contains("bp-keep-with-previous")) append(next.el, next.ancestors);
  };
  const placeTable = (leaf: Leaf, next: Leaf | null, part: HTMLElement) => {
    const t = leaf.el as HTMLTableElement;
    const kind = kindFor(t, part);
    const rows = bodyRows(t);
    const total = rows.length;
    const tail = tailOf(rows);
    const extra = next && next.el.classList.contains("bp-keep-with-previous") ? next : null;
    let start = 0;
    let continued = false;
    for (;;) {
      const s = shell(t, continued);
      append(s, leaf.ancestors);
      const k = total ? rowsThatFit(s, rows, start, extra) : 0;
      let n = rowsToPlace(k, start, total, tail, continued);
      note(() => `table "${describe(t)}" rows ${start}-${total} of ${total}: ${k} fit, ${n} placed`);
      if (n === 0 && total > 0) {
        if (current().placed > 0) {
          detach(s);
          breakPage(part, kind);
          continue;
        }
        // An empty page cannot take what the rules ask: place what fits (at least a row).
        n = Math.max(1, k);
        warnings.push(`The table "${describe(t)}" could not be split by the rules (rows taller than a page).`);
      }
      holdRows(s, rows, start, n);
      current().placed++;
      start += n;
      continued = true;
      if (start >= total) return;
      newPage(kind, part, true);
    }
  };

  // ---- widths -------------------------------------------------------------
  /** The narrowest each element can be laid out, measured together: one layout for all of them. */
  const minWidths = new Map<HTMLElement, number>();
  const measureMinWidths = (els: HTMLElement[]) => {
    const box = document.createElement("div");
    box.className = "bp-page bp-page--landscape";
    box.style.cssText = "position:absolute;left:0;top:0;visibility:hidden;width:10000px";
    body.appendChild(box);
    const clones = els.map((el) => {
      const c = el.cloneNode(true) as HTMLElement;
      c.style.width = "min-content";
      c.style.tableLayout = "auto";
      return box.appendChild(c);
    });
    clones.forEach((c, i) => minWidths.set(els[i]!, c.getBoundingClientRect().width));
    box.remove();
  };
  const minWidth = (el: HTMLElement): number => {
    if (!minWidths.has(el)) measureMinWidths([el]);
    return minWidths.get(el)!;
  };
  const wide = new Map<HTMLElement, Kind>();
  /** Scales a chart to `width` if its smallest text stays legible; false if it would not. */
  const scaleChart = (svg: SVGElement, drawn: number, width: number): boolean => {
    const fonts = Array.from(svg.querySelectorAll("text")).map((t) => parseFloat(t.getAttribute("font-size") ?? t.style.fontSize ?? "") || 12);
    const smallest = fonts.length ? Math.min(...fonts) : 12;
    // CSS px to pt: 0.75.
    if (smallest * (width / drawn) * 0.75 < options.minChartText) return false;
    svg.style.width = `${width}px`;
    svg.style.height = "auto";
    return true;
  };
  /** Draws a chart just placed smaller so that the page holds it, if its text stays legible; false (unchanged) if not. */
  const shrinkToFit = (figure: HTMLElement): boolean => {
    const svg = figure.querySelector("svg");
    const drawn = Number(svg?.getAttribute("width")) || 0;
    if (!svg || !drawn) return false;
    const before = svg.getAttribute("style");
    const box = svg.getBoundingClientRect();
    const over = used() - current().limit;
    const width = Math.floor((box.width * (box.height - over - 1)) / box.height);
    if (width > 0 && scaleChart(svg, drawn, width) && fits()) {
      note(() => `chart "${describe(figure)}" drawn at ${Math.round((100 * width) / drawn)}% to fit`);
      return true;
    }
    if (before === null) svg.removeAttribute("style");
    else svg.setAttribute("style", before);
    return false;
  };
  /** The page a table or chart needs to be printed legibly. */
  const wideKind = (el: HTMLElement): Kind => {
    let k = wide.get(el);
    if (!k) {
      const svg = el.tagName === "FIGURE" ? el.querySelector("svg") : null;
      if (svg) {
        const w = Number(svg.getAttribute("width")) || 0;
        k = w <= sizes.portrait.width + 0.5 || scaleChart(svg, w, sizes.portrait.width) ? "portrait" : "landscape";
        if (k === "landscape" && w > sizes.landscape.width + 0.5 && !scaleChart(svg, w, sizes.landscape.width)) warnings.push(`The chart "${describe(el)}" is wider than a landscape page.`);
      } else k = el.tagName === "TABLE" && minWidth(el) > sizes.portrait.width + 0.5 ? "landscape" : "portrait";
      wide.set(el, k);
    }
    return k;
  };
  /** A table too wide for a landscape page, as tables of fewer columns (the first column in each). */
  const splitColumns = (t: HTMLTableElement): HTMLTableElement[] => {
    if (minWidth(t) <= sizes.landscape.width) return [t];
    const columns = t.tHead?.rows[0]?.cells.length ?? t.rows[0]?.cells.length ?? 0;
    for (let groups = 2; groups < columns; groups++) {
      const per = Math.ceil((columns - 1) / groups);
      const tables: HTMLTableElement[] = [];
      for (let g = 0; g < groups; g++) {
        const from = 1 + g * per;
        const to = Math.min(columns, from + per);
        if (from >= to) break;
        const c = t.cloneNode(true) as HTMLTableElement;
        for (const row of Array.from(c.rows)) {
          const cells = Array.from(row.cells);
          if (cells.length === 1 && cells[0]!.colSpan >= columns) {
            cells[0]!.colSpan = to - from + 1;
            continue;
          }
          cells.forEach((cell, i) => {
            if (i > 0 && (i < from || i >= to)) cell.remove();
          });
        }
        if (c.caption) c.caption.appendChild(document.createTextNode(` (columns ${from + 1} to ${to} of ${columns})`));
        tables.push(c);
      }
      if (tables.every((x) => minWidth(x) <= sizes.landscape.width)) return tables;
    }
    warnings.push(`The table "${describe(t)}" is too wide for a landscape page even split by columns.`);
    return [t];
  };

  // ---- blocks -------------------------------------------------------------
  const kindOf = (part: HTMLElement): Kind => (part.dataset.page === "landscape" ? "landscape" : "portrait");
  const isHeading = (el: Element) => /^H[1-6]$/.test(el.tagName);
  const isContainer = (el: HTMLElement, depth: number) =>
    (el.classList.contains("bp-split") || (depth > 0 && (el.tagName === "UL" || el.tagName === "OL"))) &&
    el.children.length > 0 &&
    Array.from(el.childNodes).every((n) => n.nodeType !== Node.TEXT_NODE || !n.textContent?.trim());
  const leavesOf = (el: HTMLElement, ancestors: HTMLElement[], out: Leaf[]) => {
    for (const child of Array.from(el.children) as HTMLElement[]) {
      if (isContainer(child, ancestors.length)) leavesOf(child, [...ancestors, child], out);
      else if (child.tagName === "TABLE") for (const t of splitColumns(child as HTMLTableElement)) out.push({ el: t, ancestors });
      else {
        if (el.tagName === "OL") ordinal.set(child, Array.from(el.children).indexOf(child));
        out.push({ el: child, ancestors });
      }
    }
    return out;
  };
  /** What must follow a heading on its page. */
  const placeStart = (leaf: Leaf, next: Leaf | null) => {
    if (leaf.el.tagName === "TABLE") tableStart(leaf.el as HTMLTableElement, leaf.ancestors, next);
    else append(leaf.el, leaf.ancestors);
  };
  /** Moves to a new page of `kind`, unless this one is still empty (then it only turns it). */
  const breakPage = (part: HTMLElement, kind: Kind) => {
    const p = current();
    if (p.placed > 0) newPage(kind, part, true);
    else if (p.kind !== kind) {
      const id = p.el.id;
      const running = p.el.querySelector(":scope > .bp-running") !== null;
      p.el.remove();
      pages.pop();
      newPage(kind, part, running);
      if (id) current().el.id = id;
    }
  };
  /** The page a block needs: the part's, or landscape for a table or chart wider than a portrait page. */
  const kindFor = (el: HTMLElement, part: HTMLElement): Kind =>
    kindOf(part) === "landscape" || ((el.tagName === "TABLE" || el.tagName === "FIGURE") && wideKind(el) === "landscape") ? "landscape" : "portrait";

  // Every table's narrowest width, in one layout rather than one each.
  measureMinWidths(parts.flatMap((part) => Array.from(part.querySelectorAll<HTMLElement>("table"))));
  for (const part of parts) {
    const kind = kindOf(part);
    const cover = part.dataset.page === "cover";
    const leaves = leavesOf(part, [], []);
    const prev = page as Page | null;
    const mayShare = prev !== null && part.hasAttribute("data-may-share-page") && prev.kind === kind && !prev.el.classList.contains("bp-page--cover") && leaves.length > 0;
    if (mayShare) leaves[0]!.el.classList.add("bp-part-start");
    if (!(mayShare && free() >= options.shareWhenFree && trialStart(leaves))) {
      if (mayShare) leaves[0]!.el.classList.remove("bp-part-start");
      newPage(kind, part, false, cover);
    }
    if (part.id) {
      const first = leaves[0]?.el;
      if (first && !first.id) first.id = part.id;
      else current().el.id = part.id;
      starts[part.id] = pages.length;
    }
    for (let i = 0; i < leaves.length; ) {
      const leaf = leaves[i]!;
      if (isHeading(leaf.el)) {
        let j = i;
        while (j < leaves.length && isHeading(leaves[j]!.el)) j++;
        const group = leaves.slice(i, j);
        const after = leaves[j];
        const need = after ? kindFor(after.el, part) : kind;
        if (need === "landscape" && current().kind !== "landscape") breakPage(part, "landscape");
        const placeGroup = () => placeOpening(leaves, i, j);
        if (!trial(placeGroup)) {
          note(() => `headings "${group.map((h) => h.el.textContent).join(" / ")}" with their content do not fit`);
          breakPage(part, need);
        }
        for (const h of group) append(h.el, h.ancestors);
        current().placed += group.length;
        i = j;
        continue;
      }
      const next = leaves[i + 1] ?? null;
      const need = kindFor(leaf.el, part);
      if (leaf.el.tagName === "FIGURE" && current().placed > 0) {
        // A chart a little too tall for the space left is drawn smaller, as far as its text stays legible.
        if (need === current().kind) {
          append(leaf.el, leaf.ancestors);
          if (fits() || shrinkToFit(leaf.el)) {
            current().placed++;
            if (leaf.ancestors.length === 0) current().charts.push(leaf.el);
            i++;
            continue;
          }
          detach(leaf.el);
        }
        // Else a later chart of the same run that fits fills the space first.
        let j = i + 1;
        while (j < leaves.length && leaves[j]!.el.tagName === "FIGURE" && leaves[j]!.ancestors.length === leaf.ancestors.length) {
          const later = leaves[j]!;
          if (kindFor(later.el, part) === current().kind && trial(() => append(later.el, later.ancestors))) {
            leaves.splice(j, 1);
            leaves.splice(i, 0, later);
            note(() => `chart "${describe(later.el)}" moved up to fill the page`);
            break;
          }
          j++;
        }
        if (leaves[i] !== leaf) continue;
        // A chart that needs a landscape page takes the charts alone on this page with it, if they fit there.
        if (need === "landscape" && current().kind === "portrait" && leaf.ancestors.length === 0 && current().charts.length === current().placed && chartsToLandscape(part, leaf.el)) {
          i++;
          continue;
        }
      }
      if (need === "landscape" && current().kind !== "landscape") breakPage(part, "landscape");
      if (leaf.el.tagName === "TABLE") placeTable(leaf, next, part);
      else {
        append(leaf.el, leaf.ancestors);
        if (!fits() && current().placed > 0) {
          detach(leaf.el);
          breakPage(part, need);
          append(leaf.el, leaf.ancestors);
        }
        if (!fits()) warnings.push(`"${describe(leaf.el)}" is taller than a page.`);
        current().placed++;
        if (leaf.el.tagName === "FIGURE" && leaf.ancestors.length === 0) current().charts.push(leaf.el);
      }
      i++;
    }
  }

  /** Turns a page of charts only into a landscape page holding them and `chart`; false (unchanged) if they do not fit. */
  function chartsToLandscape(part: HTMLElement, chart: HTMLElement): boolean {
    const old = current();
    const running = old.el.querySelector(":scope > .bp-running") !== null;
    old.el.remove();
    pages.pop();
    newPage("landscape", part, running);
    for (const c of [...old.charts, chart]) current().el.appendChild(c);
    if (fits() || shrinkToFit(chart)) {
      if (old.el.id) current().el.id = old.el.id;
      current().placed = old.charts.length + 1;
      current().charts = [...old.charts, chart];
      note(() => `charts moved to a landscape page with "${describe(chart)}"`);
      return true;
    }
    chart.remove();
    current().el.remove();
    pages.pop();
    for (const c of old.charts) old.el.appendChild(c);
    holder.appendChild(old.el);
    pages.push(old);
    page = old;
    return false;
  }

  /**
   * Places headings leaves[i..j) and what must follow them on their page:
   * a table's start, a chart, and at least three lines of text (a short
   * paragraph brings the next block).
   */
  function placeOpening(leaves: Leaf[], i: number, j: number): void {
    for (const h of leaves.slice(i, j)) append(h.el, h.ancestors);
    const headed = used();
    for (let k = j; k < leaves.length && !isHeading(leaves[k]!.el); k++) {
      placeStart(leaves[k]!, leaves[k + 1] ?? null);
      if (used() - headed >= options.minContent || leaves[k]!.el.tagName !== "P") break;
    }
  }

  /** True if a part's opening (its headings and what must follow them) fits on the current page. */
  function trialStart(leaves: Leaf[]): boolean {
    let j = 0;
    while (j < leaves.length && isHeading(leaves[j]!.el)) j++;
    return trial(() => placeOpening(leaves, 0, j));
  }

  holder.insertBefore(filled, holder.firstChild);
  for (const [id, n] of Object.entries(starts)) {
    const el = document.querySelector(`[data-page-of="${CSS.escape(id)}"]`);
    if (el) el.textContent = String(n);
  }
  // Pages of elements inside parts (a summary section, an indicator's row, the glossary): where they were placed.
  for (const el of Array.from(document.querySelectorAll<HTMLElement>("[data-page-at]"))) {
    const target = document.getElementById(el.dataset.pageAt ?? "");
    const n = target ? pages.findIndex((p) => p.el.contains(target)) + 1 : 0;
    if (n > 0) el.textContent = String(n);
    else warnings.push(`No page for "${el.dataset.pageAt}": nothing in the pack has that id.`);
  }
  return { pages: pages.length, starts, warnings, ...(options.debug ? { log } : {}) };
}
