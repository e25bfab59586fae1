import { COMPACT_DATE, compactDateAggregate, fitRow, formatsLeftOpen, mayBeWrittenDates, misfitSql, namedAsDate, someFit, writtenDateAggregates, writtenDateFormat, writtenDateStatement, writtenDateValues, writtenType } from "@/lib/csv/written-dates";
import { columnValuesSql, VALUE } from "@/lib/sql/column-values";
import { scanColumns } from "./column-scan";
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
  const text = await fitFormats(engine, table, candidates.map((c) => c.name));
  const numbers = await scanColumns(engine, table, compact.map((c) => c.name), [compactDateAggregate(VALUE, "n")]);
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

/** Rows whose values rule formats out before the whole column is checked against those left (lib/csv/written-dates.ts). */
const SAMPLE_ROWS = 256;

/** By column, the aggregates' row of what its first rows leave open, over all its rows, a pass at a time; none when they leave nothing. */
async function fitFormats(engine: CsvEngine, table: string, names: string[]): Promise<Map<string, Record<string, unknown>>> {
  const sample = await scanColumns(engine, table, names, writtenDateAggregates("c"), SAMPLE_ROWS, writtenDateValues);
  const fits = new Map<string, Record<string, unknown>>();
  for (const name of names) {
    for (const open of formatsLeftOpen(sample.get(name), "c")) {
      // One candidate: the first value it does not fit ends the pass; none found, it fits them all.
      if (open.length === 1) {
        if ((await engine.rows(misfitSql(writtenDateValues(columnValuesSql(table, [name])), open))).length) continue;
        fits.set(name, fitRow("c", open[0]!));
        break;
      }
      const row = (await scanColumns(engine, table, [name], writtenDateAggregates("c", open), undefined, writtenDateValues)).get(name);
      if (!row || !someFit(row, "c")) continue;
      fits.set(name, row);
      break;
    }
  }
  return fits;
}

const WHOLE_NUMBERS = new Set(["BIGINT", "INTEGER", "HUGEINT", "UBIGINT", "UINTEGER"]);
