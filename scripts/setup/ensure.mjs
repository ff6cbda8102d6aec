#!/usr/bin/env node
// Installs what the build needs and is missing: the npm packages, and the
// system Chromium that prints the PDF (its headless shell where the system has
// one, with fonts and poppler's PDF tools).
// Plain JavaScript on purpose: it runs before anything is installed.
//
//   node scripts/setup/ensure.mjs            packages + Chromium
//   node scripts/setup/ensure.mjs --no-browser   packages only
//   --compile: also compile the build (scripts/.compiled/, see compile.mjs)
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findChromium, findHeadlessShell, HEADLESS_SHELL_PACKAGE } from "./chromium.mjs";
import { compileBuild } from "./compile.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const wantBrowser = !process.argv.includes("--no-browser");

function say(line) {
  process.stderr.write(`setup: ${line}\n`);
}

function packagesReady() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  if (!fs.existsSync(marker)) return false;
  // npm writes node_modules/.package-lock.json on install; an older one means package-lock.json moved on.
  return fs.statSync(marker).mtimeMs >= fs.statSync(path.join(root, "package-lock.json")).mtimeMs - 1000;
}

if (!packagesReady()) {
  say("installing npm packages (npm ci)...");
  const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) {
    say("npm ci failed; see the messages above.");
    process.exit(1);
  }
}


function have(cmd) {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const canApt = isRoot && have("apt-get");

/** Installs Debian packages; false if apt-get could not (its messages shown). */
function aptInstall(packages) {
  try {
    execFileSync("apt-get", ["update", "-qq"], { stdio: ["ignore", "ignore", "inherit"] });
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    return true;
  } catch {
    return false;
  }
}

if (wantBrowser && (!findChromium() || !have("pdftoppm"))) {
  if (canApt) {
    say("installing Chromium, fonts and poppler-utils with apt-get (about a minute)...");
    const base = ["chromium", "fonts-liberation", "poppler-utils"];
    if (!aptInstall([...base, HEADLESS_SHELL_PACKAGE]) && !aptInstall(base)) {
      say("apt-get could not install chromium; see the messages above.");
      process.exit(1);
    }
  }
  if (!findChromium()) {
    say("Chromium was not found. The PDF board pack needs it.");
    say(`  Debian/Ubuntu:  sudo apt-get install -y chromium ${HEADLESS_SHELL_PACKAGE} fonts-liberation poppler-utils`);
    say("  macOS:          install Google Chrome, then export BOARDPACK_CHROMIUM=\"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome\"");
    say("  elsewhere:      set BOARDPACK_CHROMIUM to the path of a Chromium or Chrome executable.");
    process.exit(1);
  }
}

// Asked for once: where the system has no headless shell to install, the full Chromium prints (slower) and setup
// does not try again on every build.
const noShellMarker = path.join(root, "node_modules", ".boardpack-no-headless-shell");
if (wantBrowser && canApt && !process.env.BOARDPACK_CHROMIUM && !findHeadlessShell() && !fs.existsSync(noShellMarker)) {
  say(`installing Chromium's headless shell (${HEADLESS_SHELL_PACKAGE}), which prints the PDF in about half the time...`);
  if (!aptInstall([HEADLESS_SHELL_PACKAGE]) || !findHeadlessShell()) {
    say(`${HEADLESS_SHELL_PACKAGE} could not be installed; the full Chromium prints the PDF (slower). Not asked again.`);
    fs.mkdirSync(path.dirname(noShellMarker), { recursive: true });
    fs.writeFileSync(noShellMarker, "");
  }
}

if (process.argv.includes("--compile")) {
  try {
    await compileBuild(root);
  } catch (e) {
    say(`could not compile the build: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
