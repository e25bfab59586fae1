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

/** Each query's rows from the batch's: a top values query's in the order it gives alone (most common first, then by value, empty last). */
export function batchRows(queries: readonly FollowUp[], rows: readonly Row[]): Row[][] {
  const out = queries.map((): Row[] => []);
  for (const row of rows) {
    const at = Number(row._q);
    out[at]?.push(queries[at]!.kind === "top" ? { value: row.value, n: row.n } : { bin: row.bin, n: row.n });
  }
  queries.forEach((q, at) => {
    if (q.kind === "top") out[at]!.sort(byCountThenValue);
  });
  return out;
}

function byCountThenValue(a: Row, b: Row): number {
  const byCount = Number(b.n) - Number(a.n);
  if (byCount !== 0) return byCount;
  if (a.value === null || b.value === null) return a.value === b.value ? 0 : a.value === null ? 1 : -1;
  return byCodePoints(String(a.value), String(b.value));
}

/** Strings in DuckDB's order: by their UTF-8 bytes, which is by code points (UTF-16 units differ above U+FFFF). */
function byCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
