import type { HeadPreview } from "@/lib/engine/api";
import { readCsvSql, type ParseOptions } from "@/lib/staging/parse-options";
import { textColumns } from "./arrow-text";
import { duckDb, withConnection } from "./duckdb";
import { utf8Blob } from "./text";

/**
 * The first rows of a delimited text file, read by DuckDB from a slice of
 * its start, as written (all text): shown the moment a file is dropped,
 * while the whole file is checksummed, stored and read.
 */
const HEAD_BYTES = 256 * 1024;
const HEAD_ROWS = 20;

export async function previewHead(blob: Blob, options: ParseOptions): Promise<HeadPreview | null> {
  if (options.format !== "csv") return null;
  let text = await (await utf8Blob(blob.slice(0, HEAD_BYTES), options.gzip, options.encoding)).text();
  if (blob.size > HEAD_BYTES || options.gzip) text = text.slice(0, text.lastIndexOf("\n") + 1);
  if (!text) return null;
  const path = `head-${crypto.randomUUID()}.csv`;
  const { db } = await duckDb();
  await db.registerFileBuffer(path, new TextEncoder().encode(text));
  try {
    const read = readCsvSql(path, { ...options, gzip: false, badLines: "skip" }, ["all_varchar = true"]);
    const table = await withConnection((conn) => conn.query(`SELECT * FROM ${read} LIMIT ${HEAD_ROWS}`));
    return { columns: table.schema.fields.map((f) => f.name), columnValues: textColumns(table) };
  } finally {
    await db.dropFile(path).catch(() => undefined);
  }
}
