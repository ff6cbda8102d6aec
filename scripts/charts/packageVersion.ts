// A package's version, read from its package.json without loading the package
// (loading Vega takes about 0.3 s, and the build's main thread need not).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

export function packageVersion(name: string): string {
  // Its exports need not list package.json: found from its entry point, upwards.
  for (let dir = path.dirname(require.resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (pkg.name === name && pkg.version) return pkg.version;
  }
  throw new Error(`No package.json found for ${name}.`);
}
