import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";

/** A fresh in-memory native DuckDB for unit tests of compiled SQL. */
export async function freshDuckDb(): Promise<{
  run: (sql: string) => Promise<void>;
  rows: (sql: string) => Promise<Record<string, unknown>[]>;
  conn: DuckDBConnection;
}> {
  const conn = await (await DuckDBInstance.create(":memory:")).connect();
  return {
    conn,
    run: async (sql) => void (await conn.run(sql)),
    rows: async (sql) => plain((await conn.runAndReadAll(sql)).getRowObjectsJS()) as Record<string, unknown>[],
  };
}

/** BigInts (DuckDB BIGINT) as numbers, recursively, so results compare with plain literals. */
function plain(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}
