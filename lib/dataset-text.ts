/**
 * How the readers of statistical datasets (Stata, SPSS, SAS) write values as CSV text for DuckDB: a moment as a date
 * or a timestamp (its milliseconds when it has them), and text as UTF-8 when its bytes are.
 */
export const dateText = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const timestampText = (ms: number): string => new Date(ms).toISOString().replace("T", " ").replace(/\.000Z$|Z$/, "");

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The bytes as UTF-8 text, or null when they are not UTF-8. */
export function utf8Text(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}
