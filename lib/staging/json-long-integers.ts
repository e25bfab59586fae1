/**
 * Whole numbers in JSON longer than a double holds exactly (16 digits and
 * more: snowflake IDs, bank references). `JSON.parse` rounds them
 * (12345678901234567890 becomes 12345678901234567000), so before parsing,
 * each such number outside a string is written as a string that carries a
 * mark: the records keep its digits, and the loader types its column
 * (lib/staging/json-records.ts) and writes the digits for DuckDB, which
 * reads them as BIGINT or HUGEINT.
 */

/** Starts a marked number's string: a private-use character, and a text that holds it already is not marked. */
export const LONG_MARK = "\uE000long:";

/** A string, or a number outside strings: integers of 16 digits or more, not part of a fraction or an exponent. */
const TOKENS = /"[^"\\]*(?:\\.[^"\\]*)*"|(?<![\w.+-])-?\d{16,}(?![\d.eE])/g;
const LONG_DIGITS = /\d{16}/;

/** `JSON.parse`, keeping long whole numbers as marked strings of their digits. */
export function parseJsonExact(text: string): unknown {
  return JSON.parse(markLongIntegers(text));
}

/** The JSON text with its long whole numbers written as marked strings; the text as it is when it has none. */
export function markLongIntegers(text: string): string {
  if (!LONG_DIGITS.test(text) || text.includes(LONG_MARK)) return text;
  return text.replace(TOKENS, (token) => (token.startsWith('"') ? token : `"${LONG_MARK}${token}"`));
}

/** The digits of a marked number, or undefined for any other value. */
export function longDigits(value: unknown): string | undefined {
  return typeof value === "string" && value.startsWith(LONG_MARK) ? value.slice(LONG_MARK.length) : undefined;
}

/** JSON text of records that hold marked numbers, with each one written as the string of its digits. */
export function unmarkLong(json: string): string {
  return json.includes(LONG_MARK) ? json.replaceAll(LONG_MARK, "") : json;
}
