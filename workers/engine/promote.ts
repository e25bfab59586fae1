import { createSHA256 } from "hash-wasm";
import { dataFileName, manifestFileName, nextVersion, tempFileName } from "@/lib/datasets/layout";
import { manifestSchema, type Manifest } from "@/lib/datasets/manifest";
import { checkDatasetName } from "@/lib/datasets/name";
import type { ProgressFn } from "@/lib/engine/api";
import { fail, ok, type Result } from "@/lib/result";
import { ident } from "@/lib/sql/quote";
import type { StagesDb } from "@/lib/staging/db";
import { datasetLock } from "./datasets";
import { duck } from "./duckdb";
import { datasetDir, fileNames, moveFile, removeEntry, writeText } from "./opfs";
import { parquetStream } from "./parquet";
import { ensureTable, tableName } from "./tables";
import { progressReporter, throwIfCancelled } from "./tasks";

/**
 * Promote a staged file to a new version of a dataset. The data is streamed
 * to a temporary file, moved into place, and only then is the manifest (the
 * commit point) written. A Web Lock per dataset keeps two tabs from taking
 * the same version number.
 */
export async function promote(
  db: StagesDb,
  fileId: string,
  datasetName: string,
  taskId: string,
  onProgress?: ProgressFn,
): Promise<Result<Manifest>> {
  const nameError = checkDatasetName(datasetName);
  if (nameError) return fail({ message: nameError });
  const staged = await db.files.get(fileId);
  if (!staged) return fail({ message: "This file is no longer in the staging area." });
  const source = { kind: "staged", fileId } as const;
  const info = await ensureTable(db, source);
  if (!info.ok) return info;

  return navigator.locks.request(datasetLock(datasetName), async () => {
    const dir = (await datasetDir(datasetName, true))!;
    const version = nextVersion(await fileNames(dir));
    const temp = tempFileName(version, crypto.randomUUID().slice(0, 8));
    const report = progressReporter(onProgress);
    const total = info.value.rowCount;
    try {
      const { conn } = await duck();
      const reader = await conn.send(`SELECT * FROM ${ident(tableName(source))}`);
      let promoted = 0;
      const batches = (async function* () {
        for await (const batch of reader) {
          throwIfCancelled(taskId);
          promoted += batch.numRows;
          report({ phase: "Writing Parquet", done: promoted, total, unit: "rows" });
          yield batch;
        }
      })();
      const data = await writeStream(dir, temp, await parquetStream(reader.schema, batches));
      if (promoted !== total) {
        throw new Error(`Row counts do not reconcile: ${total} rows in, ${promoted} written.`);
      }
      await moveFile(dir, temp, dataFileName(version));
      const manifest: Manifest = manifestSchema.parse({
        kind: "stages.dataset-manifest",
        manifestVersion: 1,
        name: datasetName,
        version,
        createdAt: new Date().toISOString(),
        appVersion: process.env.NEXT_PUBLIC_APP_VERSION ?? "dev",
        schema: info.value.columns,
        rows: { in: total, valid: total, rejected: 0, promoted },
        sources: [{ name: staged.name, sha256: staged.sha256, size: staged.size }],
        recipe: null,
        recipeSha256: null,
        data: { file: dataFileName(version), format: "parquet", compression: "zstd", ...data },
      });
      await writeText(dir, manifestFileName(version), JSON.stringify(manifest, null, 2));
      report({ phase: "Done", done: promoted, total, unit: "rows" }, true);
      return ok(manifest);
    } catch (error) {
      await removeEntry(dir, temp);
      await removeEntry(dir, dataFileName(version));
      return fail({ message: `Promotion to ${datasetName} did not complete, nothing was changed: ${(error as Error).message}` });
    }
  });
}

async function writeStream(
  dir: FileSystemDirectoryHandle,
  name: string,
  stream: ReadableStream<Uint8Array<ArrayBuffer>>,
): Promise<{ size: number; sha256: string }> {
  const hasher = await createSHA256();
  hasher.init();
  const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
  const reader = stream.getReader();
  let size = 0;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      hasher.update(next.value);
      size += next.value.byteLength;
      await writable.write(next.value);
    }
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
  return { size, sha256: hasher.digest("hex") };
}
