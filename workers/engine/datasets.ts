import { committedVersions, dataFileName, dataPackageFileName, leftoverFiles, manifestFileName } from "@/lib/datasets/layout";
import { parseManifest, type Manifest } from "@/lib/datasets/manifest";
import type { DatasetSummary, SourceRef } from "@/lib/engine/api";
import { fail, ok, type Result } from "@/lib/result";
import { fromDuckDbError } from "@/lib/sql/duckdb-error";
import { ident } from "@/lib/sql/quote";
import { withConnection } from "./duckdb";
import { datasetDir, datasetsDir, entries, fileNames, readText, removeEntry } from "./opfs";
import { parquetIpcBatches } from "./parquet";

/**
 * The destination: dataset versions in OPFS. A version exists exactly when
 * its manifest does; anything else in a dataset folder is a leftover of a
 * promotion that did not finish.
 */
export const datasetLock = (name: string) => `stages:dataset:${name}`;

export async function readManifest(name: string, version: number): Promise<Manifest | null> {
  const dir = await datasetDir(name, false);
  return dir ? parseManifest((await readText(dir, manifestFileName(version))) ?? "") : null;
}

export async function listDatasets(): Promise<Result<DatasetSummary[]>> {
  const out: DatasetSummary[] = [];
  for (const [name, handle] of await entries(await datasetsDir())) {
    if (handle.kind !== "directory") continue;
    const dir = handle as FileSystemDirectoryHandle;
    const names = await fileNames(dir);
    const versions = committedVersions(names);
    const last = versions.at(-1);
    const latest = last === undefined ? null : parseManifest((await readText(dir, manifestFileName(last))) ?? "");
    if (!latest) continue;
    let bytes = 0;
    for (const v of versions) {
      for (const file of [dataFileName(v), dataPackageFileName(v), manifestFileName(v)]) bytes += await fileSize(dir, file);
    }
    out.push({ name, versions, latest, bytes });
  }
  out.sort((a, b) => b.latest.createdAt.localeCompare(a.latest.createdAt));
  return ok(out);
}

/** Remove what unfinished promotions left behind, in folders no promotion holds now. */
export async function cleanLeftovers(): Promise<void> {
  for (const [name, handle] of await entries(await datasetsDir())) {
    if (handle.kind !== "directory") continue;
    await navigator.locks.request(datasetLock(name), { ifAvailable: true }, async (lock) => {
      if (!lock) return;
      const dir = handle as FileSystemDirectoryHandle;
      for (const leftover of leftoverFiles(await fileNames(dir))) await removeEntry(dir, leftover);
    });
  }
}

export async function datasetFile(name: string, version: number): Promise<File | null> {
  const dir = await datasetDir(name, false);
  if (!dir) return null;
  try {
    return await (await dir.getFileHandle(dataFileName(version))).getFile();
  } catch {
    return null;
  }
}

export async function loadDatasetTable(
  source: Extract<SourceRef, { kind: "dataset" }>,
  table: string,
): Promise<Result<null>> {
  const manifest = await readManifest(source.name, source.version);
  const file = await datasetFile(source.name, source.version);
  if (!manifest || !file) return fail({ message: `Dataset ${source.name} has no version ${source.version}.` });
  try {
    await withConnection(async (conn) => {
      const columns = manifest.schema.map((c) => `${ident(c.name)} ${c.type}`).join(", ");
      await conn.query(`CREATE OR REPLACE TABLE ${ident(table)} (${columns})`);
      for await (const ipc of parquetIpcBatches(file)) {
        await conn.insertArrowFromIPCStream(ipc, { name: table, create: false });
      }
    });
    return ok(null);
  } catch (error) {
    return fail(fromDuckDbError(String((error as Error).message ?? error), `${source.name} v${source.version}`));
  }
}

async function fileSize(dir: FileSystemDirectoryHandle, name: string): Promise<number> {
  try {
    return (await (await dir.getFileHandle(name)).getFile()).size;
  } catch {
    return 0;
  }
}
