import { ident, literal } from "@/lib/sql/quote";
import { nullList } from "@/lib/staging/parse-options";
import type { Dialect } from "./records";

/**
 * The read_csv call the engine runs over the body of a CSV file (the bytes
 * between the lines above the header and the notes below the table). The
 * dialect is always given; DuckDB's sniffer only decides types, or nothing
 * (`sniff: false`, every column text) when it cannot make sense of the file.
 * Lines that do not fit are always kept in a rejects table, with their byte
 * position, to be mended or set aside.
 */
export interface CsvReadPlan {
  path: string;
  dialect: Dialect;
  header: boolean;
  /** Column names to use (a header of two lines, or when sniffing is off). */
  names?: readonly string[];
  comment?: string;
  strict: boolean;
  sniff: boolean;
  types: Record<string, string>;
  dateFormat?: string;
  timestampFormat?: string;
  /** Texts read as null besides the empty field. */
  nullValues?: readonly string[];
  /** Rows may end before the header's last columns: they are read with those values empty (DuckDB's null padding, which its parallel reader cannot do with quoted line breaks). */
  nullPadding?: boolean;
  /** Numbers have a decimal comma (1,5): DuckDB then takes 1.200 for text, not 1.2 (never with a comma delimiter). */
  decimalComma?: boolean;
  rejects: string;
  maxLineBytes: number;
  /** Columns read as DOUBLE and made BIGINT value by value, a fraction stopping the read (whole-numbers.ts). */
  whole?: readonly string[];
}

/** The rows DuckDB's sniffer types columns from (its `sample_size`): values further down are cast to those types. */
export const SNIFFED_ROWS = 20_480;

/** The whole-number columns the read checks: those of `whole` given no type of their own, when the sniffer runs. */
export const wholeChecked = (p: CsvReadPlan): readonly string[] => (p.sniff ? (p.whole ?? []).filter((c) => !(c in p.types)) : []);

export function csvReadCall(p: CsvReadPlan): string {
  const args = [
    literal(p.path),
    `delim = ${literal(p.dialect.delimiter)}`,
    `quote = ${literal(p.dialect.quote)}`,
    `escape = ${literal(p.dialect.escape)}`,
    `header = ${p.header}`,
    `max_line_size = ${p.maxLineBytes}`,
    `buffer_size = ${2 * p.maxLineBytes}`,
  ];
  if (p.comment) args.push(`comment = ${literal(p.comment)}`);
  if (p.nullValues?.length) args.push(`nullstr = ${nullList(p.nullValues)}`);
  if (!p.strict) args.push("strict_mode = false");
  if (p.nullPadding) args.push("null_padding = true", "parallel = false");
  if (p.decimalComma && p.dialect.delimiter !== ",") args.push("decimal_separator = ','");
  if (p.sniff) {
    if (p.names) args.push(`names = [${p.names.map(literal).join(", ")}]`);
    const types = [...Object.entries(p.types), ...wholeChecked(p).map((c) => [c, "DOUBLE"] as const)];
    if (types.length) args.push(`types = {${types.map(([c, t]) => `${literal(c)}: ${literal(t.trim())}`).join(", ")}}`);
    if (p.dateFormat) args.push(`dateformat = ${literal(p.dateFormat)}`);
    if (p.timestampFormat) args.push(`timestampformat = ${literal(p.timestampFormat)}`);
  } else {
    args.push("auto_detect = false", `columns = {${(p.names ?? []).map((n) => `${literal(n)}: 'VARCHAR'`).join(", ")}}`);
  }
  args.push("ignore_errors = true", "store_rejects = true", `rejects_table = ${literal(p.rejects)}`, `rejects_scan = ${literal(`${p.rejects}_scan`)}`);
  return `read_csv(${args.join(", ")})`;
}

/**
 * The lines DuckDB rejected, one row per line (a line can break several
 * rules): error types and the columns of cast errors as text lists joined by
 * a newline (error_type is an ENUM, which crosses to JS poorly as a list).
 */
export const rejectedLinesSql = (rejects: string) =>
  `SELECT line_byte_position::BIGINT AS pos, any_value(csv_line) AS text, string_agg(DISTINCT error_type::VARCHAR, chr(10)) AS errors, string_agg(DISTINCT column_name, chr(10)) FILTER (error_type::VARCHAR = 'CAST') AS cast_columns FROM ${ident(rejects)} GROUP BY pos ORDER BY pos`;

/** Names for columns as a reader would make them: empty ones numbered, repeats suffixed. */
export function columnNames(fields: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return fields.map((f, i) => {
    const base = f.trim() === "" ? `column${i}` : f;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}_${n}`;
  });
}
