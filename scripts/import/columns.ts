// Recognises the columns of a council's wide monthly dataset by their
// headers, whatever words the sheet uses for them.
import type { BenchmarkKey, Month } from "../model/types.ts";
import { parseMonthHeader } from "./monthHeader.ts";

export type ColumnRole =
  | { role: "ref" }
  | { role: "section" }
  | { role: "title" }
  | { role: "owner" }
  | { role: "reporter" }
  | { role: "outcome" }
  | { role: "polarity" }
  | { role: "unit" }
  | { role: "month"; month: Month }
  | { role: "changePrevious" }
  | { role: "changeLastYear" }
  | { role: "average12" }
  | { role: "max12" }
  | { role: "benchmark"; key: BenchmarkKey }
  | { role: "target"; year: string | null }
  | { role: "targetPart"; part: "red" | "amber" | "green" }
  | { role: "commentary"; month: Month | null }
  | { role: "ytd" }
  | { role: "outturn"; year: string }
  | { role: "ignored"; what?: string };

/** Lower case, punctuation as spaces, single spaces. */
export function normalise(header: string): string {
  return header
    .toLowerCase()
    .replace(/<[^>]*>/g, " ")
    .replace(/[^a-z0-9%?]+/g, " ")
    .trim();
}

/** "Target 17-18", "Target 2018/19", "2018-19 target" -> "2018/19". */
function targetYear(header: string): string | null {
  const m = /(?:^|\D)(\d{2}|\d{4})\s*[-/]\s*(\d{2})(?:\D|$)/.exec(header);
  if (!m) return null;
  const start = m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
  return `${start}/${m[2]}`;
}

/** "2015/16", "2015-16", "2015 / 16", "Outturn 2019/20" -> "2015/16". */
function yearLabel(header: string): string | null {
  const m = /^(?:outturn|out-turn|year end|annual|actual)?\s*(\d{4})\s*[-/]\s*(\d{2}|\d{4})\s*(?:outturn|actual)?$/i.exec(header.trim());
  if (!m) return null;
  const end = m[2]!.slice(-2);
  return (Number(m[1]) + 1) % 100 === Number(end) ? `${m[1]}/${end}` : null;
}

const RULES: [RegExp, (header: string) => ColumnRole][] = [
  [/^(dot|direction of travel|direction) (month on month|mom|in month|since last month|on last month)$|^direction of travel$|^trend arrow$/, () => ({ role: "ignored", what: "direction of travel" })],
  [/^rag\b|^rating$|^status$/, () => ({ role: "ignored", what: "RAG" })],
  [/^(ytd|year to date|fytd|ytd total|ytd figure|ytd performance)\b/, () => ({ role: "ytd" })],
  [/^(ref|reference|ref no|ref number|reference number|reference no|no|number|id|code|pi|pi no|pi ref|(indicator|measure|kpi|metric) (ref|reference|no|number|id|code))$/, () => ({ role: "ref" })],
  [/^(area|section|service area|service|theme|category|domain|group|block|area or section|topic)$/, () => ({ role: "section" })],
  [/^((performance|key performance|key) )?(indicator|measure|description|kpi|metric|title|name)s?( (name|title|description))?$/, () => ({ role: "title" })],
  [/^(reporter|reported by|data reporter|reporting officer|analyst|data lead|compiled by)$/, () => ({ role: "reporter" })],
  [/^(owner|indicator owner|measure owner|kpi owner|lead|lead officer|lead manager|responsible officer|responsible manager|accountable officer|accountable manager|service lead|head of service)$/, () => ({ role: "owner" })],
  [/^(outcome|intended outcome|outcomes|why it matters|purpose|outcome what impact|what impact)/, () => ({ role: "outcome" })],
  [/^(good performance is|good perf is|good is|polarity|higher or lower is better|better is|dot|direction|desired direction)$/, () => ({ role: "polarity" })],
  [/^(percentage \?|percentage|unit|units|data type|measure type|type|format|data note|data note monthly)$/, () => ({ role: "unit" })],
  [/(change|diff|difference|variance).*(same month|last year|previous year|prev yr|prior year|year)|year on year|^yoy\b|^(annual|yearly|year) (change|variance|diff)/, () => ({ role: "changeLastYear" })],
  [/(change|diff|difference|variance).*(previous|last|prev|prior) month|month on month|^mom\b|^% change$|^change$|^(monthly|month) (change|variance|diff)/, () => ({ role: "changePrevious" })],
  [/(12|twelve)\s*(month|months|mth|mths|mnth|m)\s*(average|avg|mean|ave)|rolling (average|avg|mean)|(average|avg|mean|ave).*12/, () => ({ role: "average12" })],
  [/(12|twelve)\s*(month|months|mth|mths|mnth|m)\s*(max|maximum|high|highest|peak)|(max|maximum|highest|peak).*12|maximum value/, () => ({ role: "max12" })],
  [/best\s*(stat|statistical|sn)/, () => ({ role: "benchmark", key: "bestStatNeighbour" })],
  [/top quartile|top q|upper quartile/, () => ({ role: "benchmark", key: "englandTopQuartile" })],
  [/stat\s*neigh|statistical neighbour|^sn( ave| avg| average)?$|comparator/, () => ({ role: "benchmark", key: "statNeighbour" })],
  [/^(england|national|nat ave|nat avg|national average|england average|eng avg|eng ave|eng)$/, () => ({ role: "benchmark", key: "england" })],
  [/region|regional|^se$|^nw$|^ne$|^sw$|^yh$|^em$|^wm$|^london$|^east$/, () => ({ role: "benchmark", key: "region" })],
  [/^target/, (h) => ({ role: "target", year: targetYear(h) })],
  [/target$/, (h) => ({ role: "target", year: targetYear(h) })],
  [/^(commentary|comments|comment|narrative|notes|note|analysis|exception commentary)/, (h) => ({ role: "commentary", month: commentaryMonth(h) })],
];

function commentaryMonth(header: string): Month | null {
  const m = /\(([^)]+)\)/.exec(header);
  return m ? parseMonthHeader(m[1]!.replace(/:$/, "")) : null;
}

/**
 * A column's role from its header text and, for two-row headers, the band
 * above it ("Target and Tolerances" over Red / Amber / Green, "Year on year
 * trend" over 2015/16...).
 */
export function classifyColumn(header: string, band = ""): ColumnRole {
  const month = parseMonthHeader(header);
  if (month) return { role: "month", month };
  const n = normalise(header);
  if (n === "") return { role: "ignored" };
  const b = normalise(band);
  if (/target|tolerance/.test(b)) {
    if (/^red\b/.test(n)) return { role: "targetPart", part: "red" };
    if (/^amber\b/.test(n)) return { role: "targetPart", part: "amber" };
    if (/green|^target$/.test(n)) return { role: "targetPart", part: "green" };
  }
  const year = yearLabel(header);
  if (year) return { role: "outturn", year };
  for (const [pattern, make] of RULES) if (pattern.test(n)) return make(header);
  return { role: "ignored" };
}
