import type { SheetData } from "write-excel-file/universal";

/** A cell a rejecting rule failed on: tinted, as in the grid. "*" stands for a rule on the whole row. */
export const FAILING_FILL = "#FECACA";
/** Excel's sheets end at 1,048,576 rows (one is the header). */
export const MAX_SHEET_ROWS = 1_048_575;

/**
 * The rejected rows as one sheet: a bold header, every value as text (as
 * the grid shows it), and each cell a rule failed on filled, with the
 * reasons in the row's last column (`_errors`).
 */
export function rejectedSheet(columns: readonly string[], rows: readonly (string | null)[][], failing: readonly (readonly string[])[]): SheetData {
  const header = columns.map((name) => ({ value: name, fontWeight: "bold" as const }));
  const body = rows.map((row, r) => {
    const marked = new Set(failing[r] ?? []);
    return row.map((value, c) => {
      const fill = columns[c] !== "_line" && columns[c] !== "_errors" && (marked.has(columns[c]!) || marked.has("*"));
      return { value: value ?? undefined, type: String, ...(fill ? { backgroundColor: FAILING_FILL } : {}) };
    });
  });
  return [header, ...body];
}
