import type { StagesDb } from "@/browser/staging-db";
import { readKey, tablesToKeep, type LeftTables } from "@/lib/staging/kept-tables";
import type { StagedFile } from "@/lib/staging/staged-file";
import { ident, literal } from "@/lib/sql/quote";
import { plainRows } from "./arrow-text";
import { withConnection, type Connection } from "./duckdb";
import { tookOverDatabase } from "./workspace";

/**
 * The engine's side of keeping staged tables across visits (lib/staging/kept-tables.ts): each staged
 * table's read is recorded beside it once the read is saved with its file, and an engine that took over
 * the last engine's database (workspace.ts) keeps the tables that still match and drops the rest.
 */
const READS = "_stages_reads";

/** Records which read of the file its staged table (`table`) now holds, once the read is saved with the file (`saved`, as stored): a file not ready keeps nothing. */
export async function recordRead(table: string, saved: StagedFile | undefined): Promise<void> {
  if (saved?.status !== "ready") return;
  await withConnection(async (conn) => {
    await conn.query(`CREATE TABLE IF NOT EXISTS ${READS} (table_name VARCHAR PRIMARY KEY, read VARCHAR)`);
    await conn.query(`INSERT OR REPLACE INTO ${READS} VALUES (${literal(table)}, ${literal(readKey(saved))})`);
  });
}

/** Sorts out the tables the database holds as it opens: returns the staged tables kept, having dropped every other (and every view). */
export async function takeOverTables(db: StagesDb, conn: Connection, names: LeftTables["names"]): Promise<string[]> {
  if (!(await tookOverDatabase())) return [];
  const inMain = "database_name = current_database() AND schema_name = 'main'";
  // Other schemas (a recipe run's `recipe`) are made anew by each run.
  const schemas = plainRows(await conn.query("SELECT schema_name FROM duckdb_schemas() WHERE database_name = current_database() AND NOT internal AND schema_name <> 'main'"));
  for (const r of schemas) await conn.query(`DROP SCHEMA IF EXISTS ${ident(String(r.schema_name))} CASCADE`);
  for (const r of plainRows(await conn.query(`SELECT view_name FROM duckdb_views() WHERE NOT internal AND ${inMain}`))) {
    await conn.query(`DROP VIEW IF EXISTS ${ident(String(r.view_name))}`);
  }
  const tables = plainRows(await conn.query(`SELECT table_name FROM duckdb_tables() WHERE ${inMain}`)).map((r) => String(r.table_name));
  if (tables.length === 0) return [];
  const reads = tables.includes(READS)
    ? new Map(plainRows(await conn.query(`SELECT table_name, read FROM ${READS}`)).map((r) => [String(r.table_name), String(r.read)]))
    : new Map<string, string>();
  const files = new Map((await db.files.toArray()).map((f) => [f.id, f]));
  const keep = tablesToKeep({ tables, reads, files, names });
  for (const table of tables) if (table !== READS && !keep.includes(table)) await conn.query(`DROP TABLE IF EXISTS ${ident(table)}`);
  if (reads.size) await conn.query(`DELETE FROM ${READS} WHERE table_name NOT IN (${["''", ...keep.map(literal)].join(", ")})`);
  const staged = new Set([...files.keys()].map((id) => names(id).staged));
  return keep.filter((table) => staged.has(table));
}
