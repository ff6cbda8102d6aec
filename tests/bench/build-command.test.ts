// The bench times the build with the Node flags npm run build gives it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildNodeFlags } from "../../scripts/bench/buildCommand.ts";
import { ROOT } from "../helpers/run.ts";

describe("the Node flags of the build", () => {
  it("are read from package.json's build script, as the bench runs it", () => {
    const script = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts.build as string;
    expect(buildNodeFlags(script)).toEqual(["--max-semi-space-size=32"]);
  });

  it("are every flag between node and the compiled build, and none when there are none", () => {
    expect(buildNodeFlags("node scripts/setup/ensure.mjs --compile && node --a=1 --b scripts/.compiled/build.mjs")).toEqual(["--a=1", "--b"]);
    expect(buildNodeFlags("node scripts/setup/ensure.mjs --compile && node scripts/.compiled/build.mjs")).toEqual([]);
    expect(buildNodeFlags("tsx scripts/cli/build.ts")).toEqual([]);
  });
});
