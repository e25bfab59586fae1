import { rowsOfWidth, type Dialect } from "./records";

/**
 * Excel shows a number of twelve digits or more in its General format as 1.23457E+11 (six significant
 * digits), and saves a sheet as CSV the way it shows it: a barcode's, a phone number's or an account's other
 * digits are gone before the file reaches Stages. Nothing can bring them back, and a measurement written so
 * (6.02E+23) lost nothing: the file says which columns hold such values, and one of them, so the user can
 * tell and export codes again as text.
 */
const EXCEL_SCIENTIFIC = /^-?\d(\.\d{1,5})?E\+(1[1-9]|[2-9]\d)$/;

export interface LostDigits {
  column: string;
  /** One of its values as the file has it. */
  example: string;
}

/** The columns whose values in the file's first lines (rows of the table's width) include one written as Excel's General format writes a long number. */
export function lostDigitColumns(lines: readonly string[], dialect: Dialect, columns: readonly { name: string }[]): LostDigits[] {
  const rows = rowsOfWidth(lines, dialect, columns.length);
  return columns.flatMap((c, i) => {
    const example = rows.map((r) => r[i]!.trim()).find((v) => EXCEL_SCIENTIFIC.test(v));
    return example ? [{ column: c.name, example }] : [];
  });
}

export function describeLostDigits(lost: readonly LostDigits[] | undefined): string | null {
  if (!lost?.length) return null;
  const one = lost.length === 1;
  return `Long numbers as Excel shows them, six digits kept: ${lost.map((l) => `${l.column} (${l.example})`).join(", ")}. If ${one ? "it holds" : "they hold"} codes (barcodes, phone or account numbers), their other digits were lost before the file was saved: export ${one ? "that column" : "those columns"} again formatted as text.`;
}
