// Entry of a chart-rendering worker thread: registers tsx so the worker can
// load the project's TypeScript, then starts it. (A worker does not inherit
// the loader tsx gave the main thread.)
import { register } from "tsx/esm/api";

register();
await import("./renderWorker.ts");
