import { Table } from "apache-arrow";
import { csvRow, csvRows } from "@/lib/csv/write";
import type { ExportFormat, ExportOptions, ExportedFile } from "@/lib/engine/api";
import { fail, ok, type Result } from "@/lib/result";
import type { StagesDb } from "@/lib/staging/db";
import { textColumns } from "./arrow-text";
import { datasetFile } from "./datasets";
import { duck } from "./duckdb";
import { ensureTable, tableName, textSelectList } from "./tables";
import { ident } from "@/lib/sql/quote";

/** A dataset version as a downloadable file, built in the worker batch by batch. */
export async function exportDataset(
  db: StagesDb,
  name: string,
  version: number,
  format: ExportFormat,
  options: ExportOptions,
): Promise<Result<ExportedFile>> {
  const base = `${name}-v${version}`;
  if (format === "parquet") {
    const file = await datasetFile(name, version);
    return file
      ? ok({ fileName: `${base}.parquet`, blob: file })
      : fail({ message: `Dataset ${name} has no version ${version}.` });
  }
  const source = { kind: "dataset", name, version } as const;
  const info = await ensureTable(db, source);
  if (!info.ok) return info;
  const { conn } = await duck();
  const parts: string[] = [csvRow(info.value.columns.map((c) => c.name), options)];
  const reader = await conn.send(`SELECT ${textSelectList(info.value.columns)} FROM ${ident(tableName(source))}`);
  for await (const batch of reader) parts.push(csvRows(textColumns(new Table([batch])), options));
  return ok({ fileName: `${base}.csv`, blob: new Blob(parts, { type: "text/csv;charset=utf-8" }) });
}
