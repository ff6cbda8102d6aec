// Starts the system Chromium through puppeteer-core (Puppeteer's own browser
// download does not work everywhere; the system one does).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "puppeteer-core";
import { findChromium, isHeadlessShell } from "../setup/chromium.mjs";

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

/** Puppeteer, loaded once: a launch after spawnBrowser's waits for no module. */
const importPuppeteer = () => import("puppeteer-core");
let puppeteerLoaded: ReturnType<typeof importPuppeteer> | undefined;
const loadPuppeteer = () => (puppeteerLoaded ??= importPuppeteer());

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
  const { default: puppeteer } = await loadPuppeteer();
  // The profile folder made here, at once: Puppeteer makes its own with an asynchronous mkdtemp, and Chromium was
  // spawned only once that call's turn came, which in a build (its thread busy loading modules and data) was a second later.
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-chromium-"));
  const removeProfile = () => fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  const launch = (pipe: boolean) =>
    puppeteer.launch({ executablePath, headless: isHeadlessShell(executablePath) ? "shell" : true, pipe, args: ARGS, userDataDir, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, ...(signal ? { signal } : {}) });
  let browser: Browser;
  try {
    // Through a pipe, not a port: a build killed outright (SIGKILL, the out-of-memory killer) cannot stop Chromium,
    // and the headless shell, unlike the full browser, outlived it; the pipe closes with the build, and Chromium then stops.
    // A start that fails through a pipe says only "Target closed" (Puppeteer reads nothing Chromium wrote); through a
    // port, the error carries Chromium's own words (a missing library, no display), so a failed start is tried once so.
    browser = await launch(true).catch((e: unknown) => (signal?.aborted ? Promise.reject(e) : launch(false)));
  } catch (e) {
    removeProfile();
    const why = (e instanceof Error ? e.message : String(e)).replace(/\s*TROUBLESHOOTING:.*$/s, "").trim();
    throw new Error(`Chromium (${executablePath}) did not start, so the PDF cannot be printed: ${why}\nCheck that it runs (${executablePath} --headless --version), run \`npm run setup\`, or set BOARDPACK_CHROMIUM to another Chromium or Chrome.`);
  }
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  const onSignal = (signal: NodeJS.Signals) => {
    unlisten();
    browser.process()?.kill("SIGKILL");
    // This process may end before Chromium's exit is heard: its profile folder goes now.
    removeProfile();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const unlisten = () => signals.forEach((s) => process.removeListener(s, onSignal));
  signals.forEach((s) => process.once(s, onSignal));
  browser.once("disconnected", unlisten);
  // Removed once Chromium has exited (Puppeteer removes only a profile folder it made itself).
  const chromium = browser.process();
  if (chromium && chromium.exitCode === null && chromium.signalCode === null) chromium.once("exit", removeProfile);
  else removeProfile();
  return browser;
}

/**
 * Starts Chromium (startBrowser) once Puppeteer is loaded, and resolves once its process is spawned: the caller
 * then goes on with work of its own (loading the build, reading the data) while Chromium starts. Started while
 * that work already held the thread, Chromium was spawned only when the work let go of it.
 */
export async function spawnBrowser(): Promise<BrowserStart> {
  await loadPuppeteer();
  const start = startBrowser();
  // With Puppeteer loaded and the profile folder made, the launch reaches the spawn in promise callbacks alone
  // (no I/O waited for): they all run before this timer's turn.
  await new Promise((resolve) => setImmediate(resolve));
  return start;
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
