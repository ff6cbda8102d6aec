// The preview's quick path for the edit made most often: a person saving a
// commentary file. Commentary changes only its own section page, so instead
// of a whole build (seconds) the preview reads the one file, works out that
// month's model again, and renders that one page (well under a second).
// Anything else, or a commentary file with a problem, takes the full build,
// which reports it.
import fs from "node:fs";
import path from "node:path";
import type { BuildResult } from "../build/pipeline.ts";
import { readCommentary, checkPageReferences } from "../load/commentary.ts";
import { readTextFile } from "../load/textFile.ts";
import { buildMonthModel } from "../metrics/model.ts";
import { isMonth } from "../metrics/months.ts";
import { Problems } from "../model/problems.ts";
import { renderSite } from "../site/eleventy.ts";
import { modelToJson } from "../output/modelJson.ts";
import { sectionPages } from "../site/sectionPages.ts";
import { siteContext } from "../site/siteData.ts";

/** `commentary/YYYY-MM/<section>.md` (relative to the data folder) as month and section, or null. */
export function commentaryFile(rel: string, sections: string[]): { month: string; section: string } | null {
  const m = /^commentary[\\/](\d{4}-\d{2})[\\/]([^\\/]+)\.md$/.exec(rel);
  if (!m || !isMonth(m[1]!) || !sections.includes(m[2]!)) return null;
  return { month: m[1]!, section: m[2]! };
}

/**
 * Re-renders the section page of a changed commentary file into the last
 * build's site; false when the change needs a full build (the file is gone,
 * has a problem, is for a month or section the last build did not show, or the
 * build was a public edition).
 */
export async function updateCommentaryPage(build: BuildResult, rel: string): Promise<boolean> {
  const { data } = build;
  if (build.suppression) return false;
  const at = commentaryFile(rel, data.authority.sections);
  if (!at) return false;
  if (!build.months.includes(at.month)) return false;
  const abs = path.join(data.dir, rel);
  if (!fs.existsSync(abs)) return false;
  const problems = new Problems();
  // Named as the loader names files (relative to the working directory), so the model reads the same.
  const fromCwd = path.relative(process.cwd(), abs);
  const file = fromCwd.startsWith("..") ? abs : fromCwd;
  const source = readTextFile(abs, file, problems);
  if (source === null) return false;
  checkPageReferences(source, file, problems);
  const commentary = readCommentary(source, file, at.month, at.section, problems);
  if (problems.list.length) return false; // warnings too: the full build lists them

  const others = data.commentary.filter((c) => !(c.month === at.month && c.section === at.section));
  data.commentary = [...others, commentary];
  const model = buildMonthModel(data, at.month);
  const kept = build.models.findIndex((m) => m.month === at.month);
  if (kept >= 0) build.models[kept] = model;
  // The build's site data holds no section pages (they are rendered as they are made): this one is rendered alone.
  const site = build.siteData;
  const page = (await sectionPages(siteContext(data), model, site.phoneMonths.includes(at.month))).find((p) => p.id === at.section);
  if (!page) return false;

  const siteDir = path.join(build.outDir, "site");
  // The month's model download carries its commentary too.
  fs.writeFileSync(path.join(siteDir, "data", `${model.month}.json`), modelToJson(model));
  await renderSite({ ...site, sectionPages: [page] }, siteDir, { only: "section.njk", preview: true });
  return true;
}
