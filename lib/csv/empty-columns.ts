import { ident } from "@/lib/sql/quote";

/** The statements that leave out columns with no name and no value (as the SQL export repeats them). */
export const emptyColumnsSql = (table: string, columns: readonly string[]): string[] => columns.map((c) => `ALTER TABLE ${ident(table)} DROP COLUMN ${ident(c)}`);

/** What the read left out, in words; null when nothing. */
export function describeEmptyColumns(columns: readonly string[] | undefined): string | null {
  return columns?.length ? `Left out: ${columns.length === 1 ? "a column" : `${columns.length} columns`} with no name and no value (${columns.join(", ")}).` : null;
}
