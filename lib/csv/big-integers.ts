import { fieldRows, type Dialect } from "./records";

/**
 * Whole numbers too long for a BIGINT (20 digits and more: SIM card numbers,
 * bank references) make DuckDB's sniffer choose DOUBLE, which keeps about 16
 * digits: 123456789012345678901234 would stage as 1.2345678901234569e+23.
 * From the file's first lines, the DOUBLE columns whose values are all whole
 * numbers, one of them longer than a DOUBLE holds exactly: they are read as
 * HUGEINT instead (38 digits; a value that does not fit makes the column
 * text, reported, as any value that does not fit its type).
 */
const WHOLE = /^[+-]?\d+$/;
const EXACT_DIGITS = 15;

export function bigIntegerColumns(lines: readonly string[], dialect: Dialect, columns: readonly { name: string; type: string }[]): string[] {
  const doubles = columns.flatMap((c, i) => (c.type === "DOUBLE" ? [i] : []));
  if (doubles.length === 0) return [];
  const rows = fieldRows(lines, dialect);
  return doubles
    .filter((i) => {
      const values = rows.map((r) => (r[i] ?? "").trim()).filter((v) => v !== "");
      return values.length > 0 && values.every((v) => WHOLE.test(v)) && values.some((v) => v.replace(/^[+-]/, "").length > EXACT_DIGITS);
    })
    .map((i) => columns[i]!.name);
}
