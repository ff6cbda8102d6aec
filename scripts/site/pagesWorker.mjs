// Entry of the pages worker thread: registers tsx so the worker can load the
// project's TypeScript, then starts it. (A worker does not inherit the loader
// tsx gave the main thread; the compiled build has its own entry.)
import { register } from "tsx/esm/api";

register();
await import("./pagesWorker.ts");
