import type { ArrowEngine } from "./arrow-append";
import { plainRows } from "./arrow-text";
import type { Connection } from "./duckdb";
import { runLong } from "./query";

/** A DuckDB-WASM connection as the engine of Arrow loads (arrow-append.ts). */
export function arrowEngine(conn: Connection): ArrowEngine {
  return {
    insertArrow: (table, ipc) => conn.insertArrowFromIPCStream(ipc, { name: table }),
    appendArrow: (table, ipc) => conn.insertArrowFromIPCStream(ipc, { schema: "temp", name: table, create: false }),
    rows: async (sql) => plainRows(await runLong(conn, sql)),
  };
}
