import { ident } from "@/lib/sql/quote";
import type { CsvEngine } from "./engine";
import type { Column } from "./mend";

/** The first rows, read to choose the text columns worth checking (markers.ts, written-dates.ts): a column of words is never checked. */
const PEEK_ROWS = 64;

/** The text columns not given a type whose first values (as text) pass `worth`. */
export async function textColumnsWorthChecking(engine: CsvEngine, table: string, columns: readonly Column[], types: Record<string, string>, worth: (first: (string | null)[]) => boolean): Promise<Column[]> {
  const text = columns.filter((c) => c.type === "VARCHAR" && !(c.name in types));
  if (text.length === 0) return [];
  const rows = await engine.rows(`SELECT ${text.map((c, i) => `${ident(c.name)}::VARCHAR AS ${ident(`c${i}`)}`).join(", ")} FROM ${ident(table)} LIMIT ${PEEK_ROWS}`);
  return text.filter((_, i) => worth(rows.map((row) => row[`c${i}`] as string | null)));
}
