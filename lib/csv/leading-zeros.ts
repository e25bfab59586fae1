import { COLUMN_NAME, columnValuesSql, VALUE } from "@/lib/sql/column-values";
import { ident, literal } from "@/lib/sql/quote";
import { isIntegerType } from "@/lib/sql/types";
import { LEADING_ZERO } from "./missing-values";
import { fieldRows, type Dialect } from "./records";

/**
 * Codes with a leading zero (ZIP code 02134, an account 000123) further down
 * than DuckDB's sniffer looks (its sample is the file's first 20,480 rows):
 * the column was read as whole numbers, and the cast dropped the zero without
 * a word. DuckDB keeps such a column text when a zero shows in its sample.
 * A column is a candidate when its values in the file's first lines are all
 * digits of one width (codes, not amounts); a shorter number in the staged
 * column is then a zero dropped, or a shorter number written as such, which
 * only the text can tell: it is read again, and the column is read as text
 * when a value starts with a zero.
 */
export interface CodeColumn {
  name: string;
  /** The digits every value of the file's first lines has. */
  width: number;
}

const DIGITS = /^\d+$/;

/** The whole-number columns whose values in these lines (the rows of the file's first lines) are all digits of one width, two or more. */
export function codeColumns(lines: readonly string[], dialect: Dialect, columns: readonly { name: string; type: string }[]): CodeColumn[] {
  const integers = columns.flatMap((c, i) => (isIntegerType(c.type) ? [i] : []));
  if (integers.length === 0) return [];
  const rows = fieldRows(lines, dialect);
  return integers.flatMap((i) => {
    const values = rows.map((r) => (r[i] ?? "").trim()).filter((v) => v !== "");
    const width = values[0]?.length ?? 0;
    return width >= 2 && values.every((v) => v.length === width && DIGITS.test(v)) ? [{ name: columns[i]!.name, width }] : [];
  });
}

/**
 * Of the code columns in the staged table, those that hold a number shorter than their width: one scan of their values
 * a width (lib/sql/column-values.ts), as an aggregate a column took DuckDB-WASM five seconds to plan for 2,000 columns.
 */
export function shortValueSql(table: string, codes: readonly CodeColumn[]): string[] {
  const widths = [...new Set(codes.map((c) => c.width))];
  return widths.map((width) => {
    const values = columnValuesSql(table, codes.filter((c) => c.width === width).map((c) => c.name));
    return `SELECT ${ident(COLUMN_NAME)} AS name FROM (${values}) GROUP BY ALL HAVING bool_or(${ident(VALUE)} >= 0 AND ${ident(VALUE)} < ${10 ** (width - 1)})`;
  });
}

/** SQL aggregates over the columns read as text, named `<alias><i>`: the least value of column i with a leading zero, or null. */
export const leadingZeroAggregates = (names: readonly string[], alias: string): string[] =>
  names.map((name, i) => `min(trim(${ident(name)})) FILTER (WHERE regexp_matches(trim(${ident(name)}), ${literal(LEADING_ZERO)})) AS ${ident(`${alias}${i}`)}`);

/** What the read kept as text for leading zeros, in words; null when nothing. */
export function describeLeadingZeros(zeros: Record<string, string> | undefined): string | null {
  const entries = Object.entries(zeros ?? {});
  if (entries.length === 0) return null;
  return `Read as text to keep leading zeros found below DuckDB's sample of the first rows: ${entries.map(([column, value]) => `${column} (${value})`).join(", ")}.`;
}
