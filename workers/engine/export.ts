import { Table } from "apache-arrow";
import { csvRow, csvRows } from "@/lib/csv/write";
import { manifestFileName } from "@/lib/datasets/layout";
import { ndjsonRows } from "@/lib/ndjson/write";
import type { ExportFormat, ExportOptions, ExportedFile, ProgressFn, SourceRef } from "@/lib/engine/api";
import { fail, ok, type Result } from "@/lib/result";
import { isQuotaError, quotaMessage } from "@/lib/storage-error";
import { ident } from "@/lib/sql/quote";
import type { StagesDb } from "@/lib/staging/db";
import { textColumns } from "./arrow-text";
import { datasetFile, readManifest } from "./datasets";
import { datasetDir, readText } from "./opfs";
import { exportsDir } from "./workspace";
import { withConnection } from "./duckdb";
import { tableOfVersion } from "./promoted";
import { streamRows } from "./query";
import { describeTable, ensureTable, tableName, textSelectList } from "./tables";
import { progressReporter, throwIfCancelled } from "./tasks";

/**
 * A source as a downloadable file. CSV and NDJSON are written batch by batch
 * to a scratch file in OPFS, so a large export is never held in memory; the
 * File handed to the page is backed by that file.
 */
export async function exportSource(
  db: StagesDb,
  source: SourceRef,
  format: ExportFormat,
  options: ExportOptions,
  taskId?: string,
  onProgress?: ProgressFn,
): Promise<Result<ExportedFile>> {
  const base = baseName(db, source);
  if (format === "parquet" || format === "manifest") {
    if (source.kind !== "dataset") return fail({ message: "Parquet files and manifests belong to promoted datasets." });
    const missing = fail({ message: `Dataset ${source.name} has no version ${source.version}.` });
    if (format === "parquet") {
      const file = await datasetFile(source.name, source.version);
      return file ? ok({ fileName: `${await base}.parquet`, blob: file }) : missing;
    }
    const dir = await datasetDir(source.name, false);
    const text = dir && (await readText(dir, manifestFileName(source.version)));
    return text ? ok({ fileName: `${await base}.manifest.json`, blob: new Blob([text], { type: "application/json" }) }) : missing;
  }
  const promoted = await promotedTable(source);
  const info = promoted ? ok(await describeTable(promoted)) : await ensureTable(db, source);
  if (!info.ok) return info;
  const { columns } = info.value;
  const table = promoted ?? tableName(source);
  const report = progressReporter(onProgress);
  const fileName = `${await base}.${format}`;
  const scratch = await exportsDir();
  const handle = await scratch.getFileHandle(`${crypto.randomUUID()}-${fileName}`, { create: true });
  const writable = await handle.createWritable();
  try {
    if (format === "csv") await writable.write(csvRow(columns.map((c) => c.name), options));
    await withConnection(async (conn) => {
      const reader = await streamRows(conn, `SELECT ${textSelectList(columns)} FROM ${ident(table)}`);
      const phase = `Writing ${format.toUpperCase()}`;
      let done = 0;
      for await (const batch of reader) {
        if (taskId) throwIfCancelled(taskId);
        const data = textColumns(new Table([batch]));
        await writable.write(format === "csv" ? csvRows(data, options) : ndjsonRows(columns, data));
        done += batch.numRows;
        report({ phase, done, total: info.value.rowCount, unit: "rows" });
      }
      report({ phase, done, total: info.value.rowCount, unit: "rows" }, true);
    });
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    await scratch.removeEntry(handle.name).catch(() => undefined);
    if (isQuotaError(error)) return fail({ message: quotaMessage(`prepare ${fileName} for download`) });
    throw error;
  }
  return ok({ fileName, blob: await handle.getFile() });
}

/** A dataset version still held by the final table it was just written from (see promoted.ts). */
async function promotedTable(source: SourceRef): Promise<string | null> {
  if (source.kind !== "dataset") return null;
  const manifest = await readManifest(source.name, source.version);
  return manifest ? tableOfVersion(source.name, source.version, manifest.data.sha256) : null;
}

async function baseName(db: StagesDb, source: SourceRef): Promise<string> {
  if (source.kind === "dataset") return `${source.name}-v${source.version}`;
  const stem = ((await db.files.get(source.fileId))?.name ?? "data").replace(/\.[^.]+$/, "");
  if (source.kind === "staged") return stem;
  return source.kind === "badLines" ? `${stem}-bad-lines` : `${stem}-${source.part}`;
}
