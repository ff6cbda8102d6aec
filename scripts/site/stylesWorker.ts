// A worker thread that compiles the stylesheets (styles.ts), so Sass does not hold the build's thread.
import { parentPort, workerData } from "node:worker_threads";
import { compileStyles, type StylesheetName } from "./styles.ts";

const { names, hash } = workerData as { names: StylesheetName[]; hash: string };
try {
  parentPort!.postMessage({ css: await Promise.all(names.map((name) => compileStyles(name, hash))) });
} catch (e) {
  parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) });
}
