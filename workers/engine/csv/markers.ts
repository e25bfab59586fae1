import { markedStatement, markedType, markerAggregate, mayHoldMarkers, typeAggregates, type MarkedType } from "@/lib/csv/missing-values";
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
  const [hasMarker = {}] = await engine.rows(`SELECT ${candidates.map((c, i) => markerAggregate(c.name, `c${i}`)).join(", ")} FROM ${ident(table)}`);
  const withMarkers = candidates.filter((_, i) => hasMarker[`c${i}`] === true);
  if (withMarkers.length === 0) return { columns, marked: {} };
  const [found = {}] = await engine.rows(`SELECT ${withMarkers.flatMap((c, i) => typeAggregates(c.name, `c${i}`, opts.dateFormat)).join(", ")} FROM ${ident(table)}`);
  const marked: MarkedColumns = {};
  for (const [i, c] of withMarkers.entries()) {
    const type = markedType(found, `c${i}`);
    if (!type) continue;
    await engine.rows(markedStatement(table, c.name, type, opts.dateFormat));
    marked[c.name] = type === "DATE" && opts.dateFormat ? { type, format: opts.dateFormat } : { type };
  }
  return { columns: columns.map((c) => (marked[c.name] ? { ...c, type: marked[c.name]!.type } : c)), marked };
}
