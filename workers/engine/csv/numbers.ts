import {
  chooseFormat, currencySql, filePreference, isUnit, ledgerSql, magnitudeSql, fitAggregates, fitFrom, fitsSql, fractionSql, mayBeNumber, toNumberStatement, wholeNumberType,
  type FormatFit, type NumberFormat, type NumberType,
} from "@/lib/csv/number-format";
import { markerSql } from "@/lib/csv/missing-values";
import { VALUE } from "@/lib/sql/column-values";
import { ident } from "@/lib/sql/quote";
import type { CsvEngine } from "./engine";
import { scanColumns } from "./column-scan";
import type { Column } from "./mend";

/** The columns read as numbers: their format, type, whether missing-value markers (NA) among them were made empty, their currency or unit, whether they are percentages or shortened (1.2M). */
export type NumberColumns = Record<string, { format: NumberFormat; type: NumberType; markers?: boolean; currency?: string; unit?: string; percent?: boolean; ledger?: boolean; magnitude?: boolean }>;

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
  // Each test is written once over the candidates' values (column-scan.ts): written per column, a 1,000-column
  // file's 500 columns of numbers made a 3 MB statement that ran DuckDB-WASM out of memory.
  const sample = await scanColumns(engine, table, candidates.map((c) => c.name), fitAggregates(VALUE, "c"), SAMPLE_ROWS);
  const fits = candidates.map((c) => ({ column: c.name, fit: only(fitFrom(sample.get(c.name) ?? {}, "c"), given) }));
  const clear = fits.flatMap(({ fit }): NumberFormat[] => (fit.point === fit.comma ? [] : [fit.point ? "point" : "comma"]));
  const preferred = filePreference(given, clear, opts.delimiter);
  const chosen = fits.flatMap(({ column, fit }) => {
    const format = chooseFormat(fit, preferred);
    return format ? [{ column, format }] : [];
  });
  const seen = filePreference(undefined, clear, "");
  if (chosen.length === 0) return { numbers: {}, seen };

  const whole = new Map<string, Record<string, unknown>>();
  for (const format of new Set(chosen.map((c) => c.format))) {
    const some = chosen.filter((c) => c.format === format).map((c) => c.column);
    for (const [column, row] of await scanColumns(engine, table, some, wholeChecks(format))) whole.set(column, row);
  }
  const numbers: NumberColumns = Object.assign({}, ...chosen.map(({ column, format }) => numberColumn(column, format, whole.get(column) ?? {})));
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

/** Of a column's values, in a format: whether they all fit, have a fraction, their longest, markers, currencies, percent signs, labels, ledger signs. */
function wholeChecks(format: NumberFormat): string[] {
  const value = `trim(${ident(VALUE)})`;
  const given = `FILTER (WHERE NOT ${markerSql(value)})`;
  const currency = `nullif(${currencySql(VALUE)}, '')`;
  return [
    `coalesce(bool_and(${fitsSql(VALUE, format)}), true) AS fits`,
    `coalesce(bool_or(${fractionSql(VALUE, format)}), false) AS fraction`,
    `coalesce(max(length(${value})), 0) AS longest`,
    `coalesce(bool_or(${markerSql(value)}), false) AS markers`,
    `count(DISTINCT ${currency}) AS currencies`,
    `max(${currency}) AS currency`,
    `coalesce(bool_and(contains(${value}, '%')) ${given}, false) AS percent`,
    `coalesce(bool_and(regexp_full_match(${value}, '\\(\\d+\\)')) ${given}, false) AS labels`,
    `coalesce(bool_or(${ledgerSql(VALUE)}), false) AS ledger`,
    `count(DISTINCT nullif(${magnitudeSql(VALUE)}, '')) AS magnitudes`,
    `coalesce(bool_or(${magnitudeSql(VALUE)} = '') ${given}, false) AS unshortened`,
  ];
}

/**
 * A column read as numbers, from its `wholeChecks`: one currency at most; percentages only where every value is one (5 and 5%
 * are not the same kind); whole numbers all in parentheses, (212) or (5), are labels (area codes, footnotes), not an accountant's negatives.
 */
function numberColumn(column: string, format: NumberFormat, whole: Record<string, unknown>): NumberColumns {
  const found = typeof whole.currency === "string" ? whole.currency : undefined;
  if (whole.fits !== true || Number(whole.currencies) > 1 || (found === "%" && whole.percent !== true) || whole.labels === true) return {};
  const percent = found === "%";
  // Figures shortened for people (1.2M) only with more to go on than a letter after whole numbers (a race's 5K and 10K, a flat's 2B):
  // a fraction, a currency, two letters, or figures without one.
  const magnitude = Number(whole.magnitudes) > 0;
  if (magnitude && (percent || !(whole.fraction === true || found || Number(whole.magnitudes) > 1 || whole.unshortened === true))) return {};
  const type: NumberType = whole.fraction === true || percent || magnitude ? "DOUBLE" : wholeNumberType(Number(whole.longest));
  // What is left of the values beside their numbers is a currency, or a unit (12 kg).
  const kind = { ...(percent ? { percent } : found ? (isUnit(found) ? { unit: found } : { currency: found }) : {}), ...(whole.ledger === true ? { ledger: true } : {}), ...(magnitude ? { magnitude } : {}) };
  return { [column]: { format, type, ...(whole.markers === true ? { markers: true } : {}), ...kind } };
}

/** Turn the columns found into numbers, in place; returns the table's columns with their new types. */
export async function toNumbers(engine: CsvEngine, table: string, columns: Column[], numbers: NumberColumns): Promise<Column[]> {
  for (const [column, n] of Object.entries(numbers)) await engine.rows(toNumberStatement(table, column, n.format, n.type, n));
  return columns.map((c) => (numbers[c.name] ? { ...c, type: numbers[c.name]!.type } : c));
}

/** With a format given, only columns in that format are read as numbers. */
const only = (fit: FormatFit, given: NumberFormat | undefined): FormatFit =>
  given ? { ...fit, point: fit.point && given === "point", comma: fit.comma && given === "comma" } : fit;
