import { Table } from "apache-arrow";
import { csvRow, csvRows } from "@/lib/csv/write";
import type { ExportFormat, ExportOptions, ExportedFile, SourceRef } from "@/lib/engine/api";
import { fail, ok, type Result } from "@/lib/result";
import { ident } from "@/lib/sql/quote";
import type { StagesDb } from "@/lib/staging/db";
import { textColumns } from "./arrow-text";
import { datasetFile } from "./datasets";
import { withConnection } from "./duckdb";
import { ensureTable, tableName, textSelectList } from "./tables";

/** A source as a downloadable file, built in the worker batch by batch. */
export async function exportSource(
  db: StagesDb,
  source: SourceRef,
  format: ExportFormat,
  options: ExportOptions,
): Promise<Result<ExportedFile>> {
  const base = baseName(db, source);
  if (format === "parquet") {
    if (source.kind !== "dataset") return fail({ message: "Parquet downloads are made from promoted datasets." });
    const file = await datasetFile(source.name, source.version);
    return file
      ? ok({ fileName: `${await base}.parquet`, blob: file })
      : fail({ message: `Dataset ${source.name} has no version ${source.version}.` });
  }
  const info = await ensureTable(db, source);
  if (!info.ok) return info;
  const parts: string[] = [csvRow(info.value.columns.map((c) => c.name), options)];
  await withConnection(async (conn) => {
    const reader = await conn.send(`SELECT ${textSelectList(info.value.columns)} FROM ${ident(tableName(source))}`);
    for await (const batch of reader) parts.push(csvRows(textColumns(new Table([batch])), options));
  });
  return ok({ fileName: `${await base}.csv`, blob: new Blob(parts, { type: "text/csv;charset=utf-8" }) });
}

async function baseName(db: StagesDb, source: SourceRef): Promise<string> {
  if (source.kind === "dataset") return `${source.name}-v${source.version}`;
  const stem = ((await db.files.get(source.fileId))?.name ?? "data").replace(/\.[^.]+$/, "");
  return source.kind === "staged" ? stem : `${stem}-${source.part}`;
}
