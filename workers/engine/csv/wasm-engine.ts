import { DuckDBDataProtocol } from "@duckdb/duckdb-wasm";
import { plainRows } from "../arrow-text";
import { duckDb, type Connection } from "../duckdb";
import { runLong } from "../query";
import type { CsvEngine } from "./engine";

/** DuckDB-WASM as the CSV reader's engine: blobs registered as lazy file handles, statements run in slices. */
export function csvEngine(conn: Connection): CsvEngine {
  return {
    register: async (name, blob) => {
      const { db } = await duckDb();
      await db.registerFileHandle(name, blob, DuckDBDataProtocol.BROWSER_FILEREADER, true);
    },
    unregister: async (name) => {
      const { db } = await duckDb();
      await db.dropFile(name);
    },
    rows: async (sql) => plainRows(await runLong(conn, sql)),
  };
}
