import type { Column } from "@/lib/datasets/manifest";
import { multilineSql } from "@/lib/recipe/checks";
import { ident } from "@/lib/sql/quote";
import { plainRows } from "./arrow-text";
import type { Connection } from "./duckdb";
import { runLong } from "./query";

/** Per staged table and read of its file: whether a text value holds a newline. */
const known = new Map<string, boolean>();

/**
 * Whether some text value of a staged table spans lines, asked once per read
 * of the file (one scan that stops at the first newline): when none does, a
 * run's checks number lines without a window (lib/recipe/checks.ts).
 */
export async function multilineOf(conn: Connection, table: string, columns: readonly Column[], read: number | undefined): Promise<boolean> {
  const key = `${table}\u0000${read ?? 0}`;
  const found = known.get(key);
  if (found !== undefined) return found;
  const [row] = plainRows(await runLong(conn, multilineSql(ident(table), columns)));
  const multiline = row?.multiline !== false;
  known.set(key, multiline);
  return multiline;
}
