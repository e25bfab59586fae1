import type { Column } from "@/lib/datasets/manifest";
import type { SourceRef } from "@/lib/engine/api";
import { EXACT_DISTINCT_LIMIT, histogramBins, histogramSql, isAllDistinct, statsSql, topValuesSql, type ColumnProfile } from "@/lib/profile/sql";
import { ok, type Result } from "@/lib/result";
import { isNumericType } from "@/lib/sql/types";
import type { StagesDb } from "@/lib/staging/db";
import { plainRows } from "./arrow-text";
import { withConnection, type Connection } from "./duckdb";
import { PIPELINE } from "./pipeline";
import { runLong } from "./query";
import { serial } from "./serial";
import { ensureTable, tableName } from "./tables";

/** Column profiles of a source, computed by DuckDB and kept per source (and run). */
const cache = new Map<string, Promise<Result<ColumnProfile[]>>>();

/** Drop what is known of a source that changed (re-read or removed). */
export function forgetProfile(source: SourceRef): void {
  for (const detail of ["summary", "full"]) cache.delete(JSON.stringify([source, detail]));
}

export function profileSource(db: StagesDb, source: SourceRef, detail: "summary" | "full"): Promise<Result<ColumnProfile[]>> {
  const key = JSON.stringify([source, detail]);
  let pending = cache.get(key);
  if (!pending) {
    // Profiles of big tables hold large hash tables: they take their turn with recipe runs, so the two never add up in the wasm heap.
    pending = serial(PIPELINE, () => compute(db, source, detail === "full"));
    cache.set(key, pending);
    void pending.then((r) => r.ok || cache.delete(key));
  }
  return pending;
}

async function compute(db: StagesDb, source: SourceRef, full: boolean): Promise<Result<ColumnProfile[]>> {
  const info = await ensureTable(db, source);
  if (!info.ok) return info;
  const { columns, rowCount } = info.value;
  const table = tableName(source);
  const exact = rowCount <= EXACT_DISTINCT_LIMIT;
  return withConnection(async (conn) => {
    const stats = await columnStats(conn, table, columns, exact);
    const profiles: ColumnProfile[] = [];
    for (const [i, c] of columns.entries()) {
      const count = Number(stats.n);
      const min = (stats[`min${i}`] as string | null) ?? null;
      const max = (stats[`max${i}`] as string | null) ?? null;
      const numeric = isNumericType(c.type) && min !== null && max !== null;
      const nonNull = Number(stats[`nn${i}`]);
      const distinct = Number(stats[`d${i}`]);
      const allDistinct = !exact && isAllDistinct(distinct, nonNull);
      const top = full && !allDistinct ? (plainRows(await runLong(conn, topValuesSql(table, c.name))) as ColumnProfile["top"]) : [];
      const histogram = full && numeric
        ? histogramBins(
            plainRows(await runLong(conn, histogramSql(table, c.name, Number(min), Number(max)))) as { bin: number; n: number }[],
            Number(min),
            Number(max),
          )
        : null;
      profiles.push({
        name: c.name,
        type: c.type,
        count,
        nulls: count - nonNull,
        distinct,
        distinctApprox: !exact,
        allDistinct,
        min,
        max,
        mean: (stats[`avg${i}`] as number | null) ?? null,
        top,
        histogram,
      });
    }
    return ok(profiles);
  });
}

/**
 * Every column's counts and bounds, a group of columns per scan: each distinct
 * count holds a hash table of its own, and a few thousand of them at once
 * would fill the engine's memory (a 2,000-column file did).
 */
const COLUMNS_PER_SCAN = 50;

async function columnStats(conn: Connection, table: string, columns: readonly Column[], exact: boolean): Promise<Record<string, unknown>> {
  const merged: Record<string, unknown> = {};
  for (let start = 0; start === 0 || start < columns.length; start += COLUMNS_PER_SCAN) {
    const group = columns.slice(start, start + COLUMNS_PER_SCAN);
    const row = plainRows(await runLong(conn, statsSql(table, group, exact)))[0] as Record<string, unknown>;
    merged.n = row.n;
    for (const [key, value] of Object.entries(row)) {
      const match = /^([a-z]+)(\d+)$/.exec(key);
      if (match) merged[`${match[1]}${start + Number(match[2])}`] = value;
    }
  }
  return merged;
}
