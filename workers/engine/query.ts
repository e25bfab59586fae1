import type { AsyncDuckDB } from "@duckdb/duckdb-wasm";
import { RecordBatchReader, Table, type AsyncRecordBatchStreamReader } from "apache-arrow";
import type { Connection } from "./duckdb";
import { Cancelled, onCancel, throwIfCancelled } from "./tasks";

/**
 * Run a statement so that cancelling the task interrupts it: DuckDB-WASM's
 * `send` runs it as a pending query that `cancelSent` can stop.
 */
export async function runCancellable(conn: Connection, sql: string, taskId: string): Promise<void> {
  throwIfCancelled(taskId);
  let interrupted = false;
  await onCancel(
    taskId,
    () => {
      interrupted = true;
      void conn.cancelSent();
    },
    async () => {
      try {
        const reader = await conn.send(sql);
        // A cancel that came before DuckDB had registered the query interrupted nothing: now it can.
        if (interrupted) await conn.cancelSent();
        await reader.readAll();
      } catch (error) {
        if (interrupted) throw new Cancelled();
        throw error;
      }
    },
  );
  throwIfCancelled(taskId);
}

/**
 * Run a statement that may take long (a scan, a table written) and collect its
 * small result. DuckDB-WASM works on a pending query in slices (the polling
 * interval set in duckdb.ts) and answers other connections between slices, so
 * a page of rows asked for meanwhile waits for one slice instead of the whole
 * statement; `conn.query` holds DuckDB's one thread until the statement ends.
 */
export async function runLong(conn: Connection, sql: string): Promise<Table> {
  const reader = await conn.send(sql);
  const batches = await reader.readAll();
  return new Table(reader.schema, batches);
}

/**
 * The rows of a big result, batch by batch, as DuckDB produces them. A
 * streamed result (allowStreamResult), never materialized first: the whole
 * result in DuckDB's heap ran it out of memory on a 2 GB file (23 M rows).
 */
export async function streamRows(conn: Connection, sql: string): Promise<AsyncRecordBatchStreamReader> {
  const reader = await RecordBatchReader.from(await streamIpc(conn, sql));
  await reader.open();
  return reader as AsyncRecordBatchStreamReader;
}

/**
 * A big result as the Arrow IPC messages DuckDB's worker sends (the schema
 * first, then a batch per message), streamed like `streamRows` but never
 * decoded here: for a consumer that reads IPC itself (parquet-wasm), which
 * saves decoding every batch in JavaScript and encoding it again.
 */
export async function streamIpc(conn: Connection, sql: string): Promise<AsyncIterable<Uint8Array>> {
  return conn.useUnsafe(async (duck, id) => {
    let header = await duck.startPendingQuery(id, sql, true);
    while (header === null) header = await duck.pollPendingQuery(id);
    return readAhead(duck, id, header);
  });
}

/**
 * Batches a streamed result's consumer has not asked for yet, asked of DuckDB's worker ahead of it. DuckDB-WASM's
 * own iterator asks for one batch ahead, so DuckDB idled while the consumer worked on a batch (parquet-wasm
 * writing it), and the consumer while DuckDB made the next: at 2.35 M rows, promotion's stream waited 0.89 s
 * for DuckDB and worked 1.08 s. DuckDB's worker answers requests in the order they came, a batch each.
 */
const BATCHES_AHEAD = 16;

async function* readAhead(duck: AsyncDuckDB, id: number, header: Uint8Array): AsyncGenerator<Uint8Array> {
  yield header;
  const asked: Promise<Uint8Array | null>[] = [];
  try {
    for (;;) {
      while (asked.length < BATCHES_AHEAD) asked.push(duck.fetchQueryResults(id));
      const batch = await asked.shift()!;
      // No batch yet (DuckDB's slice of work ended first): asked again with the next ones.
      if (batch === null) continue;
      // An empty batch ends the result; the requests after it are answered empty.
      if (batch.byteLength === 0) return;
      yield batch;
    }
  } finally {
    // Every request is answered before the connection runs its next statement (and none is left to fail unseen).
    await Promise.allSettled(asked);
  }
}

