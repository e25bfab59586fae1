import { ident, literal } from "./quote";

/** The columns of `columnValuesSql`'s rows: a value, and the name of the column it is from. */
export const COLUMN_NAME = "column_name";
export const VALUE = "value";

/** Columns past which their values are one UNPIVOT rather than a UNION ALL of each (DuckDB's parser nests a union's parts: 1,000 is too deep). */
const UNION_MAX = 64;

/**
 * The columns' values as rows of (`column_name`, `value`) over the first `limit` rows, or all: a test of many columns
 * written once over these, grouped by column, is planned once. Written out per column, as one aggregate each, DuckDB-WASM
 * took a second to plan 50 columns' near-type tests and five seconds for 2,000 columns' one-comparison tests, over one row
 * as over none. A UNION ALL of the columns scanned a million rows in three quarters of an UNPIVOT's time (which builds a
 * list a row). NULLs are left out, as an UNPIVOT leaves them out. The columns share a type.
 */
export function columnValuesSql(table: string, columns: readonly string[], limit?: number): string {
  const rows = limit === undefined ? "" : ` LIMIT ${limit}`;
  if (columns.length > UNION_MAX) {
    return `UNPIVOT (SELECT ${columns.map(ident).join(", ")} FROM ${ident(table)}${rows}) ON COLUMNS(*) INTO NAME ${ident(COLUMN_NAME)} VALUE ${ident(VALUE)}`;
  }
  return columns.map((c) => `SELECT ${literal(c)} AS ${ident(COLUMN_NAME)}, ${ident(c)} AS ${ident(VALUE)} FROM (SELECT ${ident(c)} FROM ${ident(table)}${rows}) WHERE ${ident(c)} IS NOT NULL`).join(" UNION ALL ");
}
