import {
  chooseFormat, currencySql, filePreference, ledgerSql, fitAggregates, fitFrom, fitsSql, fractionSql, mayBeNumber, toNumberStatement, wholeNumberType,
  type FormatFit, type NumberFormat, type NumberType,
} from "@/lib/csv/number-format";
import { markerSql } from "@/lib/csv/missing-values";
import { ident } from "@/lib/sql/quote";
import type { CsvEngine } from "./engine";
import type { Column } from "./mend";

/** The columns read as numbers: their format, type, whether missing-value markers (NA) among them were made empty, their currency or whether they are percentages. */
export type NumberColumns = Record<string, { format: NumberFormat; type: NumberType; markers?: boolean; currency?: string; percent?: boolean; ledger?: boolean }>;

/** Rows whose values choose the candidates; the whole column is checked before anything changes. */
const SAMPLE_ROWS = 2048;
/** The first rows, read as values first: a column with one that fits neither format is left out of the sample's aggregates. */
const PEEK_ROWS = 64;

/**
 * The text columns whose every value is a number written for people
 * (1.234,56; 1,234.56: lib/csv/number-format.ts), with their format and
 * type; nothing is changed yet (`toNumbers` does it). Columns the user gave
 * a type keep it; a column with one value that does not fit, or with
 * amounts in two currencies, stays text, whole. `seen`: the format the columns that fit only one agree on.
 */
export async function findNumbers(
  engine: CsvEngine,
  table: string,
  columns: readonly Column[],
  opts: { numberFormat?: NumberFormat | "plain"; delimiter: string; types: Record<string, string> },
): Promise<{ numbers: NumberColumns; seen?: NumberFormat }> {
  const textColumns = opts.numberFormat === "plain" ? [] : columns.filter((c) => c.type === "VARCHAR" && !(c.name in opts.types));
  const candidates = await mayHoldNumbers(engine, table, textColumns);
  if (candidates.length === 0) return { numbers: {} };
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
  const seen = filePreference(undefined, clear, "");
  if (chosen.length === 0) return { numbers: {}, seen };

  const checks = chosen.flatMap(({ column, format }, i) => {
    const value = `trim(${ident(column)})`;
    const given = `FILTER (WHERE NOT ${markerSql(value)})`;
    const currency = `nullif(${currencySql(column)}, '')`;
    return [
      `coalesce(bool_and(${fitsSql(column, format)}), true) AS ${ident(`fits${i}`)}`,
      `coalesce(bool_or(${fractionSql(column, format)}), false) AS ${ident(`fraction${i}`)}`,
      `coalesce(max(length(${value})), 0) AS ${ident(`longest${i}`)}`,
      `coalesce(bool_or(${markerSql(value)}), false) AS ${ident(`markers${i}`)}`,
      `count(DISTINCT ${currency}) AS ${ident(`currencies${i}`)}`,
      `max(${currency}) AS ${ident(`currency${i}`)}`,
      `coalesce(bool_and(contains(${value}, '%')) ${given}, false) AS ${ident(`percent${i}`)}`,
      `coalesce(bool_and(regexp_full_match(${value}, '\\(\\d+\\)')) ${given}, false) AS ${ident(`labels${i}`)}`,
      `coalesce(bool_or(${ledgerSql(column)}), false) AS ${ident(`ledger${i}`)}`,
    ];
  });
  const [whole = {}] = await engine.rows(`SELECT ${checks.join(", ")} FROM ${ident(table)}`);
  const numbers: NumberColumns = {};
  for (const [i, { column, format }] of chosen.entries()) {
    const found = typeof whole[`currency${i}`] === "string" ? (whole[`currency${i}`] as string) : undefined;
    // One currency at most; percentages only where every value is one (5 and 5% are not the same kind); whole
    // numbers all in parentheses, (212) or (5), are labels (area codes, footnotes), not an accountant's negatives.
    if (whole[`fits${i}`] !== true || Number(whole[`currencies${i}`]) > 1 || (found === "%" && whole[`percent${i}`] !== true) || whole[`labels${i}`] === true) continue;
    const percent = found === "%";
    const type: NumberType = whole[`fraction${i}`] === true || percent ? "DOUBLE" : wholeNumberType(Number(whole[`longest${i}`]));
    const kind = { ...(percent ? { percent } : found ? { currency: found } : {}), ...(whole[`ledger${i}`] === true ? { ledger: true } : {}) };
    numbers[column] = { format, type, ...(whole[`markers${i}`] === true ? { markers: true } : {}), ...kind };
  }
  return { numbers, seen };
}

/**
 * The columns whose first rows' values may all be numbers. The rows left out
 * are among the sample's, so they would fit neither format there either
 * (the sample's aggregates on a 200-column file's 40 text columns took 0.5 s).
 */
async function mayHoldNumbers(engine: CsvEngine, table: string, columns: readonly Column[]): Promise<Column[]> {
  if (columns.length === 0) return [];
  const rows = await engine.rows(`SELECT ${columns.map((c, i) => `${ident(c.name)} AS ${ident(`c${i}`)}`).join(", ")} FROM ${ident(table)} LIMIT ${PEEK_ROWS}`);
  return columns.filter((_, i) => rows.every((row) => typeof row[`c${i}`] !== "string" || mayBeNumber(row[`c${i}`] as string)));
}

/** Turn the columns found into numbers, in place; returns the table's columns with their new types. */
export async function toNumbers(engine: CsvEngine, table: string, columns: Column[], numbers: NumberColumns): Promise<Column[]> {
  for (const [column, { format, type, percent }] of Object.entries(numbers)) await engine.rows(toNumberStatement(table, column, format, type, percent));
  return columns.map((c) => (numbers[c.name] ? { ...c, type: numbers[c.name]!.type } : c));
}

/** With a format given, only columns in that format are read as numbers. */
const only = (fit: FormatFit, given: NumberFormat | undefined): FormatFit =>
  given ? { ...fit, point: fit.point && given === "point", comma: fit.comma && given === "comma" } : fit;
