import { ident } from "@/lib/sql/quote";
import { trimmedText } from "./missing-values";

/**
 * Text written as an Excel formula, ="02134": exports that want a spreadsheet to keep a code's leading zeros,
 * or a long number's digits, write each value so. Read as written, every value carries its = and quotes. A
 * text column whose every value (empty ones aside) is such a formula becomes the text inside, kept as text, as
 * the writer meant it.
 */
const FORMULA = /^="[^"]*"$/;
const FORMULA_SQL = `'="[^"]*"'`;

/** A column's first values: each empty or a text formula, one of them a formula. */
export function mayBeFormulaText(values: readonly (string | null)[]): boolean {
  const given = values.filter((v): v is string => v !== null && v.trim() !== "");
  return given.length > 0 && given.every((v) => FORMULA.test(v.trim()));
}

/** SQL aggregate, named `alias`: whether every value of the column (empty ones aside) is a text formula. */
export function formulaTextAggregate(column: string, alias: string): string {
  const v = trimmedText(column);
  return `coalesce(bool_and(regexp_full_match(${v}, ${FORMULA_SQL})) FILTER (WHERE ${v} <> ''), false) AS ${ident(alias)}`;
}

/** The statement that makes each formula its text in place (as the SQL export repeats it). */
export function formulaTextStatement(table: string, column: string): string {
  const v = trimmedText(column);
  return `UPDATE ${ident(table)} SET ${ident(column)} = substr(${v}, 3, length(${v}) - 3) WHERE regexp_full_match(${v}, ${FORMULA_SQL})`;
}

/** What the read made of text formulas, in words; null when nothing. */
export function describeFormulaText(columns: readonly string[] | undefined): string | null {
  return columns?.length ? `Read as the text inside Excel's text formulas (="02134"): ${columns.join(", ")}.` : null;
}
