import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { DuckDBInstance } from "@duckdb/node-api";
import iconv from "iconv-lite";
import writeXlsxFile from "write-excel-file/node";
import { test } from "@playwright/test";

/** Test files made on the spot: no fixtures checked in. */
export const gzip = (text: string) => gzipSync(Buffer.from(text, "utf8"));

export const encode = (text: string, encoding: string) => iconv.encode(text, encoding, { addBOM: encoding.startsWith("utf-16") });

/** A Parquet file written by native DuckDB from a query. */
export async function parquet(sql: string): Promise<Buffer> {
  const path = test.info().outputPath(`${crypto.randomUUID()}.parquet`);
  const conn = await (await DuckDBInstance.create(":memory:")).connect();
  await conn.run(`COPY (${sql}) TO '${path}' (FORMAT parquet)`);
  return readFile(path);
}

/** An Excel workbook with the given sheets of rows (a cell given as `{ value, type, format }` is written as given). */
export async function xlsx(sheets: { sheet: string; rows: unknown[][] }[]): Promise<Buffer> {
  const cell = (value: unknown) => (value instanceof Date ? { value, type: Date, format: "yyyy-mm-dd" } : value !== null && typeof value === "object" && "value" in value ? value : { value });
  const data = sheets.map(({ sheet, rows }) => ({ sheet, data: rows.map((row) => row.map(cell)) }));
  return (writeXlsxFile as unknown as (s: unknown) => { toBuffer(): Promise<Buffer> })(data).toBuffer();
}
