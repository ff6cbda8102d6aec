// Finds a Chromium or Chrome executable: $BOARDPACK_CHROMIUM, then the usual
// system paths (Debian's chromium first). Plain JavaScript: setup uses it
// before anything is installed.
import fs from "node:fs";

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/** @returns {string | null} */
export function findChromium() {
  const fromEnv = process.env.BOARDPACK_CHROMIUM || process.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}
