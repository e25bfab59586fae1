import * as duckdb from "@duckdb/duckdb-wasm";
import { firstDuckDb, newDuckDb } from "./duckdb-worker";
import { discardWorkDatabase, tookOverDatabase, workDatabasePath } from "./workspace";

/**
 * The one DuckDB-WASM instance of this engine worker. Its bundle (the "eh"
 * flavour, which every current browser runs) is served by the site itself;
 * extensions are never downloaded: a missing one is a readable error.
 *
 * Its database is a file in OPFS of this engine's own (see workspace.ts), so
 * that tables larger than memory live on disk; it may be the one the last
 * engine left, with staged tables to serve again (kept-tables.ts).
 *
 * Each operation borrows a connection of its own (`withConnection`): a
 * streamed or pending query on a connection is cut short by any other
 * statement on that connection, so connections are never shared between
 * operations that run at the same time.
 */
export type Connection = duckdb.AsyncDuckDBConnection;

export interface Duck {
  db: duckdb.AsyncDuckDB;
  version: string;
}

const MEMORY_LIMIT = "2GB";

/**
 * How long DuckDB works on a pending query (query.ts `runLong`, `runCancellable`)
 * before it reads its next message: the longest a page of rows waits behind a
 * long statement. Each slice costs a message round trip (well under 1 ms).
 */
const POLLING_INTERVAL_MS = 20;

let starting: Promise<Duck> | null = null;
const idle: Connection[] = [];

/** Work on the database as it opens, before any other statement reaches it (engine.worker.ts: the kept tables). */
let onOpen: ((conn: Connection) => Promise<void>) | null = null;
export function whenOpened(work: (conn: Connection) => Promise<void>): void {
  onOpen = work;
}

export function duckDb(): Promise<Duck> {
  starting ??= start().catch((error: unknown) => {
    starting = null;
    throw error;
  });
  return starting;
}

export async function withConnection<T>(work: (conn: Connection) => Promise<T>): Promise<T> {
  const { db } = await duckDb();
  const conn = idle.pop() ?? (await db.connect());
  try {
    return await work(conn);
  } finally {
    idle.push(conn);
  }
}

async function start(): Promise<Duck> {
  // DuckDB's module instantiates (started ahead: duckdb-worker.ts) while the engine finds its database.
  const instance = firstDuckDb();
  const path = await workDatabasePath().catch(async (error: unknown) => {
    await instance.then((db) => db.terminate(), () => undefined);
    throw error;
  });
  const { db, conn } = await openDatabase(path, instance);
  await conn.query(
    `SET GLOBAL autoinstall_known_extensions = false; SET GLOBAL autoload_known_extensions = false${
      // The wasm heap ends at 4 GB and never shrinks. DuckDB's buffer pool gets half of it (its tables live in
      // the OPFS database and are evicted there); the rest is for what the pool does not count: Arrow batches
      // coming in and going out, file buffers, parquet-wasm.
      path ? `; SET GLOBAL memory_limit = '${MEMORY_LIMIT}'` : ""
    }`,
  );
  const version = String((await conn.query("SELECT version() AS v")).getChild("v")?.get(0) ?? "");
  await onOpen?.(conn);
  idle.push(conn);
  return { db, version };
}

interface Opened {
  db: duckdb.AsyncDuckDB;
  conn: Connection;
}

/**
 * The database at `path` (null: in memory), opened in `instance`. One taken over from an ended engine
 * (workspace.ts) is only a cache: if DuckDB-WASM cannot open it, or reopens it without write access
 * (duckdb-wasm issues 2004 and 2182), it is removed and an empty one opened in a new instance.
 */
async function openDatabase(path: string | null, instance: Promise<duckdb.AsyncDuckDB>): Promise<Opened> {
  if (!path || !(await tookOverDatabase())) return openAt(path, instance);
  const opened = await openAt(path, instance).catch(() => null);
  if (opened && (await commits(opened.conn))) return opened;
  await opened?.db.terminate();
  await discardWorkDatabase();
  return openAt(path, newDuckDb());
}

async function openAt(path: string | null, instance: Promise<duckdb.AsyncDuckDB>): Promise<Opened> {
  const db = await instance;
  try {
    await db.open({
      path: path ?? undefined,
      accessMode: path ? duckdb.DuckDBAccessMode.READ_WRITE : undefined,
      query: { castBigIntToDouble: false, queryPollingInterval: POLLING_INTERVAL_MS },
    });
    return { db, conn: await db.connect() };
  } catch (error) {
    await db.terminate();
    throw error;
  }
}

async function commits(conn: Connection): Promise<boolean> {
  try {
    await conn.query("CREATE OR REPLACE TABLE _stages_write_check AS SELECT 1 AS x");
    await conn.query("DROP TABLE _stages_write_check");
    return true;
  } catch {
    return false;
  }
}
