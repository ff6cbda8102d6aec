// A worker thread that writes months' CSVs and workbooks (downloads.ts).
import { parentPort } from "node:worker_threads";
import { writeDownloadFiles, type DownloadJob } from "./downloadFiles.ts";

parentPort!.on("message", ({ id, job }: { id: number; job: DownloadJob }) => {
  try {
    writeDownloadFiles(job);
    parentPort!.postMessage({ id });
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
