import { ident } from "@/lib/sql/quote";
import { checksSql, foundTypes, type TypeCheck } from "@/lib/staging/json-types";

/**
 * What loading Arrow batches needs of DuckDB: its Arrow insert, and statements
 * to run, on one connection (a temporary table is its connection's own). The
 * engine worker gives it DuckDB-WASM in the browser (arrow-engine.ts); unit
 * tests give it DuckDB-WASM's Node build.
 */
export interface ArrowEngine {
  /** Load an Arrow IPC stream into a new table of the database. */
  insertArrow(table: string, ipc: Uint8Array): Promise<void>;
  /** Append an Arrow IPC stream to a temporary table with its columns. */
  appendArrow(table: string, ipc: Uint8Array): Promise<void>;
  /** Run a statement (it may be long) and return its small result as plain rows. */
  rows(sql: string): Promise<Record<string, unknown>[]>;
}

/**
 * Arrow IPC streams (a batch of rows each) into a temporary table: in memory
 * and not compressed, for the table cast from it, which is the one kept.
 * Appending to a table of the database file took five times as long (3 M
 * rows from Parquet: 9.6 s against 1.7–1.9 s), as each batch was compressed
 * and written. The first stream makes the table's columns as DuckDB makes a
 * table of Arrow (names that differ only in case made unique); each next
 * stream is made (parsed, built) while DuckDB appends the one before.
 * Returns how many streams there were: with none, no table is made.
 */
export async function appendToTemporary(engine: ArrowEngine, table: string, streams: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<number> {
  let count = 0;
  let appending = Promise.resolve();
  try {
    for await (const ipc of streams) {
      await appending;
      if (count++ > 0) {
        appending = engine.appendArrow(table, ipc);
        continue;
      }
      const first = `${table}_first`;
      await engine.insertArrow(first, ipc);
      await engine.rows(`CREATE OR REPLACE TEMP TABLE ${ident(table)} AS FROM main.${ident(first)}`);
      await engine.rows(`DROP TABLE main.${ident(first)}`);
    }
    await appending;
  } finally {
    // A stream that failed leaves no append running behind it.
    await appending.catch(() => undefined);
  }
  return count;
}

/**
 * Arrow IPC streams through the temporary table `loaded` (appendToTemporary) into whatever `into` makes of it; the
 * temporary table goes whatever happens (a type the user forced that does not fit fails the cast). Null when there
 * were no streams: then nothing is made.
 */
export async function throughTemporary<T>(engine: ArrowEngine, loaded: string, streams: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, into: () => Promise<T>): Promise<T | null> {
  try {
    if ((await appendToTemporary(engine, loaded, streams)) === 0) return null;
    return await into();
  } finally {
    await engine.rows(`DROP TABLE IF EXISTS ${ident(loaded)}`);
  }
}

/** A table's column names in order, as DuckDB made them from Arrow's (names that differ only in case made unique). */
export async function columnNames(engine: Pick<ArrowEngine, "rows">, table: string): Promise<string[]> {
  return (await engine.rows(`DESCRIBE ${ident(table)}`)).map((r) => String(r.column_name));
}

/** The types the checks find (lib/staging/json-types.ts) where every value fits, in one aggregate over the table. */
export async function checkedTypes(engine: Pick<ArrowEngine, "rows">, table: string, checks: TypeCheck[]): Promise<Record<string, string>> {
  if (!checks.length) return {};
  const [fits = {}] = await engine.rows(checksSql(table, checks));
  return foundTypes(checks, fits);
}
