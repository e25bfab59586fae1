import { markedStatement, markedType, markerAggregate, mayHoldMarkers, typeAggregates, type MarkedType } from "@/lib/csv/missing-values";
import { COLUMN_NAME, columnValuesSql, VALUE } from "@/lib/sql/column-values";
import { ident } from "@/lib/sql/quote";
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
  // Each test is written once over the columns' values as rows (lib/sql/column-values.ts): written per column, a
  // 1,000-column file's casts made a statement that ran DuckDB-WASM out of memory.
  const scan = (cols: readonly Column[], aggregates: string[]) =>
    engine.rows(`SELECT ${ident(COLUMN_NAME)}, ${aggregates.join(", ")} FROM (${columnValuesSql(table, cols.map((c) => c.name))}) GROUP BY ALL`);
  const hasMarker = new Set((await scan(candidates, [markerAggregate(VALUE, "marked")])).filter((r) => r.marked === true).map((r) => r[COLUMN_NAME]));
  const withMarkers = candidates.filter((c) => hasMarker.has(c.name));
  if (withMarkers.length === 0) return { columns, marked: {} };
  const found = new Map((await scan(withMarkers, typeAggregates(VALUE, "c", opts.dateFormat))).map((r) => [r[COLUMN_NAME], r]));
  const marked: MarkedColumns = {};
  for (const c of withMarkers) {
    const type = markedType(found.get(c.name) ?? {}, "c");
    if (!type) continue;
    await engine.rows(markedStatement(table, c.name, type, opts.dateFormat));
    marked[c.name] = type === "DATE" && opts.dateFormat ? { type, format: opts.dateFormat } : { type };
  }
  return { columns: columns.map((c) => (marked[c.name] ? { ...c, type: marked[c.name]!.type } : c)), marked };
}
