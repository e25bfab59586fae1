import { topValues } from "./sql";

/**
 * A profile's follow-up queries (each column's most common values and histogram, plan.ts) asked several at a
 * time of a small table: one statement of their union, each query's rows told apart by its position. A
 * 1,500-column file of 200 rows asked 2,500 statements of a few milliseconds each, 8.4 s in the page, most of
 * it the statements' own cost.
 */
export interface FollowUp {
  kind: "top" | "histogram";
  sql: string;
}

type Row = Record<string, unknown>;

/** One statement for the queries: their rows, each with the query's position in `_q`. */
export function batchSql(queries: readonly FollowUp[]): string {
  return queries.map((q, at) => `SELECT ${at} AS _q, * FROM (${q.sql})`).join("\nUNION ALL BY NAME\n");
}

/** Each query's rows from the batch's: a top values query's as `topValues` keeps them (most common first, by its rank). */
export function batchRows(queries: readonly FollowUp[], rows: readonly Row[]): Row[][] {
  const out = queries.map((): Row[] => []);
  for (const row of rows) out[Number(row._q)]?.push(row);
  return out.map((answer, at) => (queries[at]!.kind === "top" ? topValues(answer) : answer.map((r) => ({ bin: r.bin, n: r.n }))));
}
