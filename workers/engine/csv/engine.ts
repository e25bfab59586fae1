/**
 * What the CSV reader needs of DuckDB: a place to put a blob under a name,
 * and statements to run. The engine worker gives it DuckDB-WASM in the
 * browser; unit tests give it DuckDB-WASM's Node build, the same engine.
 */
export interface CsvEngine {
  register(name: string, blob: Blob): Promise<void>;
  unregister(name: string): Promise<void>;
  /** Run a statement (it may be long) and return its small result as plain rows. */
  rows(sql: string): Promise<Record<string, unknown>[]>;
}
