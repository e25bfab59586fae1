import { markedStatement, markedType, markerAggregate, mayHoldMarkers, typeAggregates, type MarkedType } from "@/lib/csv/missing-values";
import { VALUE } from "@/lib/sql/column-values";
import { scanColumns } from "./column-scan";
import type { CsvEngine } from "./engine";
import type { Column } from "./mend";
import { textColumnsWorthChecking } from "./peek";

/** The columns made typed, with the date format a DATE column was read by. */
export type MarkedColumns = Record<string, { type: MarkedType; format?: string }>;

/**
 * The text columns whose every value is a missing-value marker (NA, NULL, \N)
 * or fits one type (lib/csv/missing-values.ts) become that type in place, the
 * markers empty. Columns the user gave a type keep it.
 */
export async function readMarkers(engine: CsvEngine, table: string, columns: Column[], opts: { types: Record<string, string>; dateFormat: string | undefined }): Promise<{ columns: Column[]; marked: MarkedColumns }> {
  const candidates = await textColumnsWorthChecking(engine, table, columns, opts.types, mayHoldMarkers);
  if (candidates.length === 0) return { columns, marked: {} };
  const hasMarker = await scanColumns(engine, table, candidates.map((c) => c.name), [markerAggregate(VALUE, "marked")]);
  const withMarkers = candidates.filter((c) => hasMarker.get(c.name)?.marked === true);
  if (withMarkers.length === 0) return { columns, marked: {} };
  const found = await scanColumns(engine, table, withMarkers.map((c) => c.name), typeAggregates(VALUE, "c", opts.dateFormat));
  const marked: MarkedColumns = {};
  for (const c of withMarkers) {
    const type = markedType(found.get(c.name) ?? {}, "c");
    if (!type) continue;
    await engine.rows(markedStatement(table, c.name, type, opts.dateFormat));
    marked[c.name] = type === "DATE" && opts.dateFormat ? { type, format: opts.dateFormat } : { type };
  }
  return { columns: columns.map((c) => (marked[c.name] ? { ...c, type: marked[c.name]!.type } : c)), marked };
}
