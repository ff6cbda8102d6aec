// Starts the system Chromium through puppeteer-core (Puppeteer's own browser
// download does not work everywhere; the system one does).
import puppeteer, { type Browser } from "puppeteer-core";
import { findChromium } from "../setup/chromium.mjs";

// Flags that keep a headless Chromium quiet on a closed network.
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-default-apps",
  "--font-render-hinting=none",
];

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      "Chromium was not found, so the PDF cannot be printed. Run `npm run setup` (it installs Debian's chromium as root), install Chromium or Chrome yourself, or set BOARDPACK_CHROMIUM to its path.",
    );
  }
  return puppeteer.launch({ executablePath, headless: true, args: ARGS });
}
