import { COMPACT_DATE, compactDateAggregate, mayBeWrittenDates, namedAsDate, writtenDateAggregates, writtenDateFormat, writtenDateStatement, writtenType } from "@/lib/csv/written-dates";
import { COLUMN_NAME, columnValuesSql, VALUE } from "@/lib/sql/column-values";
import { ident } from "@/lib/sql/quote";
import type { CsvEngine } from "./engine";
import type { Column } from "./mend";
import { textColumnsWorthChecking } from "./peek";

/**
 * The text columns whose every value is a date or timestamp written for people (12/31/2024 23:59, 02-Jan-2024:
 * lib/csv/written-dates.ts) become DATE or TIMESTAMP in place, and so do whole-number columns named as dates
 * whose every value is a date written yyyymmdd; by column, the format read. Columns the user gave a type keep it.
 */
export async function readWrittenDates(engine: CsvEngine, table: string, columns: Column[], opts: { types: Record<string, string>; dateFormat: string | undefined }): Promise<{ columns: Column[]; written: Record<string, string> }> {
  const candidates = await textColumnsWorthChecking(engine, table, columns, opts.types, mayBeWrittenDates);
  const compact = columns.filter((c) => WHOLE_NUMBERS.has(c.type) && !(c.name in opts.types) && namedAsDate(c.name));
  if (candidates.length === 0 && compact.length === 0) return { columns, written: {} };
  // Each test is written once over the columns' values as rows (lib/sql/column-values.ts), the text and the whole numbers
  // apart: written per column, each of a few dozen formats, a file of many such columns would run DuckDB-WASM out of memory.
  const scan = async (cols: readonly Column[], aggregates: string[]) =>
    cols.length ? new Map((await engine.rows(`SELECT ${ident(COLUMN_NAME)}, ${aggregates.join(", ")} FROM (${columnValuesSql(table, cols.map((c) => c.name))}) GROUP BY ALL`)).map((r) => [r[COLUMN_NAME], r])) : new Map();
  const text = await scan(candidates, writtenDateAggregates(VALUE, "c"));
  const numbers = await scan(compact, [compactDateAggregate(VALUE, "n")]);
  const formats = [
    ...candidates.map((c) => [c.name, writtenDateFormat(text.get(c.name) ?? {}, "c", opts.dateFormat)] as const),
    ...compact.map((c) => [c.name, numbers.get(c.name)?.n === true ? COMPACT_DATE : null] as const),
  ];
  const written: Record<string, string> = {};
  for (const [name, format] of formats) {
    if (!format) continue;
    await engine.rows(writtenDateStatement(table, name, format));
    written[name] = format;
  }
  return { columns: columns.map((c) => (written[c.name] ? { ...c, type: writtenType(written[c.name]!) } : c)), written };
}

const WHOLE_NUMBERS = new Set(["BIGINT", "INTEGER", "HUGEINT", "UBIGINT", "UINTEGER"]);
