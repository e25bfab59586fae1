import type { Column } from "@/lib/datasets/manifest";
import { isNumericType } from "@/lib/sql/types";
import { histogramSql, isAllDistinct, statsSql, topAndHistogramSql, topValuesSql } from "./sql";

/**
 * The statements a profile runs, in order: scans of every column's counts
 * and bounds, then per column its most common values and a histogram. The
 * engine and the benchmark's yardstick both follow it.
 *
 * A scan takes a few columns: each distinct count holds a hash table of its
 * own (a few thousand at once filled the engine's memory on a 2,000-column
 * file), and DuckDB works on a statement about 100,000 rows at a time between
 * the engine's other requests, so a page of rows asked for meanwhile waits
 * for that much of one scan. Exact distinct counts (tables of up to
 * EXACT_DISTINCT_LIMIT rows) cost the most per row: five columns a scan. On a
 * 200-column file of 136,166 rows, a page asked for right after staging waited
 * 0.09-0.20 s for the profile's first scan, against 0.38-0.68 s fifty columns a
 * scan (three alternating runs each); native DuckDB on one thread scanned its
 * 200 columns in 0.9-1.2 s five at a time against 1.4-1.6 s fifty at a time.
 * Estimated counts are cheaper,
 * and a scan costs DuckDB-WASM more than native DuckDB: ten columns a scan
 * (a 10-column file of 1.2 M rows profiled in 1.08-1.14 s in one scan, against
 * 1.40-1.45 s in two, in alternating runs; its pages waited 0.05 s either way).
 */
const columnsPerScan = (exact: boolean) => (exact ? 5 : 10);
/**
 * A small table takes more columns a scan, up to about as many values as five columns of 100,000 rows: a
 * 1,500-column file of 200 rows ran 300 scans of about 5 ms each (1.6 s in the page), and its first run
 * waited for them; in 15 scans of 100 columns, 57-86 ms each, 1.1 s.
 */
const VALUES_PER_SCAN = 500_000;
const MOST_COLUMNS_PER_SCAN = 100;

/** How many columns' scans (or follow-ups, batch.ts) a statement takes from a table of `rows` rows: at least `least`. */
export const columnsPerStatement = (rows: number, least: number): number =>
  Math.max(least, Math.min(MOST_COLUMNS_PER_SCAN, Math.floor(VALUES_PER_SCAN / Math.max(rows, 1))));

export function statsScans(table: string, columns: readonly Column[], exact: boolean, rows: number): string[] {
  const scans: string[] = [];
  const per = columnsPerStatement(rows, columnsPerScan(exact));
  for (let start = 0; start === 0 || start < columns.length; start += per) {
    scans.push(statsSql(table, columns.slice(start, start + per), exact, start));
  }
  return scans;
}

/** One row of every scan's results (each numbers its columns as the table does). */
export function mergeStats(rows: readonly Record<string, unknown>[]): Record<string, unknown> {
  return Object.assign({}, ...rows) as Record<string, unknown>;
}

export interface ColumnStats {
  count: number;
  nonNull: number;
  distinct: number;
  min: string | null;
  max: string | null;
  mean: number | null;
}

/** A column's stats from the merged scans; an estimated distinct count (it can overshoot by a fifth) is capped at the values there are. */
export const columnStatsAt = (merged: Record<string, unknown>, i: number): ColumnStats => ({
  count: Number(merged.n),
  nonNull: Number(merged[`nn${i}`]),
  distinct: Math.min(Number(merged[`d${i}`]), Number(merged[`nn${i}`])),
  min: (merged[`min${i}`] as string | null) ?? null,
  max: (merged[`max${i}`] as string | null) ?? null,
  mean: (merged[`avg${i}`] as number | null) ?? null,
});

/**
 * What a full profile asks next of one column, in one query: its most common values (unless, on a big table,
 * nearly every value differs) and, for numbers, a histogram between its bounds (both from one grouping when it
 * wants both). `histogram` says whether the query's rows hold one (sql.ts `binCounts`).
 */
export function followUps(table: string, column: Column, stats: ColumnStats, exact: boolean, full: boolean): { query: string | null; histogram: boolean; allDistinct: boolean } {
  const allDistinct = !exact && isAllDistinct(stats.distinct, stats.nonNull);
  const top = full && !allDistinct;
  const histogram = full && isNumericType(column.type) && stats.min !== null && stats.max !== null;
  const [min, max] = [Number(stats.min), Number(stats.max)];
  const query = top && histogram ? topAndHistogramSql(table, column.name, min, max) : top ? topValuesSql(table, column.name, column.type) : histogram ? histogramSql(table, column.name, min, max) : null;
  return { query, histogram, allDistinct };
}
