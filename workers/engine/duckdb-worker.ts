import * as duckdb from "@duckdb/duckdb-wasm";
import { type DuckDbWorkerHost, pageStartsDuckDb } from "@/lib/engine/api";
import { DUCKDB_WASM } from "@/lib/engine/duckdb-module";

/**
 * One of DuckDB-WASM's workers, as the Worker AsyncDuckDB expects: started here, inside the engine
 * worker, unless the page has offered to start them (`useDuckDbWorkers`, where nested workers stall:
 * lib/engine/api.ts); then it is started by the page and reached over a MessagePort, wrapped as a
 * Worker that only posts messages, listens for them and terminates.
 */
let host: DuckDbWorkerHost | null = null;

// A URL of its own, not inside `new Worker(…)`: the bundler copies DuckDB's worker script as it is.
const DUCKDB_WORKER_SCRIPT = new URL("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js", import.meta.url).href;

/** Called by the page, before anything else reaches the engine. */
export function useDuckDbWorkers(given: DuckDbWorkerHost): void {
  host = given;
}

/** The engine's first DuckDB-WASM instance, started as the engine's code loads (`startDuckDbAhead`). */
let ahead: Promise<duckdb.AsyncDuckDB> | null = null;

/**
 * Starts DuckDB's worker and instantiates its module while the rest of the engine's code still loads,
 * before any call reaches the engine; not where the page starts DuckDB's workers, as its offer comes
 * with the first call.
 */
export function startDuckDbAhead(): void {
  if (pageStartsDuckDb(navigator.userAgent)) return;
  ahead = newDuckDb();
  ahead.catch(() => undefined);
}

/** The instance started ahead, once; after that (or where none was), a new one. */
export function firstDuckDb(): Promise<duckdb.AsyncDuckDB> {
  const started = ahead ?? newDuckDb();
  ahead = null;
  return started;
}

/** A new DuckDB-WASM instance in a worker of its own, its module instantiated, no database open yet. */
export async function newDuckDb(): Promise<duckdb.AsyncDuckDB> {
  // Without a host, the worker starts and the instantiation is asked for before this returns (startDuckDbAhead).
  const worker = host ? await workerFromPage(host) : new Worker(DUCKDB_WORKER_SCRIPT);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(DUCKDB_WASM);
  return db;
}

async function workerFromPage(workers: DuckDbWorkerHost): Promise<Worker> {
  const { id, port } = await workers.start(DUCKDB_WORKER_SCRIPT);
  port.start();
  const worker: Pick<Worker, "postMessage" | "addEventListener" | "removeEventListener" | "terminate"> = {
    postMessage: (message: unknown, transfer?: Transferable[] | StructuredSerializeOptions) => port.postMessage(message, transfer as Transferable[]),
    // A port has no "error" or "close" events: the page restarts the engine when one of DuckDB's workers fails.
    addEventListener: (type: string, listener: EventListenerOrEventListenerObject) => type === "message" && port.addEventListener(type, listener),
    removeEventListener: (type: string, listener: EventListenerOrEventListenerObject) => type === "message" && port.removeEventListener(type, listener),
    terminate: () => {
      port.close();
      void workers.stop(id);
    },
  };
  return worker as Worker;
}
