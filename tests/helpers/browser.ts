// Opens built pages in headless Chromium (the system one, as the PDF uses).
import type { Browser } from "puppeteer-core";
import { launchBrowser } from "../../scripts/pdf/browser.ts";

let browser: Browser | null = null;

export async function getBrowser(): Promise<Browser> {
  browser ??= await launchBrowser();
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}
