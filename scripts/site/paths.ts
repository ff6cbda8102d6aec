// Where each page lives. Every link goes through these functions. They give
// site paths ("/2020-12/referrals/"); the HTML of each page gets them
// relative to itself (relativeUrl.mjs), so the site needs no host or prefix.
import type { Month } from "../model/types.ts";

export function refSlug(ref: string): string {
  return (
    ref
      .toLowerCase()
      .replace(/%/g, "-pct")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "indicator"
  );
}

/** Unique slugs for a list of references (a clash gets -2, -3...). */
export function slugsFor(refs: string[]): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const ref of refs) {
    let slug = refSlug(ref);
    for (let n = 2; used.has(slug); n++) slug = `${refSlug(ref)}-${n}`;
    used.add(slug);
    out.set(ref, slug);
  }
  return out;
}

export const paths = {
  home: () => "/",
  month: (m: Month) => `/${m}/`,
  section: (m: Month, id: string) => `/${m}/${id}/`,
  indicator: (slug: string) => `/indicators/${slug}/`,
  /** An indicator's page as reached from month `m`'s report: its breadcrumbs lead back to that month. */
  indicatorFrom: (slug: string, m: Month) => `/indicators/${slug}/#${fromId(m)}`,
  indicators: () => "/indicators/",
  archive: () => "/archive/",
  json: (m: Month) => `/data/${m}.json`,
  csv: (m: Month) => `/data/${m}.csv`,
  xlsx: (m: Month) => `/data/${m}.xlsx`,
  pdf: (m: Month) => `/pdf/board-pack-${m}.pdf`,
  css: () => "/assets/boardpack.css",
  print: (m: Month) => `/print/${m}/`,
};

/** The id on an indicator page that a link from month `m` targets (see content/indicator.njk). */
export function fromId(m: Month): string {
  return `from-${m}`;
}
