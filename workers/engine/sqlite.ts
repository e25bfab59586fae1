import { fail, ok, type Result } from "@/lib/result";
import { unreadableReason } from "@/lib/format-error";
import { sqliteDatabase, type SqliteDatabase } from "@/lib/sqlite/database";
import type { SqliteTable } from "@/lib/sqlite/schema";
import type { ParseOptions } from "@/lib/staging/parse-options";
import type { ReadInfo } from "./read-info";
import { readTableText, type ReadCsvText } from "./sheet";

/** What `read` gives, or what to say when the database cannot be read (damaged, cut short, a table it does not read). */
function attempt<T>(fileName: string, read: () => T): Result<T> {
  try {
    return ok(read());
  } catch (error) {
    return fail({ file: fileName, message: `This SQLite database cannot be read: ${unreadableReason(error)}. Export its tables as CSV (sqlite3 -csv) or Parquet, and stage those.` });
  }
}

/** The database in the bytes, or what to say when it cannot be read. */
export const openDatabase = (fileName: string, bytes: Uint8Array): Result<SqliteDatabase> => attempt(fileName, () => sqliteDatabase(bytes));

/** A table as CSV text (its column names first), or what to say when it cannot be read. */
export const tableCsv = (fileName: string, db: SqliteDatabase, table: SqliteTable): Result<Blob> => attempt(fileName, () => new Blob([...db.csv(table)], { type: "text/csv" }));

/** The tables worth staging on their own: not SQLite's own, not empty. */
export const dataTables = (fileName: string, db: SqliteDatabase): Result<SqliteTable[]> => attempt(fileName, () => db.tables.filter((t) => !t.internal && db.rowCount(t) > 0));

/**
 * A SQLite database's table, read as rows of cell texts (sheet.ts): the options' `sheet`, else the table with the
 * most rows (a database's tables are in no order a user sees; its first is often a short list of codes), which is
 * recorded. SQLite's own tables are offered as hidden sheets are: read only when chosen.
 */
export async function readSqlite(fileName: string, blob: Blob, options: ParseOptions, readText: ReadCsvText): Promise<Result<ReadInfo>> {
  const db = openDatabase(fileName, new Uint8Array(await blob.arrayBuffer()));
  if (!db.ok) return db;
  const { tables } = db.value;
  const names = tables.map((t) => t.name);
  const hidden = tables.filter((t) => t.internal).map((t) => t.name);
  if (tables.length === 0) return fail({ file: fileName, message: "The database holds no table." });
  const candidates = dataTables(fileName, db.value);
  if (!candidates.ok) return candidates;
  const table = options.sheet === undefined ? largest(db.value, candidates.value) : tables.find((t) => t.name === options.sheet);
  if (!table) {
    return fail({ file: fileName, message: options.sheet === undefined ? `The database's tables hold no rows (it has ${names.join(", ")}).` : `The database has no table named "${options.sheet}" (it has ${names.join(", ")}).` });
  }
  const text = tableCsv(fileName, db.value, table);
  if (!text.ok) return text;
  const read = await readTableText(text.value, { ...options, headerRow: 1 }, readText);
  if (!read.ok) return read;
  return ok({ ...read.value, parse: { ...(read.value.parse ?? options), sheet: table.name }, sheets: names, ...(hidden.length ? { hiddenSheets: hidden } : {}) });
}

/** Of the tables, the one with the most rows. */
const largest = (db: SqliteDatabase, tables: SqliteTable[]): SqliteTable | undefined =>
  tables.reduce<{ table?: SqliteTable; rows: number }>((best, t) => (best.table && best.rows >= db.rowCount(t) ? best : { table: t, rows: db.rowCount(t) }), { rows: -1 }).table;
