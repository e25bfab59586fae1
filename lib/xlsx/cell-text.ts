/**
 * A workbook cell's value as CSV text: a date at midnight as a date, another as a timestamp, and a time
 * of day alone as a time. A sheet keeps a time of day (13:45) as a fraction of a day, which the workbook
 * reader gives as that time on 30 December 1899, the day before its first day; no date cell can hold that
 * day, so such a value is the time alone.
 */
/**
 * A date or date and time written as ISO 8601 in a spreadsheet's XML (OpenDocument's `office:date-value`, XML
 * Spreadsheet 2003's `DateTime`) as CSV text, as `cellText` gives a workbook's: a date at midnight as the date, a time
 * on the sheet's day zero (30 or 31 December 1899) as the time alone, another as a timestamp; a fraction of zeros
 * and a Z dropped.
 */
export function isoDateTimeText(iso: string): string {
  const [date, time = ""] = iso.split("T");
  const clock = time.replace(/Z$/, "").replace(/\.0*$/, "");
  if (clock === "" || /^00:00(:00)?$/.test(clock)) return date!;
  return date === "1899-12-30" || date === "1899-12-31" ? clock : `${date} ${clock}`;
}

export function cellText(cell: unknown): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    if (iso.startsWith("1899-12-30T")) return iso.slice(11, iso.endsWith(".000Z") ? 19 : 23);
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace("T", " ").replace(/\.000Z$|Z$/, "");
  }
  return String(cell);
}
