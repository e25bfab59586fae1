import { fieldRows, type Dialect } from "./records";

/**
 * Columns the user gave a type with a fraction (DECIMAL, DOUBLE, FLOAT) whose
 * first values write it with a decimal comma (12,50) and none with a point.
 * DuckDB reads such a column only with its decimal separator set to the
 * comma, as the “1.234,56” number format sets it: without it, every value
 * failed the type and the column was read as text.
 */
const FRACTIONAL = /^\s*(DECIMAL|NUMERIC|DOUBLE|FLOAT|REAL|FLOAT4|FLOAT8)\b/i;
/** Whether a DuckDB type has a fraction, which a decimal comma can write. */
export const hasFraction = (type: string): boolean => FRACTIONAL.test(type);

const COMMA = /^[+-]?\d+,\d+$/;
const POINT = /^[+-]?\d*\.\d+$/;

export function commaDecimalColumns(lines: readonly string[], dialect: Dialect, names: readonly string[], types: Readonly<Record<string, string>>): string[] {
  const forced = names.flatMap((name, i) => (hasFraction(types[name] ?? "") ? [{ name, i }] : []));
  if (forced.length === 0 || dialect.delimiter === ",") return [];
  const rows = fieldRows(lines, dialect);
  return forced
    .filter(({ i }) => {
      const values = rows.map((r) => (r[i] ?? "").trim());
      return values.some((v) => COMMA.test(v)) && !values.some((v) => POINT.test(v));
    })
    .map(({ name }) => name);
}
