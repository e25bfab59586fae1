import type { HeadPreview } from "@/lib/engine/api";
import type { ColumnType, TypedCell, TypedColumn } from "./table";
import { dayText, shownMomentText } from "./text";

/**
 * A typed file's first rows, shown while the whole file is loaded into DuckDB (as a CSV file's are: the page's
 * "First rows of …"), taken from its reader's rows before DuckDB is asked for anything.
 */

/** A value as text, as DuckDB will show it: dates as `2017-11-24`, timestamps as `2018-03-17 14:20:33`, missing values null. */
export function typedCellText(value: TypedCell, type: ColumnType): string | null {
  if (value === null) return null;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (type === "date") return dayText(value as number);
  if (type === "timestamp") return shownMomentText(value as number);
  return String(value);
}

/**
 * The first `count` rows of `rows`, and rows that give them again followed by the rest. A reader may fill the same
 * row (and the same bytes of a text) again for the next one (table.ts), so the first rows are copied.
 */
export function splitHead(rows: Iterable<TypedCell[]>, count: number): { head: TypedCell[][]; rows: Iterable<TypedCell[]> } {
  const iterator = rows[Symbol.iterator]();
  const head: TypedCell[][] = [];
  let done = false;
  while (head.length < count) {
    const next = iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value.map((cell) => (cell instanceof Uint8Array ? cell.slice() : cell)));
  }
  function* again(): Generator<TypedCell[]> {
    yield* head;
    if (done) return;
    for (let next = iterator.next(); !next.done; next = iterator.next()) yield next.value;
  }
  return { head, rows: again() };
}

/** The rows as the page's preview shows them: column-major text. */
export function typedHead(columns: readonly TypedColumn[], head: readonly TypedCell[][]): HeadPreview {
  return { columns: columns.map((c) => c.name), columnValues: columns.map((c, i) => head.map((row) => typedCellText(row[i] ?? null, c.type))) };
}
