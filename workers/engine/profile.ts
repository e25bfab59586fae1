import type { SourceRef } from "@/lib/engine/api";
import { batchRows, batchSql } from "@/lib/profile/batch";
import { columnStatsAt, columnsPerStatement, followUps, mergeStats, statsScans } from "@/lib/profile/plan";
import { binCounts, EXACT_DISTINCT_LIMIT, histogramBins, topValues, type ColumnProfile } from "@/lib/profile/sql";
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
    // A full profile adds to the summary's scans (the same ones, run once): each column's top values and histogram.
    pending =
      detail === "summary"
        ? serial(PIPELINE, () => summarize(db, source))
        : profileSource(db, source, "summary").then((summary) => (summary.ok ? serial(PIPELINE, () => withDetail(db, source, summary.value)) : summary));
    cache.set(key, pending);
    void pending.then((r) => r.ok || cache.delete(key));
  }
  return pending;
}

/** Every column's counts, bounds and mean: the scans of statsScans, nothing per column. */
async function summarize(db: StagesDb, source: SourceRef): Promise<Result<ColumnProfile[]>> {
  const info = await ensureTable(db, source);
  if (!info.ok) return info;
  const { columns, rowCount } = info.value;
  const table = tableName(source);
  const exact = rowCount <= EXACT_DISTINCT_LIMIT;
  const scans = await withConnection(async (conn) => {
    const rows: Record<string, unknown>[] = [];
    for (const sql of statsScans(table, columns, exact, rowCount)) rows.push(plainRows(await runLong(conn, sql))[0] as Record<string, unknown>);
    return rows;
  });
  const merged = mergeStats(scans);
  return ok(
    columns.map((c, i) => {
      const stats = columnStatsAt(merged, i);
      const { allDistinct } = followUps(table, c, stats, exact, false);
      const { count, distinct, min, max, mean } = stats;
      return { name: c.name, type: c.type, count, nulls: count - stats.nonNull, distinct, distinctApprox: !exact, allDistinct, min, max, mean, top: [], histogram: null };
    }),
  );
}

/** The summary, with each column's most common values and, for numbers, a histogram (several columns a statement for a small table: batch.ts). */
async function withDetail(db: StagesDb, source: SourceRef, summary: ColumnProfile[]): Promise<Result<ColumnProfile[]>> {
  const info = await ensureTable(db, source);
  if (!info.ok) return info;
  const table = tableName(source);
  const asked = summary.map((p) => {
    const stats = { count: p.count, nonNull: p.count - p.nulls, distinct: p.distinct, min: p.min, max: p.max, mean: p.mean };
    return { p, stats, ...followUps(table, p, stats, !p.distinctApprox, true) };
  });
  const queries = asked.flatMap((a) => (a.query ? [a.query] : []));
  const per = columnsPerStatement(info.value.rowCount, 1);
  const answers = await withConnection(async (conn) => {
    const rows: Record<string, unknown>[][] = [];
    for (let start = 0; start < queries.length; start += per) {
      const batch = queries.slice(start, start + per);
      if (batch.length === 1) rows.push(plainRows(await runLong(conn, batch[0]!)));
      else rows.push(...batchRows(batch.length, plainRows(await runLong(conn, batchSql(batch)))));
    }
    return rows;
  });
  let next = 0;
  return ok(
    asked.map(({ p, stats, query, histogram }) => {
      const rows = query ? answers[next++]! : [];
      return { ...p, top: topValues(rows), histogram: histogram ? histogramBins(binCounts(rows), Number(stats.min), Number(stats.max)) : null };
    }),
  );
}
