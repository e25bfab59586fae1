/**
 * Whole numbers in JSON longer than a double holds exactly (beyond 2^53:
 * snowflake IDs, bank references). `JSON.parse` rounds them
 * (12345678901234567890 becomes 12345678901234567000), so a text that held
 * one is parsed again with each whole number of 16 digits or more written
 * as a string that carries a mark: the records keep its digits, and the
 * loader types its column (lib/staging/json-records.ts) and writes the
 * digits for DuckDB, which reads them as BIGINT or HUGEINT.
 */

/** Starts a marked number's string: a private-use character, and a text that holds it already is not marked. */
export const LONG_MARK = "\uE000long:";

/** A long whole number where a value stands: after `:`, `,` or `[`, before `,`, `}` or `]`. */
const BETWEEN_VALUES = /([:,[]\s*)(-?\d{16,})(?=\s*[,}\]])/g;
/** A JSON string, quotes and escapes included: what a token walk passes over whole. */
export const JSON_STRING = String.raw`"[^"\\]*(?:\\.[^"\\]*)*"`;
/** A string, or a long whole number outside strings, not part of a fraction or an exponent. */
const TOKENS = new RegExp(String.raw`${JSON_STRING}|(?<![\w.+-])-?\d{16,}(?![\d.eE])`, "g");

/**
 * `JSON.parse`, keeping long whole numbers as marked strings of their
 * digits. Marking first takes numbers where a value stands (fast, no
 * callback); a string holding such text (`"[12345678901234567890]"`) makes
 * that marking invalid JSON, and then strings are told apart token by token.
 */
export function parseJsonExact(text: string): unknown {
  const parsed: unknown = JSON.parse(text);
  if (!holdsUnsafeInteger(parsed) || text.includes(LONG_MARK)) return parsed;
  for (const mark of [markBetweenValues, markLongIntegers]) {
    try {
      return JSON.parse(mark(text));
    } catch {
      // A long number matched inside a string: mark token by token.
    }
  }
  return parsed;
}

const markBetweenValues = (text: string): string => text.replace(BETWEEN_VALUES, `$1"${LONG_MARK}$2"`);

/** The JSON text with every long whole number outside strings written as a marked string. */
export function markLongIntegers(text: string): string {
  return text.replace(TOKENS, (token) => (token.startsWith('"') ? token : `"${LONG_MARK}${token}"`));
}

/** Whether a parsed value holds a whole number a double may have rounded (stops at the first). */
function holdsUnsafeInteger(value: unknown): boolean {
  if (typeof value === "number") return Number.isInteger(value) && !Number.isSafeInteger(value);
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return value.some(holdsUnsafeInteger);
  for (const key in value) if (holdsUnsafeInteger((value as Record<string, unknown>)[key])) return true;
  return false;
}

/** The digits of a marked number, or undefined for any other value. */
export function longDigits(value: unknown): string | undefined {
  return typeof value === "string" && value.startsWith(LONG_MARK) ? value.slice(LONG_MARK.length) : undefined;
}

/** JSON text of records that hold marked numbers, with each one written as the string of its digits. */
export function unmarkLong(json: string): string {
  return json.includes(LONG_MARK) ? json.replaceAll(LONG_MARK, "") : json;
}
