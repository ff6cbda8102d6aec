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
  | { role: "commentary"; month: Month | null }
  | { role: "ignored" };

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

const RULES: [RegExp, (header: string) => ColumnRole][] = [
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

export function classifyColumn(header: string): ColumnRole {
  const month = parseMonthHeader(header);
  if (month) return { role: "month", month };
  const n = normalise(header);
  if (n === "") return { role: "ignored" };
  for (const [pattern, make] of RULES) if (pattern.test(n)) return make(header);
  return { role: "ignored" };
}
