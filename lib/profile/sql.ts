import type { Column } from "@/lib/datasets/manifest";
import { ident } from "@/lib/sql/quote";
import { isNestedType, isNumericType } from "@/lib/sql/types";

/**
 * Column profiles as SQL: one scan for every column's counts, bounds and
 * mean; then, per column, its most common values (text) or a 10-bin
 * histogram (numbers).
 */
export interface ColumnProfile {
  name: string;
  type: string;
  count: number;
  nulls: number;
  distinct: number;
  /** Distinct counts of big tables are estimated (HyperLogLog). */
  distinctApprox: boolean;
  /** On a big table, (nearly) every value differs, as in a key column: common values are not listed. */
  allDistinct: boolean;
  min: string | null;
  max: string | null;
  mean: number | null;
  top: { value: string | null; n: number }[];
  histogram: { from: number; to: number; n: number }[] | null;
}

/** Above this many rows, distinct counts are estimated. */
export const EXACT_DISTINCT_LIMIT = 200_000;

/**
 * Whether a column is a key in all but name: its distinct count reaches
 * (allowing for the estimate's error) its non-null count. Listing the "most
 * common" values of such a column would group every row for nothing: at
 * 11.7 M rows that grouping took 1.6–3.4 s and half a GiB. DuckDB's estimate
 * is off by a tenth to a quarter (11.7 M distinct ids: 10.6 M), hence 85 %.
 */
export const isAllDistinct = (distinct: number, nonNull: number): boolean => nonNull > 0 && distinct >= 0.85 * nonNull;

/** One scan of `columns`' stats, each column's numbered from `first` on (nn0, d0, min0…: a scan of a few of a table's columns numbers them as the table does). */
export function statsSql(table: string, columns: readonly Column[], exactDistinct: boolean, first = 0): string {
  const parts = columns.flatMap((c, at) => {
    const i = first + at;
    const col = ident(c.name);
    return [
      `count(${col})::BIGINT AS nn${i}`,
      exactDistinct ? `count(DISTINCT ${col})::BIGINT AS d${i}` : `approx_count_distinct(${col})::BIGINT AS d${i}`,
      `CAST(min(${col}) AS VARCHAR) AS min${i}`,
      `CAST(max(${col}) AS VARCHAR) AS max${i}`,
      isNumericType(c.type) ? `avg(${col})::DOUBLE AS avg${i}` : `NULL::DOUBLE AS avg${i}`,
    ];
  });
  return `SELECT count(*)::BIGINT AS n${parts.length ? ", " + parts.join(", ") : ""} FROM ${ident(table)}`;
}

/**
 * A column's most common values as text, most first, ties in the column's own order (2 before 10), empty last;
 * `rank` numbers them so. The values are grouped as they are and only those kept are cast to text: casting
 * every value first took most of the query on numbers and dates (11.7 M rows, native DuckDB on 1 thread:
 * 1.09 s against 0.17 s for a DOUBLE column, 0.45 s against 0.07 s for a TIMESTAMP one). Nested values
 * (lists, structs) are grouped by their text.
 */
export function topValuesSql(table: string, column: string, type: string, limit = 5): string {
  const value = isNestedType(type) ? `CAST(${ident(column)} AS VARCHAR)` : ident(column);
  return `${topOf(`(${groupsSql(table, value)})`, limit)} ORDER BY rank`;
}

/** Each value of a table's column (an expression) with its count, as `v` and `n`. */
const groupsSql = (table: string, value: string) => `SELECT ${value} AS v, count(*)::BIGINT AS n FROM ${ident(table)} GROUP BY 1`;

/** The `limit` most common of `groups` (a relation of `v` and `n`), as text, with their `rank`. */
const topOf = (groups: string, limit: number) =>
  `SELECT CAST(v AS VARCHAR) AS value, n, row_number() OVER (ORDER BY n DESC, v NULLS LAST) AS rank FROM (SELECT v, n FROM ${groups} ORDER BY n DESC, v NULLS LAST LIMIT ${limit})`;

/** The width of each of `bins` bins between `min` and `max`, and the bin of a number (an expression): the last holds the maximum. */
const binWidth = (min: number, max: number, bins: number) => (max - min) / bins || 1;
const binOf = (value: string, min: number, max: number, bins: number) => `least(CAST(floor((${value} - ${min}) / ${binWidth(min, max, bins)}) AS INTEGER), ${bins - 1})`;

/**
 * A column of numbers' most common values and its histogram from one grouping of its values: the bins are summed
 * from the groups, not counted in a second scan of the rows (native DuckDB on 1 thread, the 1 GB benchmark file's
 * two such columns: 0.25 s against 0.47 s). Its rows are those of `topValuesSql` and of `histogramSql`, told apart
 * by `rank` and `bin`.
 */
export function topAndHistogramSql(table: string, column: string, min: number, max: number, limit = 5, bins = 10): string {
  return `WITH g AS MATERIALIZED (${groupsSql(table, ident(column))})
${topOf("g", limit)}
UNION ALL BY NAME
SELECT ${binOf("v", min, max, bins)} AS bin, sum(n)::BIGINT AS n FROM g WHERE v IS NOT NULL GROUP BY 1`;
}

type Row = Record<string, unknown>;

/** The most common values among a follow-up query's rows (those with a `rank`), as a profile keeps them, in their order. */
export const topValues = (rows: readonly Row[]): ColumnProfile["top"] =>
  rows
    .filter((r) => r.rank !== null && r.rank !== undefined)
    .sort((a, b) => Number(a.rank) - Number(b.rank))
    .map((r) => ({ value: (r.value as string | null) ?? null, n: Number(r.n) }));

/** The histogram's counts among a follow-up query's rows (those with a `bin`). */
export const binCounts = (rows: readonly Row[]): { bin: number; n: number }[] =>
  rows.filter((r) => r.bin !== null && r.bin !== undefined).map((r) => ({ bin: Number(r.bin), n: Number(r.n) }));

export function histogramSql(table: string, column: string, min: number, max: number, bins = 10): string {
  const col = ident(column);
  return `SELECT ${binOf(col, min, max, bins)} AS bin, count(*)::BIGINT AS n
FROM ${ident(table)} WHERE ${col} IS NOT NULL GROUP BY 1 ORDER BY 1`;
}

/** Fill every bin, empty ones included, with its bounds. */
export function histogramBins(rows: { bin: number; n: number }[], min: number, max: number, bins = 10) {
  const width = binWidth(min, max, bins);
  return Array.from({ length: bins }, (_, b) => ({
    from: min + b * width,
    to: min + (b + 1) * width,
    n: rows.find((r) => r.bin === b)?.n ?? 0,
  }));
}
