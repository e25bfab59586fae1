import { createRequire } from "node:module";
import type { Table } from "apache-arrow";
import { dirname, join } from "node:path";
import type { CsvEngine } from "@/workers/engine/csv/engine";
import type { ArrowEngine } from "@/workers/engine/arrow-append";
import { CHECK_DB_SETUP, type CheckDb } from "@/workers/engine/sql-check";

/**
 * DuckDB-WASM's own Node build (the blocking bundle, the same wasm engine and
 * DuckDB version as the browser's), for tests of the engine's read paths
 * (CSV, and JSON records through DuckDB-WASM's JSON reader).
 */
const require = createRequire(import.meta.url);
interface Blocking {
  createDuckDB(bundles: object, logger: object, runtime: object): Promise<BlockingDb>;
  VoidLogger: new () => object;
  NODE_RUNTIME: object;
}
interface BlockingDb {
  instantiate(): Promise<void>;
  connect(): { query(sql: string): { toArray(): { toJSON(): Record<string, unknown> }[] }; insertArrowFromIPCStream(ipc: Uint8Array, options: { name: string; schema?: string; create?: boolean }): void; close(): void };
  registerFileBuffer(name: string, buffer: Uint8Array): void;
  dropFile(name: string): void;
}

/** A fresh DuckDB-WASM of the Node blocking build. */
async function blockingDuckDb(): Promise<BlockingDb> {
  const duckdb = require("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs") as Blocking;
  const dist = dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs"));
  const bundles = {
    mvp: { mainModule: join(dist, "duckdb-mvp.wasm"), mainWorker: "" },
    eh: { mainModule: join(dist, "duckdb-eh.wasm"), mainWorker: "" },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  return db;
}

export async function wasmReadEngine(): Promise<CsvEngine & ArrowEngine & { close(): void }> {
  const db = await blockingDuckDb();
  const conn = db.connect();
  return {
    async insertArrow(table, ipc) {
      conn.insertArrowFromIPCStream(ipc, { name: table });
    },
    async appendArrow(table, ipc) {
      conn.insertArrowFromIPCStream(ipc, { schema: "temp", name: table, create: false });
    },
    async register(name, blob) {
      db.registerFileBuffer(name, new Uint8Array(await blob.arrayBuffer()));
    },
    async unregister(name) {
      db.dropFile(name);
    },
    async rows(sql) {
      return conn
        .query(sql)
        .toArray()
        .map((row) => {
          const o = row.toJSON();
          for (const [k, v] of Object.entries(o)) {
            if (typeof v === "bigint") o[k] = Number(v);
          }
          return o;
        });
    },
    close() {
      conn.close();
    },
  };
}

/** Query results as the Arrow tables DuckDB-WASM gives the browser's engine. */
export async function wasmArrow(): Promise<{ query(sql: string): Table; ipc(sql: string): Uint8Array; close(): void }> {
  const db = await blockingDuckDb();
  const conn = db.connect() as unknown as { query(sql: string): Table; close(): void };
  // The Node build's Arrow is apache-arrow's CommonJS module, whose tables the ES module's writer does not know.
  const { tableToIPC } = require("apache-arrow") as typeof import("apache-arrow");
  return { query: (sql) => conn.query(sql), ipc: (sql) => tableToIPC(conn.query(sql), "stream"), close: () => conn.close() };
}

interface BlockingConnection {
  prepare(sql: string): { query(): { toArray(): { toJSON(): Record<string, unknown> }[] }; close(): void };
  getTableNames(sql: string): string[];
  query(sql: string): unknown;
}

/** A check database (workers/engine/sql-check.ts) on DuckDB-WASM's Node build, set up as the browser's is. */
export async function wasmCheckDb(): Promise<CheckDb & { close(): void }> {
  const db = await blockingDuckDb();
  const conn = db.connect() as unknown as BlockingConnection & { close(): void };
  for (const statement of CHECK_DB_SETUP) conn.query(statement);
  return {
    async run(sql) {
      const prepared = conn.prepare(sql);
      try {
        return prepared.query().toArray().map((row) => row.toJSON());
      } finally {
        prepared.close();
      }
    },
    async exec(sql) {
      conn.query(sql);
    },
    async tableNames(sql) {
      return conn.getTableNames(sql);
    },
    close() {
      conn.close();
    },
  };
}
