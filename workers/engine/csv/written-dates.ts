import { mayBeWrittenDates, writtenDateAggregates, writtenDateFormat, writtenDateStatement, writtenType } from "@/lib/csv/written-dates";
import { ident } from "@/lib/sql/quote";
import type { CsvEngine } from "./engine";
import type { Column } from "./mend";
import { textColumnsWorthChecking } from "./peek";

/**
 * The text columns whose every value is a date or timestamp written for people (12/31/2024 23:59, 02-Jan-2024:
 * lib/csv/written-dates.ts) become DATE or TIMESTAMP in place; by column, the format read. Columns the user gave a type keep it.
 */
export async function readWrittenDates(engine: CsvEngine, table: string, columns: Column[], opts: { types: Record<string, string>; dateFormat: string | undefined }): Promise<{ columns: Column[]; written: Record<string, string> }> {
  const candidates = await textColumnsWorthChecking(engine, table, columns, opts.types, mayBeWrittenDates);
  if (candidates.length === 0) return { columns, written: {} };
  const [found = {}] = await engine.rows(`SELECT ${candidates.flatMap((c, i) => writtenDateAggregates(c.name, `c${i}`)).join(", ")} FROM ${ident(table)}`);
  const written: Record<string, string> = {};
  for (const [i, c] of candidates.entries()) {
    const format = writtenDateFormat(found, `c${i}`, opts.dateFormat);
    if (!format) continue;
    await engine.rows(writtenDateStatement(table, c.name, format));
    written[c.name] = format;
  }
  return { columns: columns.map((c) => (written[c.name] ? { ...c, type: writtenType(written[c.name]!) } : c)), written };
}
