import { ident, literal } from "@/lib/sql/quote";
import { isMissingMarker, markerSql } from "./missing-values";

/**
 * Numbers written for people: a decimal comma (1.234,56, as Excel writes them
 * in most of Europe) or digit groups (1,234.56; 1 234,56). DuckDB's sniffer
 * leaves such columns as text, and its own `thousands` option would read an
 * address like 192.168.1.1 as 19216811 and 1.5 as 15: so a column is read as
 * numbers only when every one of its values is a whole match of one format
 * (lakhs and crores too, as India groups them: 1,23,456.78),
 * checked over the whole column, and nothing else is touched. Amounts of
 * money are numbers too: a currency's symbol or code before or after the
 * number ($1,234.56; 1.234,56 €; USD 5), one currency per column, and a
 * negative in parentheses as accountants write it ((1,234.56)), as Excel
 * reads them. So are percentages (12.5%), as fractions (0.125) as Excel reads
 * them, when every value of the column is one. Bank statements mark amounts
 * CR or DR (credit, debit: 1,245.50 CR, 4.50 DR): a debit is a negative.
 * Figures shortened for people ($1.2M, 350K, 2.1B, 1.5k, $3MM, €2bn) are
 * thousands, millions and billions (workers/engine/csv/numbers.ts reads a
 * column so only on evidence beyond the letters: 5K and 10K stay text).
 * Numbers with a unit after them (12 kg, 3.5 GB, 21.5 °C), one unit per
 * column, are numbers in that unit, which the version's schema keeps.
 */
export const NUMBER_FORMATS = ["point", "comma"] as const;
export type NumberFormat = (typeof NUMBER_FORMATS)[number];
export type NumberType = "BIGINT" | "HUGEINT" | "DOUBLE";
export const NUMBER_TYPES = ["BIGINT", "HUGEINT", "DOUBLE"] as const satisfies readonly NumberType[];

/** How a format looks, for people. */
export const NUMBER_EXAMPLE: Record<NumberFormat, string> = { point: "1,234.56", comma: "1.234,56" };

// Digit groups: the other format's decimal mark, a space, a no-break space, a narrow one, an apostrophe (Swiss).
const SPACES = " '\u00a0\u202f";
const GROUP: Record<NumberFormat, string> = { point: `[,${SPACES}]`, comma: `[.${SPACES}]` };
const DECIMAL: Record<NumberFormat, string> = { point: "\\.", comma: "," };
// Lakhs and crores, as India writes them (1,23,456.78): groups of two digits before the last three.
const INDIAN: Record<NumberFormat, string> = { point: "[1-9]\\d?(,\\d{2})+,\\d{3}|", comma: "" };

// A currency: a symbol (with the letters some put before it: US$, R$) or a code.
const CURRENCY = "(?:[A-Z]{0,2}\\p{Sc}|USD|EUR|GBP|JPY|CHF|CAD|AUD|NZD|CNY|HKD|SGD|INR|SEK|NOK|DKK|PLN|CZK|HUF|BRL|MXN|ZAR|KRW|ILS|kr|zł|Kč)";
const GAP = "[ \u00a0\u202f]?";
// A sign: typeset tables (a web page's, a report's) write a minus as U+2212.
const SIGN = "[+\\-\u2212]";
// Credit or debit after an amount, as bank statements write them (1,245.50 CR; 4.50 DR): a debit is a negative.
const LEDGER = "(?:CR|DR|Cr|Dr)";
const LEDGER_SUFFIX = `[ \u00a0]?${LEDGER}$`;
// Thousands, millions and billions as figures are shortened for people: K (k), M (MM, as finance writes it), B (bn).
const MAGNITUDE = "(?:MM|bn|[KkMB])";
// A unit after a number (12 kg, 3.5 GB, 21.5 °C, 120 km/h), as an export or a sensor writes it: none holds a digit
// (3 m2 would read as 32), and none is one capital letter (a seat's 12 A, a size's 2 B): the magnitude's K, M and B are not units.
const UNIT = "(?:kg|g|mg|µg|lbs?|oz|km|m|cm|mm|µm|nm|mi|ft|in|yd|km²|m²|cm²|ha|acres?|m³|cm³|l|ml|mL|cl|dl|gal|kWh|MWh|Wh|kW|MW|mAh|Hz|kHz|MHz|GHz|°C|°F|ºC|h|hrs?|mins?|s|secs?|ms|µs|ns|KB|kB|MB|GB|TB|KiB|MiB|GiB|TiB|bytes?|px|pt|mph|km/h|m/s|kn|rpm|kcal|cal|mmHg|mbar|bar|hPa|kPa|Pa|psi|dB|ppm)";
/** A unit alone, whole (what is left of a value once its number is gone: lib/csv/number-format.ts currencySql). */
export const isUnit = (text: string): boolean => UNIT_ALONE.test(text);
const UNIT_ALONE = new RegExp(`^${UNIT}$`, "u");
/** A value (trimmed) that ends in a magnitude after its digits. */
export const MAGNITUDE_SUFFIX = `[0-9]${GAP}${MAGNITUDE}$`;

/**
 * A whole value (trimmed) written in this format: RE2 (DuckDB) and JavaScript (with the u flag) read it alike.
 * No zero before its other digits (0,5 but not 0123,5): a code, as DuckDB's sniffer and the markers' casts keep
 * it. The sign goes first (a typeset minus, U+2212, too), or a minus last, as SAP writes it (1.234,56-); a currency before or after the number,
 * the sign before either; or the amount in parentheses, a negative. Excel's accounting format, saved as CSV,
 * writes $(1,234.56) for a negative and $ - for zero. Or a percentage (12,5 %).
 */
export function numberPattern(format: NumberFormat): string {
  const body = `([1-9]\\d{0,2}(${GROUP[format]}\\d{3})+|${INDIAN[format]}0|[1-9]\\d*)(${DECIMAL[format]}\\d+)?`;
  const after = `(?:${GAP}${CURRENCY})?`;
  return [
    `(?:${CURRENCY}${GAP})?(?:${SIGN}?${body}|${body}-)${after}`,
    `${SIGN}${CURRENCY}${GAP}${body}${after}`,
    `(?:${CURRENCY}${GAP})?\\(${GAP}(?:${CURRENCY}${GAP})?${body}${after}${GAP}\\)`,
    `${CURRENCY}${GAP}-`,
    `${SIGN}?${body}${GAP}%`,
    `(?:${CURRENCY}${GAP})?${body}${after}${GAP}${LEDGER}`,
    `(?:${CURRENCY}${GAP})?${SIGN}?${body}${GAP}${MAGNITUDE}`,
    `${SIGN}?${body}${GAP}${UNIT}`,
  ].map((form) => `(?:${form})`).join("|");
}

const WHOLE_MATCH = NUMBER_FORMATS.map((format) => new RegExp(`^(?:${numberPattern(format)})$`, "u"));

/**
 * False when the value (trimmed) fits neither format: a column holding it is
 * no column of numbers. (JavaScript trims more kinds of space than DuckDB's
 * trim, and neither format lets a value start or end with a space.)
 */
export function mayBeNumber(value: string): boolean {
  const trimmed = value.trim();
  return isMissingMarker(trimmed) || WHOLE_MATCH.some((pattern) => pattern.test(trimmed));
}

/** SQL: the value trimmed, null for a missing-value marker (NA, NULL: lib/csv/missing-values.ts), which every format lets through. */
const valueSql = (column: string) => `CASE WHEN ${markerSql(`trim(${ident(column)})`)} THEN NULL ELSE trim(${ident(column)}) END`;

/** What a text column's values say: which formats every value fits, with at least one value more than digits. */
export interface FormatFit {
  point: boolean;
  comma: boolean;
  /** Both formats give the same numbers (no value has a comma or a point: 1 234). */
  same: boolean;
}

/** SQL aggregates (over a column's non-null values) that make its FormatFit, named after `alias`. */
export function fitAggregates(column: string, alias: string): string[] {
  const c = ident(column);
  return [
    `coalesce(bool_and(${fitsSql(column, "point")}), false) AS ${ident(`${alias}_point`)}`,
    `coalesce(bool_and(${fitsSql(column, "comma")}), false) AS ${ident(`${alias}_comma`)}`,
    `coalesce(bool_or(NOT regexp_full_match(${valueSql(column)}, '[+-]?\\d+')), false) AS ${ident(`${alias}_marked`)}`,
    `coalesce(bool_and(NOT regexp_matches(${c}, '[.,]')), true) AS ${ident(`${alias}_same`)}`,
  ];
}

export function fitFrom(row: Record<string, unknown>, alias: string): FormatFit {
  const marked = row[`${alias}_marked`] === true;
  return { point: marked && row[`${alias}_point`] === true, comma: marked && row[`${alias}_comma`] === true, same: row[`${alias}_same`] === true };
}

/**
 * The format a column is read in: the one its values fit, or, when they fit
 * both (1,234 is 1.234 or 1234), the file's: the user's choice, else what
 * other columns showed, else the delimiter's custom (a semicolon goes with a
 * decimal comma, a comma with a decimal point). Null: stays text.
 */
export function chooseFormat(fit: FormatFit, preferred: NumberFormat | undefined): NumberFormat | null {
  if (fit.point && fit.comma) return fit.same ? (preferred ?? "comma") : (preferred ?? null);
  return fit.point ? "point" : fit.comma ? "comma" : null;
}

/** The file's preference for columns that fit both: the user's, else the one the other columns agree on, else the delimiter's. */
export function filePreference(given: NumberFormat | undefined, unambiguous: readonly NumberFormat[], delimiter: string): NumberFormat | undefined {
  if (given) return given;
  const seen = new Set(unambiguous);
  if (seen.size === 1) return [...seen][0];
  if (seen.size > 1) return undefined;
  return delimiter === ";" ? "comma" : delimiter === "," ? "point" : undefined;
}

/** SQL: true when the (non-null) value is a whole match of the format. */
export function fitsSql(column: string, format: NumberFormat): string {
  return `regexp_full_match(${valueSql(column)}, ${literal(numberPattern(format))})`;
}

/** SQL: true when the value has a decimal part in this format. */
export function fractionSql(column: string, format: NumberFormat): string {
  return `contains(${ident(column)}, ${literal(format === "comma" ? "," : ".")})`;
}

/** SQL: what is left of a value that fits a format once its digits, marks, signs and parentheses are gone: its currency, % or ''. */
export function currencySql(column: string): string {
  const unmarked = `regexp_replace(regexp_replace(${valueSql(column)}, ${literal(LEDGER_SUFFIX)}, ''), ${literal(`([0-9])${GAP}${MAGNITUDE}$`)}, '\\1')`;
  return `regexp_replace(${unmarked}, '[0-9.,+()\u2212${SPACES.replace("'", "''")}-]', '', 'g')`;
}

/** SQL: a value's magnitude letter (K, M, MM, B, bn), or '' for none. */
export function magnitudeSql(column: string): string {
  return `regexp_extract(${valueSql(column)}, ${literal(`[0-9]${GAP}(${MAGNITUDE})$`)}, 1)`;
}

/** SQL: true when the value ends with CR or DR (a bank statement's credit or debit). */
export function ledgerSql(column: string): string {
  return `regexp_matches(${valueSql(column)}, ${literal(LEDGER_SUFFIX)})`;
}

/**
 * SQL: the value as a number (it fits the format): its digits and decimal mark, negative with a minus, in
 * parentheses or marked DR; a currency and a dash alone (Excel's accounting zero) is 0; a percentage a hundredth (its
 * decimal point moved, so 12.34% is 0.1234, not 12.34 / 100). A column some other read (the exported
 * script's) already typed as a number is only cast.
 */
export function toNumberSql(column: string, format: NumberFormat, type: NumberType, { percent = false, magnitude = false }: Scale = {}): string {
  const c = ident(column);
  const value = `trim(CAST(${c} AS VARCHAR))`;
  const digits = `regexp_replace(${value}, ${literal(format === "comma" ? "[^0-9,]" : "[^0-9.]")}, '', 'g')`;
  const number = format === "comma" ? `replace(${digits}, ',', '.')` : digits;
  const exponent = `CASE regexp_extract(${value}, ${literal(`[0-9]${GAP}(${MAGNITUDE})$`)}, 1) WHEN 'K' THEN 'e3' WHEN 'k' THEN 'e3' WHEN 'M' THEN 'e6' WHEN 'MM' THEN 'e6' WHEN 'B' THEN 'e9' WHEN 'bn' THEN 'e9' ELSE '' END`;
  const text = percent ? `${number} || 'e-2'` : magnitude ? `${number} || ${exponent}` : number;
  const debit = `regexp_matches(${value}, 'D[Rr]$')`;
  const signed = `CASE WHEN ${digits} = '' THEN '0' WHEN contains(${value}, '(') OR contains(${value}, '-') OR contains(${value}, '\u2212') OR ${debit} THEN '-' || ${text} ELSE ${text} END`;
  return `CASE WHEN typeof(${c}) <> 'VARCHAR' THEN CAST(${c} AS ${type}) WHEN ${markerSql(value)} THEN NULL ELSE CAST(${signed} AS ${type}) END`;
}

/** The statement that turns a checked column into numbers, in place. */
export function toNumberStatement(table: string, column: string, format: NumberFormat, type: NumberType, scale: Scale = {}): string {
  return `ALTER TABLE ${ident(table)} ALTER COLUMN ${ident(column)} SET DATA TYPE ${type} USING ${toNumberSql(column, format, type, scale)}`;
}

/** What a column's values are of: hundredths (percentages), or thousands, millions and billions by their letter. */
export interface Scale {
  percent?: boolean;
  magnitude?: boolean;
}

/**
 * The type for a column of whole numbers (no decimal part) whose longest value, separators included,
 * has this many characters: BIGINT holds any 18 digits, HUGEINT any 38; past that, DOUBLE.
 */
export function wholeNumberType(longest: number): NumberType {
  return longest <= 18 ? "BIGINT" : longest <= 38 ? "HUGEINT" : "DOUBLE";
}

const PERCENT_EXAMPLE: Record<NumberFormat, string> = { point: "12.5%, read as 0.125", comma: "12,5 %, read as 0.125" };
const MAGNITUDE_EXAMPLE: Record<NumberFormat, string> = { point: "1.2M", comma: "1,2M" };

/** What the read did with numbers written for people, in words; null when it did nothing. */
export function describeNumbers(parse: {
  numberFormat?: NumberFormat | "plain";
  numbers?: Record<string, { format: NumberFormat; markers?: boolean; currency?: string; unit?: string; percent?: boolean; ledger?: boolean; magnitude?: boolean }>;
}): string | null {
  // A column of plain numbers read here only for its missing-value markers is said with the markers (missing-values.ts).
  const columns = Object.entries(parse.numbers ?? {}).filter(([, n]) => !(n.markers && n.format === "point" && !n.currency && !n.unit && !n.percent && !n.ledger && !n.magnitude));
  const written = new Map<string, string[]>();
  for (const format of NUMBER_FORMATS) {
    for (const [name, n] of columns.filter(([, n]) => n.format === format)) {
      const amount = n.currency ? `${NUMBER_EXAMPLE[format]}, in ${n.currency}` : n.unit ? `${NUMBER_EXAMPLE[format]} ${n.unit}` : NUMBER_EXAMPLE[format];
      const how = n.percent
        ? PERCENT_EXAMPLE[format]
        : n.magnitude
          ? `${n.currency ?? ""}${MAGNITUDE_EXAMPLE[format]}, K, M and B read as thousands, millions and billions`
          : n.ledger
            ? `${amount}, marked CR or DR, DR read as negative`
            : amount;
      written.set(how, [...(written.get(how) ?? []), name]);
    }
  }
  const parts = [...written].map(([how, names]) => `${names.join(", ")} (written as ${how})`);
  if (parse.numberFormat === "comma" && !columns.some(([, n]) => n.format === "comma")) parts.push("numbers with a decimal comma (1,5)");
  return parts.length ? `Read as numbers: ${parts.join("; ")}.` : null;
}
