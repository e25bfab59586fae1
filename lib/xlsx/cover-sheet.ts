/**
 * A workbook's first sheet is often a cover (a report's title, who prepared it, "see the Data sheet") or a
 * summary (a total): a few values in one column, or nothing at all. Read as the table, it staged a column of
 * prose. Such a sheet holds no table: no row has values in two cells, and at most `COVER_ROWS` rows have one
 * (a longer single column is a list, read as a table).
 */
export function holdsNoTable(rows: readonly (readonly unknown[])[]): boolean {
  const values = rows.map((row) => row.filter((cell) => cell !== null && cell !== undefined && String(cell).trim() !== "").length);
  return values.every((n) => n <= 1) && values.filter((n) => n === 1).length <= COVER_ROWS;
}

const COVER_ROWS = 10;

/** The sentence for the staged file's findings: which sheet was read instead of the first, and why. */
export function describeCoverSheet(first: string, read: string): string {
  return `Read the sheet “${read}”, the largest of the others: the first, “${first}”, holds no table (a few values in one column). Choose another under Sheet.`;
}
