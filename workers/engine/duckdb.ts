import * as duckdb from "@duckdb/duckdb-wasm";

/**
 * The one DuckDB-WASM instance of this engine worker. Its bundle (the "eh"
 * flavour, which every current browser runs) is served by the site itself;
 * extensions are never downloaded: a missing one is a readable error.
 */
export interface Duck {
  db: duckdb.AsyncDuckDB;
  conn: duckdb.AsyncDuckDBConnection;
  version: string;
}

let starting: Promise<Duck> | null = null;

export function duck(): Promise<Duck> {
  starting ??= start().catch((error: unknown) => {
    starting = null;
    throw error;
  });
  return starting;
}

async function start(): Promise<Duck> {
  const wasmUrl = new URL("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm", import.meta.url).href;
  const workerUrl = new URL("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js", import.meta.url).href;
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(workerUrl));
  await db.instantiate(wasmUrl);
  await db.open({ query: { castBigIntToDouble: false } });
  const conn = await db.connect();
  await conn.query("SET autoinstall_known_extensions = false");
  await conn.query("SET autoload_known_extensions = false");
  const version = String((await conn.query("SELECT version() AS v")).getChild("v")?.get(0) ?? "");
  return { db, conn, version };
}
