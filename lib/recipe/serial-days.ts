/**
 * Excel's serial day numbers (45292 is 2024-01-01; a fraction is the time of day) as the dates they count from its
 * day 0, 1899-12-30: a DATE, or a TIMESTAMP with the fraction its time of day. For a cast step from them
 * (lib/csv/serial-dates.ts finds such columns).
 */
export function serialDateSql(c: string, type: string): string {
  if (/^TIMESTAMP/i.test(type.trim())) return `(TIMESTAMP '1899-12-30' + to_microseconds(CAST(round(CAST(${c} AS DOUBLE) * 86400000000) AS BIGINT)))`;
  return `(DATE '1899-12-30' + CAST(floor(CAST(${c} AS DOUBLE)) AS INTEGER))`;
}
