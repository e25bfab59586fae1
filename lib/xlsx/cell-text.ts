/**
 * A workbook cell's value as CSV text: a date at midnight as a date, another as a timestamp, and a time
 * of day alone as a time. A sheet keeps a time of day (13:45) as a fraction of a day, which the workbook
 * reader gives as that time on 30 December 1899, the day before its first day; no date cell can hold that
 * day, so such a value is the time alone.
 */
export function cellText(cell: unknown): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    if (iso.startsWith("1899-12-30T")) return iso.slice(11, iso.endsWith(".000Z") ? 19 : 23);
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace("T", " ").replace(/\.000Z$|Z$/, "");
  }
  return String(cell);
}
