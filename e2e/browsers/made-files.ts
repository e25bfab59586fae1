import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import writeXlsxFile from "write-excel-file/node";

/** Files the browser tests stage that no fixture holds, made as their own tools make them. */

/** A Parquet file of the rows `sql` gives, written by native DuckDB. */
export async function parquet(sql: string): Promise<Buffer> {
  const path = join(mkdtempSync(join(tmpdir(), "stages-browsers-")), "x.parquet");
  const conn = await (await DuckDBInstance.create(":memory:")).connect();
  await conn.run(`COPY (${sql}) TO '${path}' (FORMAT parquet)`);
  return readFileSync(path);
}

/** An Excel workbook of one sheet: a header `id,name` and the row `1,Ada`. */
export async function workbook(): Promise<Buffer> {
  return (writeXlsxFile as unknown as (s: unknown) => { toBuffer(): Promise<Buffer> })([[{ value: "id" }, { value: "name" }], [{ value: 1 }, { value: "Ada" }]]).toBuffer();
}
