import { fail, ok, type Result } from "@/lib/result";
import { SqliteError } from "@/lib/sqlite/btree";
import { sqliteDatabase, type SqliteDatabase } from "@/lib/sqlite/database";
import type { SqliteTable } from "@/lib/sqlite/schema";
import type { ParseOptions } from "@/lib/staging/parse-options";
import type { ReadInfo } from "./read-info";
import { readTableText, type ReadCsvText } from "./sheet";

/** What to say of a database file that cannot be read. */
const unreadable = (reason: string) => `This SQLite database cannot be read: ${reason}. Export its tables as CSV (sqlite3 -csv) or Parquet, and stage those.`;

/** The database in the bytes, or what to say when it cannot be read. */
export function openDatabase(fileName: string, bytes: Uint8Array): Result<SqliteDatabase> {
  try {
    return ok(sqliteDatabase(bytes));
  } catch (error) {
    return fail({ file: fileName, message: unreadable(error instanceof SqliteError ? error.message : (error as Error).message) });
  }
}

/** A table as CSV text (its column names first), or what to say when it cannot be read. */
export function tableCsv(fileName: string, db: SqliteDatabase, table: SqliteTable): Result<Blob> {
  try {
    return ok(new Blob([...db.csv(table)], { type: "text/csv" }));
  } catch (error) {
    return fail({ file: fileName, message: unreadable(error instanceof SqliteError ? error.message : (error as Error).message) });
  }
}

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
  const table = options.sheet === undefined ? largest(db.value) : tables.find((t) => t.name === options.sheet);
  if (!table) return fail({ file: fileName, message: `The database has no table named "${options.sheet}" (it has ${names.join(", ")}).` });
  if (!table.withoutRowid && db.value.rowCount(table) === 0) return fail({ file: fileName, message: `The table "${table.name}" has no rows.` });
  const text = tableCsv(fileName, db.value, table);
  if (!text.ok) return text;
  const read = await readTableText(text.value, { ...options, headerRow: 1 }, readText);
  if (!read.ok) return read;
  return ok({ ...read.value, parse: { ...(read.value.parse ?? options), sheet: table.name }, sheets: names, ...(hidden.length ? { hiddenSheets: hidden } : {}) });
}

/** The table with the most rows, SQLite's own and those stored without rowids left aside. */
function largest(db: SqliteDatabase): SqliteTable | undefined {
  const candidates = db.tables.filter((t) => !t.internal && !t.withoutRowid);
  return (candidates.length ? candidates : db.tables).reduce<{ table?: SqliteTable; rows: number }>((best, t) => {
    const rows = t.withoutRowid ? -1 : db.rowCount(t);
    return best.table && best.rows >= rows ? best : { table: t, rows };
  }, { rows: -2 }).table;
}
