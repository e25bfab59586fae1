import { PLAIN_NUMBER_SOURCE } from "@/lib/number";
import { ident, literal } from "@/lib/sql/quote";

/**
 * Values marked as text for a spreadsheet by a leading apostrophe. Two writers do it: exports that want a
 * code's zeros kept write Excel's own mark before every value ('00123); and a download guarded against
 * formulas (OWASP's advice, and Stages' own protected CSV downloads: lib/csv/write.ts) writes it before each
 * value a spreadsheet would run ('=A1, '+44 20 7946 0958), numbers aside. Read as written, each value carries
 * the apostrophe. A text column is read without them when every value (empty ones aside) starts with one
 * and does not end with one (that is a value in single quotes), or when every value that starts with one
 * guards a formula's first character and no other value starts with such a character unless it is a plain
 * number (-12.5).
 */
const GUARDED = "^'[=+\\-@\\t\\r]";
const FORMULA_START = "^[=+\\-@\\t\\r]";

/** A column's first values: one of them starts with an apostrophe. */
export function mayBeApostropheText(values: readonly (string | null)[]): boolean {
  return values.some((v) => v !== null && v.startsWith("'"));
}

/** SQL aggregate, named `alias`: whether the column's apostrophes mark text, as above. */
export function apostropheTextAggregate(column: string, alias: string): string {
  const v = `CAST(${ident(column)} AS VARCHAR)`;
  const marked = `starts_with(${v}, '''')`;
  const guarded = `regexp_matches(${v}, ${literal(GUARDED)})`;
  // A value in single quotes ('Ada', a file quoted so but read with double quotes) is not marked: it ends in one too.
  const everyValue = `coalesce(bool_and(${marked} AND length(${v}) > 1 AND NOT ends_with(${v}, '''')) FILTER (WHERE ${v} <> ''), false)`;
  const unguarded = `regexp_matches(${v}, ${literal(FORMULA_START)}) AND NOT regexp_matches(${v}, ${literal(PLAIN_NUMBER_SOURCE)})`;
  const guards = `coalesce(bool_or(${guarded}) AND NOT bool_or(${marked} AND NOT ${guarded}) AND NOT bool_or(${unguarded}), false)`;
  return `(${everyValue} OR ${guards}) AS ${ident(alias)}`;
}

/** The statement that takes each value's apostrophe off in place (as the SQL export repeats it). */
export function apostropheTextStatement(table: string, column: string): string {
  const c = ident(column);
  return `UPDATE ${ident(table)} SET ${c} = substr(${c}, 2) WHERE starts_with(${c}, '''')`;
}

/** What the read made of apostrophes, in words; null when nothing. */
export function describeApostropheText(columns: readonly string[] | undefined): string | null {
  return columns?.length ? `Read without the apostrophe that marks text for a spreadsheet ('00123, '=A1): ${columns.join(", ")}.` : null;
}
