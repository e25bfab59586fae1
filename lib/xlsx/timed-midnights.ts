/**
 * A sheet's date-and-time cells as CSV text (cell-text.ts) write a midnight as the date alone (2025-01-17), as a date
 * cell is written: a column of timestamps with some at midnight then holds dates and timestamps, which DuckDB reads as
 * text. In a column whose every value is an ISO date or timestamp, with both among them, the dates are written as
 * midnights (2025-01-17 00:00:00), so that it is read as timestamps.
 */
export function withTimedMidnights(rows: (string | null)[][]): (string | null)[][] {
  const width = rows.reduce((most, r) => Math.max(most, r.length), 0);
  const timed = Array.from({ length: width }, (_, c) => c).filter((c) => datesAndTimestamps(rows, c));
  if (timed.length === 0) return rows;
  return rows.map((row) => {
    const copy = row.slice();
    for (const c of timed) if (copy[c] !== null && copy[c] !== undefined && DATE.test(copy[c]!)) copy[c] = `${copy[c]} 00:00:00`;
    return copy;
  });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/;

/** Every value of column `c` (from the names' row's next, empty cells aside) an ISO date or timestamp, with both among them. */
function datesAndTimestamps(rows: (string | null)[][], c: number): boolean {
  let dates = 0;
  let timestamps = 0;
  for (let r = 1; r < rows.length; r++) {
    const value = rows[r]![c];
    if (value === null || value === undefined || value === "") continue;
    if (DATE.test(value)) dates++;
    else if (TIMESTAMP.test(value)) timestamps++;
    else return false;
  }
  return dates > 0 && timestamps > 0;
}
