// Where builds keep what they can reuse (stylesheets, chart SVGs, printed
// board packs), keyed by what each was made from. BOARDPACK_CACHE_DIR moves it
// to a folder CI keeps between runs; the default lives with the packages.
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

export function cacheDir(...parts: string[]): string {
  const base = process.env.BOARDPACK_CACHE_DIR ? path.resolve(process.env.BOARDPACK_CACHE_DIR) : path.join(ROOT, "node_modules", ".cache", "boardpack");
  return path.join(base, ...parts);
}
