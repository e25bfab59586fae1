import { ident } from "@/lib/sql/quote";
import { arrowBatches } from "@/lib/staging/json-arrow";
import { jsonColumns, namedRecords, sqlFields, type JsonColumn, type JsonSqlField } from "@/lib/staging/json-records";
import { checksSql, foundTypes, longChecks, temporalChecks } from "@/lib/staging/json-types";
import { castSelect } from "@/lib/staging/parse-options";

/**
 * What loading JSON records needs of DuckDB: its Arrow insert, and
 * statements to run. The engine worker gives it
 * DuckDB-WASM in the browser; unit tests give it DuckDB-WASM's Node build.
 */
export interface JsonEngine {
  /** Load an Arrow IPC stream into a new table of the database. */
  insertArrow(table: string, ipc: Uint8Array<ArrayBuffer>): Promise<void>;
  /** Append an Arrow IPC stream to a temporary table with its columns. */
  appendArrow(table: string, ipc: Uint8Array<ArrayBuffer>): Promise<void>;
  /** Run a statement (it may be long) and return its small result as plain rows. */
  rows(sql: string): Promise<Record<string, unknown>[]>;
}

/**
 * Records into `table`: every column's type is known from all records before
 * they are loaded, as Arrow (lib/staging/json-records.ts, json-arrow.ts), then
 * ISO dates become DATE or TIMESTAMP where every value fits, and the types
 * the user forced are applied. Columns keep the file's order.
 */
export async function loadJson(engine: JsonEngine, records: Record<string, unknown>[], table: string, forced: Record<string, string>): Promise<void> {
  const named = namedRecords(records, jsonColumns(records));
  const loaded = `${table}_json`;
  await appendRecords(engine, loaded, named.records, sqlFields(named.columns));
  // DuckDB names the columns as given, in that order (making names that differ only in case unique).
  const names = (await engine.rows(`DESCRIBE ${ident(loaded)}`)).map((r) => String(r.column_name));
  // A column the user forced a type on keeps its text as written until that cast.
  const found = await retypes(engine, loaded, names, named.columns, forced);
  await engine.rows(`CREATE OR REPLACE TABLE ${ident(table)} AS ${castSelect(loaded, names, { ...found, ...forced })}`);
  await engine.rows(`DROP TABLE IF EXISTS ${ident(loaded)}`);
}

/** ISO date and time text as DATE and TIMESTAMP, long whole numbers as BIGINT or HUGEINT, where every value fits, in the columns the user left to be found. */
async function retypes(engine: JsonEngine, loaded: string, names: string[], columns: JsonColumn[], forced: Record<string, string>): Promise<Record<string, string>> {
  const found = names.flatMap((name, i) => (name in forced || !columns[i] ? [] : [{ name, type: columns[i].type }]));
  const checks = [
    ...temporalChecks(found.map(({ name, type }) => ({ name, temporal: type.kind === "text" ? type.temporal : undefined }))),
    ...longChecks(found.flatMap(({ name, type }) => (type.kind === "long" ? [{ name, fraction: type.fraction }] : []))),
  ];
  if (!checks.length) return {};
  const [fits = {}] = await engine.rows(checksSql(loaded, checks));
  return foundTypes(checks, fits);
}

/**
 * The records into a temporary table (in memory, not compressed: the table
 * cast from it is the one kept), created empty as DuckDB makes a table of
 * their Arrow columns (names that differ only in case made unique). Each
 * batch is built while DuckDB appends the one before.
 */
async function appendRecords(engine: JsonEngine, table: string, records: readonly Record<string, unknown>[], fields: JsonSqlField[]): Promise<void> {
  const empty = `${table}_columns`;
  await engine.insertArrow(empty, arrowBatches([], fields).next().value as Uint8Array<ArrayBuffer>);
  await engine.rows(`CREATE OR REPLACE TEMP TABLE ${ident(table)} AS FROM main.${ident(empty)}`);
  await engine.rows(`DROP TABLE main.${ident(empty)}`);
  let appending = Promise.resolve();
  for (const ipc of arrowBatches(records, fields)) {
    await appending;
    appending = engine.appendArrow(table, ipc);
  }
  await appending;
}
