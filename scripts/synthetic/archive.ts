// Writes a synthetic data directory: a council with years of history, for
// measuring the build at scale (npm run bench) and for tests of caching.
// Series are realistic in shape (seasonal counts, percentages as numerator
// of denominator, small counts that the public edition suppresses, rolling
// totals and rates, targets of every shape) and reproducible from a seed.
import fs from "node:fs";
import path from "node:path";
import { addMonths, monthRange, reportingYear } from "../metrics/months.ts";
import type { Month } from "../model/types.ts";

export interface ArchiveOptions {
  /** Number of months, ending with `end`. */
  months: number;
  /** Number of indicators (rounded to whole sections of 20). */
  indicators: number;
  end?: Month;
  seed?: number;
}

/** mulberry32: a small, well-mixed PRNG, so the archive is the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECTION_NAMES = [
  "Contacts",
  "Referrals",
  "Assessments",
  "S47 enquiries",
  "Children in need",
  "Child protection",
  "Looked after children",
  "Care leavers",
  "Fostering",
  "Adoption",
  "Placements",
  "Caseloads",
  "Early help",
  "Youth justice",
  "Missing children",
  "Health",
];

type Shape = "flow" | "small" | "snapshot" | "share" | "ratio" | "rolling" | "rate" | "average" | "pct-of";

/** The 20 indicators of a section, in the order they are written. */
const SECTION_SHAPES: Shape[] = ["flow", "flow", "small", "snapshot", "share", "share", "flow", "ratio", "rolling", "rate", "average", "snapshot", "small", "pct-of", "flow", "share", "snapshot", "small", "average", "share"];

interface Spec {
  ref: string;
  shape: Shape;
  base: number;
  of?: string;
}

export function writeSyntheticArchive(dir: string, options: ArchiveOptions): { months: Month[]; indicators: number } {
  const random = prng(options.seed ?? 20201231);
  const end = options.end ?? "2020-12";
  const months = monthRange(addMonths(end, -(options.months - 1)), end);
  const sectionCount = Math.max(1, Math.round(options.indicators / SECTION_SHAPES.length));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };

  const sections: { id: string; title: string; specs: Spec[] }[] = [];
  for (let s = 0; s < sectionCount; s++) {
    const title = `${SECTION_NAMES[s % SECTION_NAMES.length]}${s >= SECTION_NAMES.length ? ` ${Math.floor(s / SECTION_NAMES.length) + 1}` : ""}`;
    const id = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const specs: Spec[] = SECTION_SHAPES.map((shape, i) => ({ ref: `${s + 1}.${i + 1}`, shape, base: 40 + Math.floor(random() * 400) }));
    for (const spec of specs) {
      if (spec.shape === "ratio" || spec.shape === "pct-of") spec.of = specs[0]!.ref;
      if (spec.shape === "rolling") spec.of = specs[1]!.ref;
      if (spec.shape === "rate") spec.of = specs[8]!.ref;
      if (spec.shape === "small") spec.base = 1 + Math.floor(random() * 6);
    }
    sections.push({ id, title, specs });
  }

  // Catalogue
  const population: Record<string, number> = {};
  for (const m of months) population[reportingYear(m, 4)] ??= 50000 + Math.floor(random() * 10000);
  write(
    "authority.yaml",
    [
      "# A synthetic council (npm run generate-archive): for measuring boardpack at scale.",
      "name: Synthetic Borough Council",
      "shortName: Synthetic",
      "report:",
      "  title: Children's Social Care Monthly Performance Report",
      "  createdBy: Performance Team",
      "yearStartMonth: 4",
      "directionOfTravel: polarity",
      "population:",
      ...Object.entries(population).map(([y, p]) => `  ${y}: ${p}`),
      "benchmarks:",
      "  year: 2019/20",
      "sections:",
      ...sections.map((s) => `  - ${s.id}`),
      "",
    ].join("\n"),
  );
  for (const section of sections) {
    const lines = [`title: ${section.title}`, `definition: The ${section.title.toLowerCase()} measures of a synthetic council.`, "charts:", "  - type: line", `    title: ${section.specs[0]!.ref} each month`, `    indicators: ["${section.specs[0]!.ref}"]`, "  - type: spc", `    title: ${section.specs[4]!.ref} as a process`, `    indicators: ["${section.specs[4]!.ref}"]`, "indicators:"];
    for (const spec of section.specs) {
      const title = `${section.title}: measure ${spec.ref} (${spec.shape})`;
      lines.push(`  - ref: "${spec.ref}"`, `    title: "${title}"`);
      switch (spec.shape) {
        case "flow":
        case "small":
          lines.push("    unit: count", "    polarity: info", "    kind: flow");
          break;
        case "snapshot":
          lines.push("    unit: count", "    polarity: low", "    kind: snapshot", `    target: { type: below, green: ${spec.base}, amber: ${Math.round(spec.base * 1.1)} }`);
          break;
        case "share":
          lines.push("    unit: percentage", "    polarity: high", "    kind: flow", "    target: { type: at-least, green: 80%, amber: 75% }", "    benchmarks: { statNeighbour: 78.5, england: 80.1 }");
          break;
        case "ratio":
          lines.push("    unit: percentage", "    polarity: high", `    compute: { ratio: { numerator: "${section.specs[6]!.ref}", denominator: "${spec.of}" } }`);
          break;
        case "rolling":
          lines.push("    unit: count", "    polarity: info", `    compute: { rolling12: "${spec.of}" }`, "    summary: no");
          break;
        case "rate":
          lines.push("    unit: rate", "    polarity: info", `    compute: { rate: "${spec.of}" }`, "    benchmarks: { statNeighbour: 550.2, england: 534.8 }");
          break;
        case "average":
          lines.push("    unit: average", "    polarity: range", "    kind: snapshot", "    target: { type: band, green: [14, 20], amber: 1 }");
          break;
        case "pct-of":
          lines.push("    unit: percentage", "    polarity: low", "    kind: flow", `    percentageOf: "${spec.of}"`, "    target: { type: below, green: 23%, amber: 26% }");
          break;
      }
      lines.push("");
    }
    write(`indicators/${section.id}.yaml`, lines.join("\n"));
  }

  // Figures: each month's own, and restatements of the two months before it.
  const figure = new Map<string, string>();
  const valueFor = (spec: Spec, m: Month, i: number): string | null => {
    const season = 1 + 0.15 * Math.sin((Number(m.slice(5, 7)) / 12) * 2 * Math.PI);
    const trend = 1 + 0.002 * i;
    switch (spec.shape) {
      case "flow":
      case "snapshot":
        return String(Math.max(0, Math.round(spec.base * season * trend * (0.85 + random() * 0.3))));
      case "small":
        return String(Math.max(0, Math.round(spec.base + (random() - 0.5) * 6)));
      case "share": {
        const d = 20 + Math.floor(random() * 200);
        const n = Math.min(d, Math.round(d * (0.7 + random() * 0.25)));
        return `${n} of ${d}`;
      }
      case "average":
        return (14 + random() * 7).toFixed(1);
      case "pct-of":
        return `${(15 + random() * 15).toFixed(1)}%`;
      default:
        return null; // computed
    }
  };
  months.forEach((m, i) => {
    const lines = [`month: ${m}`, "values:"];
    for (const section of sections) {
      lines.push(`  # ${section.title}`);
      for (const spec of section.specs) {
        // The numerator of the ratio (the 7th measure) never exceeds its denominator (the 1st).
        let v = valueFor(spec, m, i);
        if (v === null) continue;
        if (spec === section.specs[6]) v = String(Math.min(Number(v), Number(figure.get(`${section.specs[0]!.ref}@${m}`) ?? v)));
        figure.set(`${spec.ref}@${m}`, v);
        lines.push(`  "${spec.ref}": ${v.includes(" of ") ? `"${v}"` : v}`);
      }
    }
    if (i >= 2) {
      lines.push("restated:");
      for (const back of [1, 2]) {
        const earlier = months[i - back]!;
        const spec = sections[(i + back) % sections.length]!.specs[back === 1 ? 0 : 14]!;
        const old = Number(figure.get(`${spec.ref}@${earlier}`));
        const restated = old + 1 + Math.floor(random() * 3);
        // The ratio's numerator (7th) must stay within the restated denominator: only ever raise the 1st measure.
        figure.set(`${spec.ref}@${earlier}`, String(restated));
        lines.push(`  ${earlier}:`, `    "${spec.ref}": ${restated}`);
      }
    }
    write(`months/${m}.yaml`, lines.join("\n") + "\n");
    for (const section of sections) {
      write(
        `commentary/${m}/${section.id}.md`,
        `${section.title} in ${m}: the figures moved within their usual range.\n\nThe team reviewed the cases behind measure ${section.specs[0]!.ref} and found no concerns about recording.\n`,
      );
    }
  });
  return { months, indicators: sections.length * SECTION_SHAPES.length };
}
