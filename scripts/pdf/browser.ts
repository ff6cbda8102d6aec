// Starts the system Chromium through puppeteer-core (Puppeteer's own browser
// download does not work everywhere; the system one does).
import type { Browser } from "puppeteer-core";
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

/** Starts Chromium; `signal`, when aborted, kills it (even while it is still starting). */
export async function launchBrowser(signal?: AbortSignal): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      "Chromium was not found, so the PDF cannot be printed. Run `npm run setup` (it installs Debian's chromium as root), install Chromium or Chrome yourself, or set BOARDPACK_CHROMIUM to its path.",
    );
  }
  // Puppeteer's own signal handlers would swallow a Ctrl+C or SIGTERM (the
  // build must stop as the signal says, after clearing its staging folder):
  // ours stop Chromium and pass the signal on.
  // Loaded here, not with the build (about 0.2 s): a build that prints nothing never needs it.
  const { default: puppeteer } = await import("puppeteer-core");
  let browser: Browser;
  try {
    browser = await puppeteer.launch({ executablePath, headless: true, args: ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, ...(signal ? { signal } : {}) });
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).replace(/\s*TROUBLESHOOTING:.*$/s, "").trim();
    throw new Error(`Chromium (${executablePath}) did not start, so the PDF cannot be printed: ${why}\nCheck that it runs (${executablePath} --headless --version), run \`npm run setup\`, or set BOARDPACK_CHROMIUM to another Chromium or Chrome.`);
  }
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  const onSignal = (signal: NodeJS.Signals) => {
    unlisten();
    browser.process()?.kill("SIGKILL");
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const unlisten = () => signals.forEach((s) => process.removeListener(s, onSignal));
  signals.forEach((s) => process.once(s, onSignal));
  browser.once("disconnected", unlisten);
  return browser;
}

/** A Chromium being started: `get` waits for it (and fails as the start did, or if closed first), `close` stops it (at most once; never fails). */
export interface BrowserStart {
  get(): Promise<Browser>;
  close(): Promise<void>;
}

/**
 * Starts Chromium now, to be used (or closed) later: its start takes about a second, spent while other work goes on.
 * One never asked for is killed at once when closed, not waited for (a build that stops on bad data ends as soon).
 * `launch` is the starter (tests).
 */
export function startBrowser(launch: (signal: AbortSignal) => Promise<Browser> = launchBrowser): BrowserStart {
  const abort = new AbortController();
  const launching = launch(abort.signal);
  launching.catch(() => {}); // reported by get()
  let used = false;
  let closing: Promise<void> | undefined;
  return {
    get: () => {
      if (closing && !used) return Promise.reject(new Error("Chromium was stopped before it was used."));
      used = true;
      return launching;
    },
    close: () => {
      if (closing) return closing;
      // Aborted, Puppeteer kills the process (or never spawns it), but its launch, caught at the wrong step, may never
      // settle: waited for, with nothing else left to do, the build ended with exit code 13 and no word (1 in 8 runs).
      // So one never used is closed (if its launch gives a browser after all) but not waited for.
      if (!used) abort.abort();
      const closed = launching.then((b) => b.close()).catch(() => {});
      return (closing = used ? closed : Promise.resolve());
    },
  };
}
