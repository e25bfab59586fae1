import { COLUMN_NAME, columnValuesSql } from "@/lib/sql/column-values";
import { ident } from "@/lib/sql/quote";
import type { CsvEngine } from "./engine";

/**
 * Aggregates over the `value` of the columns' values as rows (lib/sql/column-values.ts), over the first `limit` rows
 * or all: each written once, whatever the columns (written per column, many columns' tests ran DuckDB-WASM out of
 * memory). `values` may turn those rows into others of the same columns first (trimmed, markers as NULL). One row per
 * column that has values, by its name.
 */
export async function scanColumns(engine: CsvEngine, table: string, columns: readonly string[], aggregates: readonly string[], limit?: number, values = (sql: string) => sql): Promise<Map<string, Record<string, unknown>>> {
  if (!columns.length) return new Map();
  const rows = await engine.rows(`SELECT ${ident(COLUMN_NAME)}, ${aggregates.join(", ")} FROM (${values(columnValuesSql(table, columns, limit))}) GROUP BY ALL`);
  return new Map(rows.map((row) => [String(row[COLUMN_NAME]), row]));
}
