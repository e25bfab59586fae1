/**
 * A profile's follow-up queries (each column's most common values and histogram, plan.ts) asked several at a
 * time of a small table: one statement of their union, each query's rows told apart by its position. A
 * 1,500-column file of 200 rows asked 2,500 statements of a few milliseconds each, 8.4 s in the page, most of
 * it the statements' own cost.
 */
type Row = Record<string, unknown>;

/** One statement for the queries: their rows, each with the query's position in `_q`. */
export function batchSql(queries: readonly string[]): string {
  return queries.map((sql, at) => `SELECT ${at} AS _q, * FROM (${sql})`).join("\nUNION ALL BY NAME\n");
}

/** Each query's rows from the batch's (sql.ts `topValues` and `binCounts` read them as they read the query's own). */
export function batchRows(count: number, rows: readonly Row[]): Row[][] {
  const out = Array.from({ length: count }, (): Row[] => []);
  for (const { _q, ...row } of rows) out[Number(_q)]?.push(row);
  return out;
}
