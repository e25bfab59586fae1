import { linesEqualTo } from "@/lib/csv/blob-lines";
import { ident, literal } from "@/lib/sql/quote";
import type { CsvEngine } from "./engine";
import type { Column } from "./mend";

/**
 * The header repeated among the rows (files joined end to end) below the
 * first lines, where the layout cannot see it. In a table with a typed
 * column the read rejects it (mend.ts); in one whose every column is text it
 * is read as a row: found by its values (one scan of the table, paid only by
 * such tables), then its lines in the body by their text. The body's first
 * line, the header itself, is not one of them.
 */
export async function repeatedHeaderRows(engine: CsvEngine, table: string, columns: readonly Column[], body: Blob, header: { fields: readonly string[]; text: string }): Promise<{ line: number; start: number; end: number }[]> {
  if (columns.length !== header.fields.length || !columns.every((c) => c.type === "VARCHAR")) return [];
  const same = columns.map((c, i) => `trim(${ident(c.name)}) = ${literal(header.fields[i]!.trim())}`).join(" AND ");
  const [found] = await engine.rows(`SELECT count(*)::BIGINT AS n FROM ${ident(table)} WHERE ${same}`);
  if (!Number(found?.n)) return [];
  return (await linesEqualTo(body, header.text)).filter((l) => l.line > 0);
}
