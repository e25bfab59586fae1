import { ident, literal } from "@/lib/sql/quote";
import { spreadColumns, spreadSql, type Spread } from "@/lib/staging/json-nested";
import { plainRows } from "./arrow-text";
import type { Connection } from "./duckdb";
import { runLong } from "./query";

/**
 * A Parquet file's struct columns (a nested record as Spark, pandas or BigQuery write it) spread into a column
 * per field, named with its path (`address.city`), structs inside them too, as a JSON file's objects are
 * (lib/staging/json-nested.ts). Left as they are: a struct whose field's path names a column the table has (DuckDB's names ignore case).
 * Each struct's fields are asked of DuckDB's binder (`DESCRIBE SELECT unnest(…)`, which reads no row); the
 * table (a temporary one, as the Parquet read loads it: arrow-append.ts) is then rewritten once. Returns what was
 * spread, parents before their children, and the table's columns.
 */
export async function spreadStructs(conn: Connection, table: string): Promise<{ spread: Spread[]; columns: string[] }> {
  const described = plainRows(await conn.query(`DESCRIBE ${ident(table)}`)).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  const names = new Set(described.map((c) => c.name.toLowerCase()));
  const queue = described.filter(isStruct).map((c) => ({ column: c.name, expr: ident(c.name) }));
  const spread: Spread[] = [];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { column, expr } = next;
    const fields = plainRows(await conn.query(`DESCRIBE SELECT unnest(${expr}) FROM ${ident(table)}`)).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
    if (fields.length === 0 || fields.some((f) => names.has(`${column}.${f.name}`.toLowerCase()))) continue;
    spread.push({ column, fields: fields.map((f) => f.name) });
    for (const f of fields) {
      names.add(`${column}.${f.name}`.toLowerCase());
      if (isStruct(f)) queue.push({ column: `${column}.${f.name}`, expr: `struct_extract(${expr}, ${literal(f.name)})` });
    }
  }
  const columns = spreadColumns(described.map((c) => c.name), spread);
  for (const sql of spreadSql(table, spread, columns, true)) await runLong(conn, sql);
  return { spread, columns };
}

// A list of structs (STRUCT(x BIGINT)[]) is a list: it stays one column.
const isStruct = (column: { type: string }) => column.type.startsWith("STRUCT(") && column.type.endsWith(")");
