import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Builds and Chromium start take seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    reporters: ["default", ["json", { outputFile: "tmp/test-results.json" }]],
  },
});
