import {
  chooseFormat, filePreference, fitAggregates, fitFrom, fitsSql, fractionSql, toNumberStatement, wholeNumberType,
  type FormatFit, type NumberFormat, type NumberType,
} from "@/lib/csv/number-format";
import { ident } from "@/lib/sql/quote";
import type { CsvEngine } from "./engine";
import type { Column } from "./mend";

export type NumberColumns = Record<string, { format: NumberFormat; type: NumberType }>;

/** Rows whose values choose the candidates; the whole column is checked before anything changes. */
const SAMPLE_ROWS = 2048;

/**
 * Text columns whose every value is a number written for people (1.234,56;
 * 1,234.56: lib/csv/number-format.ts) become numbers, in place. Columns the
 * user gave a type keep it; a column with one value that does not fit stays
 * text, whole.
 */
export async function readNumbers(
  engine: CsvEngine,
  table: string,
  columns: Column[],
  opts: { numberFormat?: NumberFormat | "plain"; delimiter: string; types: Record<string, string> },
): Promise<{ columns: Column[]; numbers: NumberColumns; seen?: NumberFormat }> {
  const candidates = opts.numberFormat === "plain" ? [] : columns.filter((c) => c.type === "VARCHAR" && !(c.name in opts.types));
  if (candidates.length === 0) return { columns, numbers: {} };
  const given = opts.numberFormat === "plain" ? undefined : opts.numberFormat;
  const [sample = {}] = await engine.rows(
    `SELECT ${candidates.flatMap((c, i) => fitAggregates(c.name, `c${i}`)).join(", ")} FROM (SELECT * FROM ${ident(table)} LIMIT ${SAMPLE_ROWS})`,
  );
  const fits = candidates.map((c, i) => ({ column: c.name, fit: only(fitFrom(sample, `c${i}`), given) }));
  const clear = fits.flatMap(({ fit }): NumberFormat[] => (fit.point === fit.comma ? [] : [fit.point ? "point" : "comma"]));
  const preferred = filePreference(given, clear, opts.delimiter);
  const chosen = fits.flatMap(({ column, fit }) => {
    const format = chooseFormat(fit, preferred);
    return format ? [{ column, format }] : [];
  });
  // The format the columns that fit only one agree on.
  const seen = filePreference(undefined, clear, "");
  if (chosen.length === 0) return { columns, numbers: {}, seen };

  const checks = chosen.flatMap(({ column, format }, i) => [
    `coalesce(bool_and(${fitsSql(column, format)}), true) AS ${ident(`fits${i}`)}`,
    `coalesce(bool_or(${fractionSql(column, format)}), false) AS ${ident(`fraction${i}`)}`,
    `coalesce(max(length(trim(${ident(column)}))), 0) AS ${ident(`longest${i}`)}`,
  ]);
  const [whole = {}] = await engine.rows(`SELECT ${checks.join(", ")} FROM ${ident(table)}`);
  const numbers: NumberColumns = {};
  for (const [i, { column, format }] of chosen.entries()) {
    if (whole[`fits${i}`] !== true) continue;
    const type: NumberType = whole[`fraction${i}`] === true ? "DOUBLE" : wholeNumberType(Number(whole[`longest${i}`]));
    await engine.rows(toNumberStatement(table, column, format, type));
    numbers[column] = { format, type };
  }
  return { columns: columns.map((c) => (numbers[c.name] ? { ...c, type: numbers[c.name]!.type } : c)), numbers, seen };
}

/** With a format given, only columns in that format are read as numbers. */
const only = (fit: FormatFit, given: NumberFormat | undefined): FormatFit =>
  given ? { ...fit, point: fit.point && given === "point", comma: fit.comma && given === "comma" } : fit;
