import type { Column } from "@/lib/datasets/manifest";
import { isNumericType } from "@/lib/sql/types";
import { histogramSql, isAllDistinct, statsSql, topValuesSql } from "./sql";

/**
 * The statements a profile runs, in order: scans of every column's counts
 * and bounds, then per column its most common values and a histogram. The
 * engine and the benchmark's yardstick both follow it.
 *
 * A scan takes a few columns: each distinct count holds a hash table of its
 * own (a few thousand at once filled the engine's memory on a 2,000-column
 * file), and DuckDB works on a statement about 100,000 rows at a time between
 * the engine's other requests, so a page of rows asked for meanwhile waits
 * for that much of one scan. Five columns a scan keep that wait short on wide
 * tables (fifty made it 0.3-0.5 s on a 200-column file), and are no slower:
 * native DuckDB on one thread scanned that file's 200 columns in 0.9-1.2 s
 * five at a time against 1.4-1.6 s fifty at a time.
 */
const COLUMNS_PER_SCAN = 5;

export function statsScans(table: string, columns: readonly Column[], exact: boolean): string[] {
  const scans: string[] = [];
  for (let start = 0; start === 0 || start < columns.length; start += COLUMNS_PER_SCAN) {
    scans.push(statsSql(table, columns.slice(start, start + COLUMNS_PER_SCAN), exact));
  }
  return scans;
}

/** One row of every scan's results, its columns numbered across all scans. */
export function mergeStats(rows: readonly Record<string, unknown>[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const [scan, row] of rows.entries()) {
    merged.n = row.n;
    for (const [key, value] of Object.entries(row)) {
      const match = /^([a-z]+)(\d+)$/.exec(key);
      if (match) merged[`${match[1]}${scan * COLUMNS_PER_SCAN + Number(match[2])}`] = value;
    }
  }
  return merged;
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
 * What a full profile asks next of one column: its most common values
 * (unless, on a big table, nearly every value differs) and, for numbers, a
 * histogram between its bounds.
 */
export function followUps(table: string, column: Column, stats: ColumnStats, exact: boolean, full: boolean): { top: string | null; histogram: string | null; allDistinct: boolean } {
  const allDistinct = !exact && isAllDistinct(stats.distinct, stats.nonNull);
  const numeric = isNumericType(column.type) && stats.min !== null && stats.max !== null;
  return {
    allDistinct,
    top: full && !allDistinct ? topValuesSql(table, column.name) : null,
    histogram: full && numeric ? histogramSql(table, column.name, Number(stats.min), Number(stats.max)) : null,
  };
}
