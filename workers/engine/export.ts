import * as duckdb from "@duckdb/duckdb-wasm";
import { csvCopySql } from "@/lib/csv/copy-sql";
import type { Column } from "@/lib/datasets/manifest";
import { manifestFileName } from "@/lib/datasets/layout";
import { fileStem } from "@/lib/datasets/name";
import { licenceOf } from "@/lib/standards/licences";
import { ndjsonRows } from "@/lib/ndjson/write";
import type { ExportFormat, ExportOptions, ExportedFile, ProgressFn, SourceRef } from "@/lib/engine/api";
import { errorText, fail, ok, type Result } from "@/lib/result";
import { isQuotaError, quotaMessage } from "@/lib/storage-error";
import { ident } from "@/lib/sql/quote";
import { isNestedType } from "@/lib/sql/types";
import type { StagesDb } from "@/browser/staging-db";
import { nestedJsonColumn } from "./arrow-json";
import { textColumn } from "./arrow-text";
import { datasetFile, readManifest } from "./datasets";
import { datasetDir, readText } from "./opfs";
import { isIdbHandle } from "./idb-directory";
import { exportsDir, preparedFile } from "./workspace";
import { duckDb, withConnection } from "./duckdb";
import { tableOfVersion } from "./version-sources";
import { runCancellable, streamIpc, streamRows } from "./query";
import { describeTable, ensureTable, tableName, textSelectList } from "./tables";
import { dataPackageZip } from "./package-zip";
import { rejectedWorkbook } from "./rejected-workbook";
import { validationReport } from "./validation-report";
import { progressReporter, throwIfCancelled } from "./tasks";
import { openWriter } from "./file-handles";

/**
 * A source as a downloadable file, written to a scratch file in OPFS so a
 * large export is never held in memory (the File handed to the page is backed
 * by that file): CSV by DuckDB's own writer, NDJSON batch by batch (DuckDB's
 * JSON writer is an extension DuckDB-WASM would download), Arrow as the IPC
 * stream DuckDB's result already is.
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
  if (format === "datapackage") {
    if (source.kind !== "dataset") return fail({ message: "Data Packages are made of promoted dataset versions." });
    return dataPackageZip(source.name, source.version, `${await base}.datapackage.zip`, licenceOf(options.licence));
  }
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
  if (format === "report") {
    if (source.kind !== "result" || source.part !== "rejected") return fail({ message: "Validation reports are for a run's checks." });
    return validationReport(db, source.fileId, `${fileStem((await db.files.get(source.fileId))?.name ?? "data")}-validation-report.json`);
  }
  if (format === "xlsx") {
    if (source.kind !== "result" || source.part !== "rejected") return fail({ message: "Excel downloads are for the rejected rows of a run." });
    return rejectedWorkbook(db, source.fileId, `${await base}.xlsx`);
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
  if (format === "csv") {
    let written: Result<null> | undefined;
    try {
      written = await copyCsv(handle, fileName, table, columns, options, taskId, report);
    } finally {
      // Cancelled, failed or refused: nothing half-written is left behind.
      if (!written?.ok) await scratch.removeEntry(handle.name).catch(() => undefined);
    }
    return written.ok ? ok({ fileName, blob: await preparedFile(scratch, handle) }) : written;
  }
  const writable = await openWriter(handle);
  try {
    await withConnection(async (conn) => {
      if (format === "arrow") {
        // DuckDB's own Arrow IPC messages, typed as the table's columns, written as they come: an IPC stream.
        report({ phase: "Writing Arrow", done: 0, unit: "rows" }, true);
        for await (const message of await streamIpc(conn, `SELECT ${columns.map((c) => ident(c.name)).join(", ")} FROM ${ident(table)}`)) {
          if (taskId) throwIfCancelled(taskId);
          await writable.write(message as Uint8Array<ArrayBuffer>);
        }
        return;
      }
      // Nested values are read as they are and written as JSON here; the rest as DuckDB's text.
      const reader = await streamRows(conn, `SELECT ${textSelectList(columns, (c) => isNestedType(c.type))} FROM ${ident(table)}`);
      const phase = `Writing ${format.toUpperCase()}`;
      let done = 0;
      for await (const batch of reader) {
        if (taskId) throwIfCancelled(taskId);
        const data = columns.map((c, i) => (isNestedType(c.type) ? nestedJsonColumn(batch.getChildAt(i)!) : textColumn(batch.getChildAt(i))));
        await writable.write(ndjsonRows(columns, data));
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
  return ok({ fileName, blob: await preparedFile(scratch, handle) });
}

/**
 * CSV is written by DuckDB itself (`COPY … TO`, lib/csv/copy-sql.ts) straight
 * into the scratch file, registered with DuckDB as an OPFS handle: no row
 * crosses into JavaScript.
 */
async function copyCsv(
  handle: FileSystemFileHandle,
  fileName: string,
  table: string,
  columns: Column[],
  options: ExportOptions,
  taskId: string | undefined,
  report: ReturnType<typeof progressReporter>,
): Promise<Result<null>> {
  const { db } = await duckDb();
  const path = `export-${crypto.randomUUID()}.csv`;
  report({ phase: "Writing CSV", done: 0, unit: "rows" }, true);
  // DuckDB writes into an OPFS handle directly; without OPFS it writes into its own memory, copied out after.
  const inMemory = isIdbHandle(handle);
  if (!inMemory) await db.registerFileHandle(path, handle, duckdb.DuckDBDataProtocol.BROWSER_FSACCESS, true);
  return withConnection(async (conn) => {
    // DuckDB says nothing while it writes: the file's size is how far it is.
    const watch = setInterval(() => void handle.getFile().then((f) => report({ phase: "Writing CSV", done: f.size, unit: "bytes" }), () => undefined), 500);
    try {
      await runCancellable(conn, csvCopySql(table, columns, options, path), taskId ?? "");
      if (inMemory) {
        const writable = await openWriter(handle);
        await writable.write((await db.copyFileToBuffer(path)) as Uint8Array<ArrayBuffer>);
        await writable.close();
      }
      return ok(null);
    } catch (error) {
      const text = errorText(error);
      if (isQuotaError(error) || /No space|quota/i.test(text)) return fail({ message: quotaMessage(`prepare ${fileName} for download`) });
      throw error;
    } finally {
      clearInterval(watch);
      // An interrupted COPY keeps the file open until its connection runs another statement.
      await conn.query("SELECT 1").catch(() => undefined);
      // Closes DuckDB's access handle on the file, so the page can read it (or it can be removed).
      await db.dropFile(path).catch(() => undefined);
    }
  });
}

/** A dataset version still held by the final table it was just written from (see version-sources.ts). */
async function promotedTable(source: SourceRef): Promise<string | null> {
  if (source.kind !== "dataset") return null;
  const manifest = await readManifest(source.name, source.version);
  return manifest ? tableOfVersion(source.name, source.version, manifest.data.sha256) : null;
}

async function baseName(db: StagesDb, source: SourceRef): Promise<string> {
  if (source.kind === "dataset") return `${source.name}-v${source.version}`;
  const stem = fileStem((await db.files.get(source.fileId))?.name ?? "data");
  if (source.kind === "staged") return stem;
  return source.kind === "badLines" ? `${stem}-bad-lines` : `${stem}-${source.part}`;
}
