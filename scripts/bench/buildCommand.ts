// The bench runs the compiled build as `npm run build` does, with the same Node flags.

/** The Node flags in an npm script that runs `node [flags] scripts/.compiled/build.mjs` (none if it runs it otherwise). */
export function buildNodeFlags(script: string): string[] {
  const flags = /(?:^|&&\s*)node((?:\s+--\S+)*)\s+scripts\/\.compiled\/build\.mjs/.exec(script)?.[1] ?? "";
  return flags.split(/\s+/).filter(Boolean);
}
