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

/** SQL aggregates over the staged table, named `<alias><i>`: whether column i holds a number shorter than its width. */
export const shortValueAggregates = (codes: readonly CodeColumn[], alias: string): string[] =>
  codes.map((c, i) => `coalesce(bool_or(${ident(c.name)} >= 0 AND ${ident(c.name)} < ${10 ** (c.width - 1)}), false) AS ${ident(`${alias}${i}`)}`);

/** SQL aggregates over the columns read as text, named `<alias><i>`: the least value of column i with a leading zero, or null. */
export const leadingZeroAggregates = (names: readonly string[], alias: string): string[] =>
  names.map((name, i) => `min(trim(${ident(name)})) FILTER (WHERE regexp_matches(trim(${ident(name)}), ${literal(LEADING_ZERO)})) AS ${ident(`${alias}${i}`)}`);

/** What the read kept as text for leading zeros, in words; null when nothing. */
export function describeLeadingZeros(zeros: Record<string, string> | undefined): string | null {
  const entries = Object.entries(zeros ?? {});
  if (entries.length === 0) return null;
  return `Read as text to keep leading zeros found below DuckDB's sample of the first rows: ${entries.map(([column, value]) => `${column} (${value})`).join(", ")}.`;
}
