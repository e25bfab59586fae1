import type { LineNote } from "@/lib/csv/findings";
import { ident, literal } from "@/lib/sql/quote";
import type { Connection } from "./duckdb";

/** The lines of a staged file that were set aside or mended, one row each, for the grid and the download. */
export const badLinesTable = (fileId: string) => `badlines_${fileId}`;

export async function writeBadLines(conn: Connection, fileId: string, notes: readonly LineNote[]): Promise<void> {
  const table = ident(badLinesTable(fileId));
  await conn.query(`CREATE OR REPLACE TABLE ${table} (line BIGINT, status VARCHAR, reason VARCHAR, text VARCHAR)`);
  for (let i = 0; i < notes.length; i += 500) {
    const values = notes.slice(i, i + 500).map((n) => `(${n.line}, ${literal(n.status)}, ${literal(n.reason)}, ${literal(n.text)})`);
    await conn.query(`INSERT INTO ${table} VALUES ${values.join(", ")}`);
  }
}
