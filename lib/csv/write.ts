import { isPlainNumber } from "@/lib/number";

/**
 * RFC 4180 CSV writing: comma separated, CRLF line ends, a field quoted when
 * it holds a comma, quote, CR or LF, quotes doubled. NULL is written as an
 * empty field.
 */
export interface CsvWriteOptions {
  /**
   * Prefix cells that start with = + - @ (or a tab or CR) with an apostrophe,
   * so that a spreadsheet opening the file shows them as text instead of
   * running them as formulas. Plain numbers such as -12.5 are left alone.
   */
  neutralizeFormulas: boolean;
}

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | null, options: CsvWriteOptions): string {
  if (value === null) return "";
  const text = options.neutralizeFormulas && FORMULA_START.test(value) && !isPlainNumber(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly (string | null)[], options: CsvWriteOptions): string {
  return values.map((v) => csvField(v, options)).join(",") + "\r\n";
}

/** Fields written as they are, without the formula guard: text for DuckDB to read, not for a spreadsheet. */
export const PLAIN_CSV: CsvWriteOptions = { neutralizeFormulas: false };

/**
 * CSV text in pieces of a few thousand lines: a header row of `names`, then `lines` (each a row already written,
 * its line end included). How the readers of binary formats (a database's table, a dataset) hand DuckDB their rows.
 */
export function* csvPieces(names: readonly string[], lines: Iterable<string>, linesAPiece = 4096): Generator<string> {
  let piece = [csvRow(names, PLAIN_CSV)];
  for (const line of lines) {
    piece.push(line);
    if (piece.length === linesAPiece) {
      yield piece.join("");
      piece = [];
    }
  }
  if (piece.length) yield piece.join("");
}
