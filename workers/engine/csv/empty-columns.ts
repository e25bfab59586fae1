import { emptyColumnsSql } from "@/lib/csv/empty-columns";
import { ident } from "@/lib/sql/quote";
import type { CsvEngine } from "./engine";
import type { Column } from "./mend";

/**
 * The columns with no name in the file and no value in any row (a spreadsheet saved with ,,, ending every
 * line, where a cell was once typed in and cleared), dropped from the table; their names as read. A table
 * keeps one column at least.
 */
export async function dropEmptyColumns(engine: CsvEngine, table: string, columns: readonly Column[], names: readonly string[]): Promise<string[]> {
  const unnamed = columns.filter((_, i) => (names[i] ?? "").trim() === "");
  if (unnamed.length === 0) return [];
  const [counts = {}] = await engine.rows(`SELECT ${unnamed.map((c, i) => `count(${ident(c.name)})::BIGINT AS ${ident(`n${i}`)}`).join(", ")} FROM ${ident(table)}`);
  const empty = unnamed.filter((_, i) => Number(counts[`n${i}`]) === 0).map((c) => c.name);
  const dropped = empty.length === columns.length ? empty.slice(1) : empty;
  for (const sql of emptyColumnsSql(table, dropped)) await engine.rows(sql);
  return dropped;
}
