import { mayBeTimestamps, timestampAggregates, timestampFormat, timestampStatement } from "@/lib/csv/timestamps";
import { ident } from "@/lib/sql/quote";
import type { CsvEngine } from "./engine";
import type { Column } from "./mend";
import { firstValues } from "./peek";

/**
 * The text columns whose every value is a timestamp written for people (12/31/2024 23:59, 31.12.2024 08:00,
 * lib/csv/timestamps.ts) become TIMESTAMP in place; by column, the format read. Columns the user gave a type keep it.
 */
export async function readTimestamps(engine: CsvEngine, table: string, columns: Column[], opts: { types: Record<string, string>; dateFormat: string | undefined }): Promise<{ columns: Column[]; timestamps: Record<string, string> }> {
  const text = columns.filter((c) => c.type === "VARCHAR" && !(c.name in opts.types));
  if (text.length === 0) return { columns, timestamps: {} };
  const first = await firstValues(engine, table, text.map((c) => c.name));
  const candidates = text.filter((_, i) => mayBeTimestamps(first[i]!));
  if (candidates.length === 0) return { columns, timestamps: {} };
  const [found = {}] = await engine.rows(`SELECT ${candidates.flatMap((c, i) => timestampAggregates(c.name, `c${i}`)).join(", ")} FROM ${ident(table)}`);
  const timestamps: Record<string, string> = {};
  for (const [i, c] of candidates.entries()) {
    const format = timestampFormat(found, `c${i}`, opts.dateFormat);
    if (!format) continue;
    await engine.rows(timestampStatement(table, c.name, format));
    timestamps[c.name] = format;
  }
  return { columns: columns.map((c) => (timestamps[c.name] ? { ...c, type: "TIMESTAMP" } : c)), timestamps };
}
