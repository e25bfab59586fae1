import { Table } from "apache-arrow";
import { csvRow, csvRows } from "@/lib/csv/write";
import { manifestFileName } from "@/lib/datasets/layout";
import { ndjsonRows } from "@/lib/ndjson/write";
import type { ExportFormat, ExportOptions, ExportedFile, SourceRef } from "@/lib/engine/api";
import { fail, ok, type Result } from "@/lib/result";
import { ident } from "@/lib/sql/quote";
import type { StagesDb } from "@/lib/staging/db";
import { textColumns } from "./arrow-text";
import { datasetFile } from "./datasets";
import { datasetDir, exportsDir, readText } from "./opfs";
import { withConnection } from "./duckdb";
import { ensureTable, tableName, textSelectList } from "./tables";

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
  const info = await ensureTable(db, source);
  if (!info.ok) return info;
  const { columns } = info.value;
  const fileName = `${await base}.${format}`;
  const handle = await (await exportsDir()).getFileHandle(`${crypto.randomUUID()}-${fileName}`, { create: true });
  const writable = await handle.createWritable();
  try {
    if (format === "csv") await writable.write(csvRow(columns.map((c) => c.name), options));
    await withConnection(async (conn) => {
      const reader = await conn.send(`SELECT ${textSelectList(columns)} FROM ${ident(tableName(source))}`);
      for await (const batch of reader) {
        const data = textColumns(new Table([batch]));
        await writable.write(format === "csv" ? csvRows(data, options) : ndjsonRows(columns, data));
      }
    });
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
  return ok({ fileName, blob: await handle.getFile() });
}

async function baseName(db: StagesDb, source: SourceRef): Promise<string> {
  if (source.kind === "dataset") return `${source.name}-v${source.version}`;
  const stem = ((await db.files.get(source.fileId))?.name ?? "data").replace(/\.[^.]+$/, "");
  if (source.kind === "staged") return stem;
  return source.kind === "badLines" ? `${stem}-bad-lines` : `${stem}-${source.part}`;
}
