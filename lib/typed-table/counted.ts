import type { TypedCell } from "./table";

/** Rows between two reports of a load's progress: a report crosses to the page, a row costs microseconds. */
export const ROWS_PER_REPORT = 65_536;

/** The rows, `report` told how many have gone by every `every` rows (a typed file's load, as DuckDB takes them). */
export function* counted(rows: Iterable<TypedCell[]>, report: (done: number) => void, every = ROWS_PER_REPORT): Generator<TypedCell[]> {
  let done = 0;
  for (const row of rows) {
    yield row;
    if (++done % every === 0) report(done);
  }
}
