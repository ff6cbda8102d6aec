// A month's CSV and workbook are made on a worker thread from the month's
// JSON (scripts/output/downloads.ts): they must be, byte for byte, those
// made from the model itself, in both editions and for another council's
// data, whatever else the process wrote; and a file that cannot be written
// fails the build's wait for them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadValidData } from "../../scripts/build/loadAndValidate.ts";
import { buildMonthModel, reportMonths } from "../../scripts/metrics/model.ts";
import type { MonthModel } from "../../scripts/model/types.ts";
import { DownloadWriter } from "../../scripts/output/downloads.ts";
import { modelToCsv } from "../../scripts/output/modelCsv.ts";
import { modelToXlsx } from "../../scripts/output/modelXlsx.ts";
import { planSuppression } from "../../scripts/suppress/plan.ts";
import { publicModels } from "../../scripts/suppress/apply.ts";

const modelsOf = (dir: string) => {
  const { data } = loadValidData(dir);
  const internal = reportMonths(data).map((m) => buildMonthModel(data, m));
  return { data, internal };
};
const example = modelsOf("data");
const southampton = modelsOf("examples/southampton/data");
const publicEdition = publicModels(example.internal, planSuppression(example.data, example.internal, example.data.authority.publicEdition), example.data);

const temp = fs.mkdtempSync(path.join(os.tmpdir(), "boardpack-downloads-"));
const saved = process.env.BOARDPACK_PAGE_CACHE;
process.env.BOARDPACK_PAGE_CACHE = "off"; // each file is made, none copied from a cache
afterAll(() => {
  fs.rmSync(temp, { recursive: true, force: true });
  if (saved === undefined) delete process.env.BOARDPACK_PAGE_CACHE;
  else process.env.BOARDPACK_PAGE_CACHE = saved;
});

async function writeAll(models: MonthModel[], authority: string, inThread: boolean): Promise<string> {
  const dir = fs.mkdtempSync(path.join(temp, inThread ? "thread-" : "worker-"));
  const writer = new DownloadWriter({ inThread });
  try {
    for (const m of models) writer.write(dir, m, authority);
    await writer.finished();
  } finally {
    await writer.close();
  }
  return dir;
}

describe("a month's downloads, written on a worker thread", () => {
  const cases: [string, MonthModel[], string][] = [
    ["the example", example.internal, example.data.authority.name],
    ["the example's public edition", publicEdition, example.data.authority.name],
    ["Southampton's data", southampton.internal, southampton.data.authority.name],
  ];
  it.each(cases)("are the CSV and workbook made from the model itself: %s", async (_name, models, authority) => {
    expect(publicEdition.some((m) => m.publicEdition)).toBe(true);
    const dir = await writeAll(models, authority, false);
    for (const m of models) {
      expect(fs.readFileSync(path.join(dir, `${m.month}.csv`), "utf8"), `${m.month}.csv`).toBe(modelToCsv(m));
      expect(fs.readFileSync(path.join(dir, `${m.month}.xlsx`)).equals(modelToXlsx(m, authority)), `${m.month}.xlsx`).toBe(true);
    }
  }, 120_000);

  it("are the files written in the build's own thread", async () => {
    const models = example.internal.slice(-3);
    const worker = await writeAll(models, example.data.authority.name, false);
    const thread = await writeAll(models, example.data.authority.name, true);
    const names = fs.readdirSync(worker).sort();
    expect(names).toEqual(models.flatMap((m) => ["csv", "json", "xlsx"].map((ext) => `${m.month}.${ext}`)).sort());
    expect(fs.readdirSync(thread).sort()).toEqual(names);
    for (const n of names) expect(fs.readFileSync(path.join(worker, n)).equals(fs.readFileSync(path.join(thread, n))), n).toBe(true);
  }, 120_000);

  it("have a workbook that is the same whatever workbooks the process wrote before it", () => {
    const month = southampton.internal[0]!;
    const alone = modelToXlsx(month, southampton.data.authority.name);
    // Other workbooks bring number formats of their own (SheetJS kept them process-wide).
    for (const m of example.internal) modelToXlsx(m, example.data.authority.name);
    expect(modelToXlsx(month, southampton.data.authority.name).equals(alone)).toBe(true);
  });

  it("are written all the same when the worker runs out of memory (this thread writes them)", async () => {
    const models = example.internal.slice(-2);
    const dir = fs.mkdtempSync(path.join(temp, "small-"));
    // Far too little for the worker to load its code: it runs out at once.
    const writer = new DownloadWriter({ inThread: false, heapMb: 2 });
    try {
      for (const m of models) writer.write(dir, m, example.data.authority.name);
      await writer.finished();
      writer.write(dir, example.internal[0]!, example.data.authority.name);
      await writer.finished();
    } finally {
      await writer.close();
    }
    for (const m of [...models, example.internal[0]!]) {
      expect(fs.readFileSync(path.join(dir, `${m.month}.xlsx`)).equals(modelToXlsx(m, example.data.authority.name)), `${m.month}.xlsx`).toBe(true);
    }
  }, 60_000);

  it("are written all the same when the worker stops without an error (this thread writes them)", async () => {
    const models = example.internal.slice(-2);
    const dir = fs.mkdtempSync(path.join(temp, "stopped-"));
    const writer = new DownloadWriter({ inThread: false });
    try {
      for (const m of models) writer.write(dir, m, example.data.authority.name);
      await (writer as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
      await writer.finished();
    } finally {
      await writer.close();
    }
    for (const m of models) {
      expect(fs.readFileSync(path.join(dir, `${m.month}.xlsx`)).equals(modelToXlsx(m, example.data.authority.name)), `${m.month}.xlsx`).toBe(true);
    }
  }, 60_000);

  it("fail the wait for them when a file cannot be written", async () => {
    const dir = fs.mkdtempSync(path.join(temp, "gone-"));
    const writer = new DownloadWriter({ inThread: false });
    try {
      const m = example.internal.at(-1)!;
      writer.write(dir, m, example.data.authority.name);
      // The workbook's place is taken by a folder: the worker cannot write it.
      fs.mkdirSync(path.join(dir, `${m.month}.xlsx`));
      await expect(writer.finished()).rejects.toThrow(/EISDIR|illegal operation on a directory/);
    } finally {
      await writer.close();
    }
  }, 60_000);
});
