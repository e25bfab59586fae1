import { ident } from "@/lib/sql/quote";
import type { CsvEngine } from "./engine";

/** The first rows, read to choose the text columns worth checking (markers.ts, timestamps.ts): a column of words is never checked. */
const PEEK_ROWS = 64;

/** Each column's first values, as text. */
export async function firstValues(engine: CsvEngine, table: string, columns: readonly string[]): Promise<(string | null)[][]> {
  const rows = await engine.rows(`SELECT ${columns.map((c, i) => `${ident(c)}::VARCHAR AS ${ident(`c${i}`)}`).join(", ")} FROM ${ident(table)} LIMIT ${PEEK_ROWS}`);
  return columns.map((_, i) => rows.map((row) => row[`c${i}`] as string | null));
}
