import type { SourceRef } from "@/lib/engine/api";
import { columnStatsAt, followUps, mergeStats, statsScans } from "@/lib/profile/plan";
import { EXACT_DISTINCT_LIMIT, histogramBins, type ColumnProfile } from "@/lib/profile/sql";
import { ok, type Result } from "@/lib/result";
import type { StagesDb } from "@/browser/staging-db";
import { plainRows } from "./arrow-text";
import { withConnection } from "./duckdb";
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
    const scans: Record<string, unknown>[] = [];
    for (const sql of statsScans(table, columns, exact)) scans.push(plainRows(await runLong(conn, sql))[0] as Record<string, unknown>);
    const merged = mergeStats(scans);
    const profiles: ColumnProfile[] = [];
    for (const [i, c] of columns.entries()) {
      const stats = columnStatsAt(merged, i);
      const next = followUps(table, c, stats, exact, full);
      const top = next.top ? (plainRows(await runLong(conn, next.top)) as ColumnProfile["top"]) : [];
      const histogram = next.histogram
        ? histogramBins(plainRows(await runLong(conn, next.histogram)) as { bin: number; n: number }[], Number(stats.min), Number(stats.max))
        : null;
      profiles.push({
        name: c.name,
        type: c.type,
        count: stats.count,
        nulls: stats.count - stats.nonNull,
        distinct: stats.distinct,
        distinctApprox: !exact,
        allDistinct: next.allDistinct,
        min: stats.min,
        max: stats.max,
        mean: stats.mean,
        top,
        histogram,
      });
    }
    return ok(profiles);
  });
}
