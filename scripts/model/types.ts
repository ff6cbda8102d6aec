// The data model, described once. Everything else imports these types.
//
// Files on disk (data/) are parsed into a `DataSet`; the metrics engine turns
// a `DataSet` and a report month into a `MonthModel`, which the site and the
// PDF render and which is written to dist/site/data/YYYY-MM.json.

/** A calendar month, `YYYY-MM`. */
export type Month = string;

/** A reporting year label, `YYYY/YY` (e.g. `2020/21`). */
export type YearLabel = string;

/** Where something came from, for error messages. Lines are 1-based. */
export interface Location {
  file: string;
  line?: number;
  column?: number;
}

export type Unit = "count" | "percentage" | "rate" | "average";
export type Polarity = "high" | "low" | "info" | "range";
/** A flow is counted in the month and sums over a year; a snapshot is a position at month end. */
export type Kind = "flow" | "snapshot";
export type Frequency = "monthly" | "termly";

/** How an indicator's figure is obtained when it is not entered directly. */
export type Compute =
  | { ratio: { numerator: string; denominator: string } }
  | { rate: string }
  | { rolling12: string };

/**
 * A target with its tolerances. The four shapes of the Rotherham summary:
 * - at-least (high is good): green at or above `green`, amber at or above `amber`, red below.
 * - below (low is good): green below `green`, amber below `amber`, red at or above `amber`.
 * - band: green inside [low, high], amber within `amber` of the band, red further out.
 * - around: green within ±`green` of `value`, amber within ±`amber`, red beyond.
 */
export type Target =
  | { type: "at-least"; green: number; amber: number }
  | { type: "below"; green: number; amber: number }
  | { type: "band"; green: [number, number]; amber: number }
  | { type: "around"; value: number; green: number; amber: number };

export const BENCHMARK_KEYS = [
  "statNeighbour",
  "bestStatNeighbour",
  "england",
  "englandTopQuartile",
  "region",
] as const;
export type BenchmarkKey = (typeof BENCHMARK_KEYS)[number];

export interface Benchmarks {
  /** The year the benchmark figures describe (defaults to the authority's benchmark year). */
  year: string;
  values: Partial<Record<BenchmarkKey, number>>;
}

export interface Indicator {
  ref: string;
  title: string;
  /** Heading used in section tables where the title is too long. */
  shortTitle: string;
  section: string;
  unit: Unit;
  /** Decimal places shown. */
  decimals: number;
  polarity: Polarity;
  kind: Kind;
  frequency: Frequency;
  compute?: Compute;
  /** For an entered percentage: the indicator whose count it is a percentage of (weights the YTD). */
  percentageOf?: string;
  /** One part of a breakdown: the parts of `partOf` add up to it (the public edition protects them together). */
  partOf?: string;
  target?: Target;
  benchmarks?: Benchmarks;
  definition?: string;
  /** The pack's "data note" column: Count, Percentage, YTD Average... */
  dataNote?: string;
  /** Notes printed under every table that shows the indicator, marked at its title. */
  footnotes?: string[];
  owner?: string;
  reporter?: string;
  outcome?: string;
  /** Shown in the performance summary (helper counts behind a percentage are not). */
  inSummary: boolean;
  /** Annual outturns by reporting year (financial) or academic year. */
  yearBasis: "reporting" | "academic";
  /** Month of a process change; SPC limits restart here. */
  rebase?: { month: Month; reason: string }[];
  /** SPC settings for this indicator (over the authority's), or false for none. */
  spc?: false | Partial<SpcSettingsInput>;
  source: Location;
  /** Lines of settings that checks point at (`compute`, `target`, `percentageOf`). */
  lines: Partial<Record<"compute" | "target" | "percentageOf" | "partOf" | "benchmarks", number>>;
}

export type ChartType = "line" | "bar" | "annual" | "termly" | "grouped" | "stacked" | "spc";

export interface ChartSpec {
  type: ChartType;
  title: string;
  indicators: string[];
  source: Location;
}

export interface TableSpec {
  title?: string;
  indicators: string[];
  /** Notes printed under the table. */
  footnotes?: string[];
}

export interface Section {
  id: string;
  title: string;
  definition?: string;
  tables: TableSpec[];
  charts: ChartSpec[];
  /** Notes printed under the section's last table (what its annual trend covers...). */
  footnotes?: string[];
  order: number;
  source: Location;
}

export interface SpcSettingsInput {
  screenOutliers: boolean;
  /** Freeze limits on the first N points of a segment; false to use all. */
  freezeAfter: number | false;
  trendLength: number;
  shiftLength: number;
  minimumPoints: number;
}

export type DotConvention =
  | { convention: "polarity" }
  | { convention: "threshold"; threshold: number };

export interface Authority {
  name: string;
  shortName: string;
  /** Brand colour, `#rrggbb`. */
  colour: string;
  report: {
    title: string;
    createdBy?: string;
    status?: string;
    caveat?: string;
    /** performance-report: Rotherham style; monthly-dataset: Southampton style (owner, reporter, outcome). */
    style: "performance-report" | "monthly-dataset";
  };
  /** First month of the reporting year, 1-12 (4 = April). */
  yearStartMonth: number;
  dot: DotConvention;
  /** Children aged 0-17, by reporting year label. */
  population: Record<YearLabel, number>;
  benchmarks: {
    year: string;
    labels: Record<BenchmarkKey, string>;
    /** Which benchmarks the summary shows, in order. */
    columns: BenchmarkKey[];
    /** Within this fraction of a benchmark counts as similar (0.05). */
    similarWithin: number;
  };
  /**
   * What the summary shows (RAG ratings, SPC icons, or both), and whose charts are drawn again for phones:
   * the latest and printed months' (an earlier month's phones scroll the wide drawing), or every month's.
   */
  display: { rag: boolean; spc: boolean; phoneCharts: "latest" | "every-month" };
  spc: Partial<SpcSettingsInput>;
  /** Section ids in report order; each is data/indicators/<id>.yaml. */
  sections: string[];
  /** How the public edition suppresses small numbers (authority.yaml `publicEdition:`). */
  publicEdition: PublicEditionSettings;
  /** The authority's own abbreviations for the pack's glossary (authority.yaml `glossary:`), over the built-in list. */
  glossary?: Record<string, string>;
  source: Location;
  /** Line of `publicEdition:` in authority.yaml, for checks of the references it names. */
  publicEditionLine?: number;
  /** Lines of the references listed under `publicEdition: exempt:` and `withhold:`, in list order. */
  publicEditionRefLines?: { exempt: number[]; withhold: number[] };
}

/** The public edition's disclosure settings. */
export interface PublicEditionSettings {
  /** Counts from 1 to this are suppressed (5: counts of 1 to 5). */
  threshold: number;
  /** Shown in place of a suppressed figure. */
  symbol: string;
  /** Other counts rounded to the nearest multiple of this (0: not rounded). */
  rounding: 0 | 5 | 10;
  /** Suppress counts of 0 too (off: 0 children is not a small number of children). */
  suppressZero: boolean;
  /** Indicators never suppressed (figures already public, or not about children). */
  exempt: string[];
  /** Indicators whose figures are always withheld from the public edition. */
  withhold: string[];
  /**
   * Which commentary the public edition publishes: `reviewed` (the default)
   * only the text of a commentary file's `public:` block, every other section
   * showing the drafted narrative; `all` every commentary, with warnings.
   */
  commentary: "reviewed" | "all";
}

/** A figure as entered: a value, with its numerator and denominator where known. */
export interface Figure {
  value: number;
  numerator?: number;
  denominator?: number;
}

/** One value in a month file. `figure` is null where the file marks "no value" (-, n/a, tbc, blank). */
export interface Entry {
  ref: string;
  /** The month the figure is for (`YYYY-MM`); for outturns the year (`2019/20`), for terms `2019/20 autumn`. */
  month: Month;
  figure: Figure | null;
  /** Words printed in place of the figure ("tbc", a `note:`), where there is no figure. */
  note?: string;
  source: Location;
}

export interface MonthFile {
  month: Month;
  file: string;
  /** Line of `values:` (the header row of a CSV). */
  line: number;
  /** Every reference written for this month, readable or not. */
  listed: string[];
  /** This month's own figures. */
  values: Entry[];
  /** Earlier months re-run in this month's extract. */
  restated: Entry[];
  /** The report's details for this month (cover of the board pack). */
  report: ReportDetails;
}

export interface ReportDetails {
  /** e.g. "Issue 1" (defaults to the authority's). */
  status?: string;
  /** The date the report was created, `YYYY-MM-DD`. */
  created?: string;
  createdBy?: string;
}

export interface OutturnFile {
  year: YearLabel;
  file: string;
  values: Entry[];
}

export interface TermFile {
  /** Academic year, `YYYY/YY`. */
  year: YearLabel;
  file: string;
  terms: { term: "autumn" | "spring" | "summer"; values: Entry[] }[];
}

export interface Commentary {
  month: Month;
  section: string;
  markdown: string;
  file: string;
  /** Still the draft boardpack wrote (its marker line is in the file): not a person's commentary. */
  draft: boolean;
  /** Line of the file where the text starts. */
  line: number;
  /** The text the public edition shows instead (the file's `public:` block); "" for none. */
  publicMarkdown?: string;
  /** Line where the `public:` text starts. */
  publicLine?: number;
}

export interface DataSet {
  dir: string;
  authority: Authority;
  sections: Section[];
  indicators: Indicator[];
  months: MonthFile[];
  outturns: OutturnFile[];
  terms: TermFile[];
  commentary: Commentary[];
  /** References whose catalogue entry could not be read (already reported; not reported again as unknown). */
  unreadable: string[];
}

// ---------------------------------------------------------------------------
// The computed model

export type Rag = "red" | "amber" | "green";

/**
 * Direction of travel.
 * Polarity convention: improved / declined (high or low is good), increased / decreased (info, range), unchanged.
 * Threshold convention: up / down (moved by the threshold or more), similar.
 */
export type Dot =
  | "improved"
  | "declined"
  | "increased"
  | "decreased"
  | "unchanged"
  | "up"
  | "down"
  | "similar";
export type Judgement = "positive" | "negative" | "similar";
export type Position = "better" | "similar" | "worse";

export interface SeriesPoint {
  month: Month;
  value: number | null;
  numerator?: number;
  denominator?: number;
  /** True where the report month's file restated this figure (it changed since last published). */
  restated?: boolean;
  /** Words printed in place of a missing figure ("tbc"). */
  note?: string;
  /** Public edition: the figure is withheld (small-number suppression) and this symbol shown instead. */
  withheld?: string;
}

export interface Restatement {
  ref: string;
  month: Month;
  published: number | null;
  restated: number | null;
  /** The month whose data file restated it. */
  in: Month;
  /** Public edition: which of the two figures are withheld. */
  withheld?: ("published" | "restated")[];
}

export interface IndicatorResult {
  ref: string;
  section: string;
  title: string;
  shortTitle: string;
  unit: Unit;
  decimals: number;
  polarity: Polarity;
  kind: Kind;
  frequency: Frequency;
  inSummary: boolean;
  dataNote: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  previous: number | null;
  changeFromPrevious: number | null;
  lastYear: number | null;
  changeFromLastYear: number | null;
  average12: number | null;
  max12: number | null;
  ytd: number | null;
  ytdNumerator: number | null;
  ytdDenominator: number | null;
  rolling12: number | null;
  dot: Dot | null;
  dotJudgement: Judgement | null;
  rag: Rag | null;
  target: Target | null;
  benchmarks: { year: string; values: Partial<Record<BenchmarkKey, number>> } | null;
  benchmarkPosition: Partial<Record<BenchmarkKey, Position>> | null;
  /** Against England: in the top quartile, better or worse than the England average (polarity-aware). */
  benchmarkBand: "top-quartile" | "better-than-average" | "worse-than-average" | null;
  /** SPC of the latest segment, for indicators with enough points. */
  spc: SpcResult | null;
  /** Drafted sentences computed from the model. */
  narrative: string[];
  /** Whether its outturns are for reporting years or academic years (September to August). */
  yearBasis: "reporting" | "academic";
  /** Outturns of the last five reporting years, oldest first (`note`: words in place of a missing figure); an academic indicator's are the academic years ending in them. */
  annual: { year: YearLabel; value: number | null; numerator?: number; denominator?: number; note?: string; withheld?: string }[];
  /** Every month with data up to the report month. */
  series: SeriesPoint[];
  /** Termly figures, for termly indicators (`note`: words in place of a missing figure). */
  terms: { label: string; value: number | null; note?: string; withheld?: string }[];
  restatements: Restatement[];
  /** Process changes from which figures are counted anew (the catalogue's `rebase:`). */
  rebases: { month: Month; reason: string }[];
  /** Notes printed under the indicator's tables (the catalogue's `footnotes:`). */
  footnotes: string[];
  definition: string | null;
  owner: string | null;
  reporter: string | null;
  outcome: string | null;
  computedAs: string;
  /** Public edition: the fields withheld by small-number suppression (their values are null), and the symbol shown instead. */
  withheld?: { symbol: string; fields: WithheldField[] };
}

/** Fields of an indicator's result that the public edition can withhold. */
export type WithheldField =
  | "value"
  | "previous"
  | "lastYear"
  | "changeFromPrevious"
  | "changeFromLastYear"
  | "dot"
  | "rag"
  | "benchmarkPosition"
  | "ytd"
  | "rolling12"
  | "average12"
  | "max12"
  | "spc";

export type SpecialCause = "improvement" | "concern" | "neutral";

export interface SpcResult {
  mean: number;
  upl: number;
  lpl: number;
  screened: boolean;
  /** Months the limits were computed from. */
  baseline: Month[];
  trial: boolean;
  /** The rebase point the segment starts at, if any. */
  rebase: { month: Month; reason: string } | null;
  points: { month: Month; value: number; special: SpecialCause | null; rule: string | null }[];
  variation: string;
  assurance: string | null;
  /** Earlier segments (before rebase points), for the chart. */
  earlierSegments: { start: Month; end: Month; mean: number | null; upl: number | null; lpl: number | null }[];
}

export interface MonthModel {
  month: Month;
  reportingYear: YearLabel;
  /** The months of the reporting year, first to last. */
  yearMonths: Month[];
  /** The 12 months ending with the report month. */
  last12: Month[];
  /** The five reporting years of the annual trend, oldest first. */
  trendYears: YearLabel[];
  authority: Omit<Authority, "source" | "sections" | "publicEdition">;
  sections: {
    id: string;
    title: string;
    definition: string | null;
    /** A person's commentary for the month (drafts left as boardpack wrote them are not). */
    commentary: string | null;
    tables: TableSpec[];
    charts: Omit<ChartSpec, "source">[];
    /** Notes printed under the section's last table. */
    footnotes: string[];
    indicators: string[];
  }[];
  indicators: IndicatorResult[];
  restatements: Restatement[];
  /** Status, date created and author of this month's report. */
  report: ReportDetails;
  /** Present in the public edition: how small numbers were suppressed. */
  publicEdition?: PublicEditionNote;
}

export interface PublicEditionNote {
  /** Shown in place of a withheld figure. */
  symbol: string;
  /** Counts from 1 to this are withheld. */
  threshold: number;
  /** Counts of 0 are withheld too. */
  suppressZero: boolean;
  /** Other counts are rounded to the nearest multiple of this (0: not rounded). */
  rounding: number;
}
