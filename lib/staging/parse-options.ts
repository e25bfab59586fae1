import { z } from "@/lib/zod";
import { ident, literal } from "@/lib/sql/quote";
import { isSafeTypeName } from "@/lib/sql/types";
import { NUMBER_FORMATS, NUMBER_TYPES } from "@/lib/csv/number-format";
import { MARKED_TYPES } from "@/lib/csv/missing-values";
import { FORMATS } from "./detect";

/**
 * How a staged file is read. Detected when it is staged, shown to the user,
 * changeable, and saved with the file. Unset CSV fields are left to DuckDB's
 * sniffer.
 */
export const parseOptionsSchema = z.object({
  format: z.enum(FORMATS),
  gzip: z.boolean().default(false),
  encoding: z.string().default("utf-8"),
  delimiter: z.string().max(4).optional(),
  quote: z.string().max(1).optional(),
  escape: z.string().max(1).optional(),
  header: z.boolean().optional(),
  /** Lines above the header: a title, metadata, comments. */
  skip: z.number().int().nonnegative().optional(),
  /** 2 when a line of units or descriptions follows the column names. */
  headerLines: z.number().int().min(1).max(3).optional(),
  /** Lines at the end that are notes or a second table, not rows. */
  notes: z.number().int().nonnegative().optional(),
  /** Lines starting with this character are comments. */
  comment: z.string().max(1).optional(),
  /** Spaces around every delimiter are padding, not data. */
  trimSpaces: z.boolean().optional(),
  /** Fixed-width text: the columns' first characters (0-based); empty, read as delimited text; unset, found from the first lines (lib/csv/fixed-width.ts). */
  fixedWidth: z.array(z.number().int().nonnegative()).max(10_000).optional(),
  /** The text is a Markdown table (lib/csv/markdown-table.ts), read as its cells; false, read as delimited text; unset, found from the first lines. */
  markdownTable: z.boolean().optional(),
  /** Each line is wrapped in quotes as one value (lib/csv/wrapped-lines.ts), read as the text inside them; false, read as it is; unset, found from the first lines. */
  wrappedLines: z.boolean().optional(),
  /** Every line ends in a delimiter: the empty last column is not data. */
  trailingDelimiter: z.boolean().optional(),
  /** The header names more columns than rows fill: rows end early, their last values left out (a writer that drops trailing empty values), and are read with those values empty. */
  raggedRows: z.boolean().optional(),
  /** Set-aside lines the user rewrote, by line number in the file, read in their place. */
  edits: z.array(z.object({ line: z.number().int().positive(), text: z.string().max(1_000_000) })).max(10_000).default([]),
  /** Texts that stand for an empty value (besides the empty field itself), e.g. NA or -: read as null. */
  nullValues: z.array(z.string().max(100)).max(50).optional(),
  /** A strptime format for DATE columns, e.g. %d/%m/%Y; unset, DuckDB's sniffer decides. */
  dateFormat: z.string().max(40).optional(),
  /** A strptime format for TIMESTAMP columns, e.g. %m/%d/%Y %H:%M:%S; unset, DuckDB's sniffer decides. */
  timestampFormat: z.string().max(60).optional(),
  /** How numbers are written (1,234.56 or 1.234,56); unset, each text column is checked for either; "plain": only as DuckDB reads numbers (1234.56), the rest stays text. */
  numberFormat: z.enum([...NUMBER_FORMATS, "plain"]).optional(),
  /** Objects inside JSON records and a Parquet file's structs: spread into a column per field (lib/staging/json-nested.ts), or kept as one column. */
  nestedObjects: z.enum(["columns", "keep"]).optional(),
  /** What the read found, not set by hand: the text columns read as numbers, their format and type (lib/csv/number-format.ts). */
  numbers: z.record(z.string(), z.object({ format: z.enum(NUMBER_FORMATS), type: z.enum(NUMBER_TYPES), markers: z.boolean().optional(), currency: z.string().max(8).optional(), unit: z.string().max(8).optional(), percent: z.boolean().optional(), ledger: z.boolean().optional(), magnitude: z.boolean().optional() })).optional(),
  /** What the read found, not set by hand: the text columns of numbers, dates or booleans but for missing-value markers (NA, NULL), read as that type (lib/csv/missing-values.ts). */
  missing: z.record(z.string(), z.object({ type: z.enum(MARKED_TYPES), format: z.string().max(40).optional() })).optional(),
  /** What the read found, not set by hand: the text columns of dates and timestamps written for people, read as DATE or TIMESTAMP by these formats (lib/csv/written-dates.ts). */
  writtenDates: z.record(z.string(), z.string().max(400)).optional(),
  /** What the read found, not set by hand: the text columns written as Excel text formulas (="02134"), read as the text inside (lib/csv/formula-text.ts). */
  formulaText: z.array(z.string()).optional(),
  /** What the read found, not set by hand: the text columns whose values carry a spreadsheet's text mark ('00123, or a formula guard '=A1), read without it (lib/csv/apostrophe-text.ts). */
  apostropheText: z.array(z.string()).optional(),
  /** What the read found, not set by hand: the columns with no name and no value, left out (lib/csv/empty-columns.ts). */
  emptyColumns: z.array(z.string()).optional(),
  /** What the read found, not set by hand: how many subtotal rows among the rows were set aside (lib/csv/subtotals.ts). */
  subtotals: z.number().int().positive().optional(),
  /** What the read found, not set by hand: the columns of codes read as text (their type given as VARCHAR) for a leading zero below DuckDB's sample, with that value (lib/csv/leading-zeros.ts). */
  leadingZeros: z.record(z.string(), z.string().max(100)).optional(),
  /** Column name → DuckDB type, overriding what was inferred. */
  types: z.record(z.string(), z.string()).default({}),
  /** CSV lines that do not fit: set aside (counted, shown and kept) and the rest staged, or stop with an error. */
  badLines: z.enum(["stop", "skip"]).default("skip"),
  /** false reads structurally irregular CSV (mixed line endings) leniently. */
  strict: z.boolean().default(true),
  /**
   * A statistical dataset's labelled codes (Stata, SPSS, SAS with its catalog) read as their labels (`1` as `North`,
   * the default), as the codes they are, or as codes with a column of their labels beside each (`region_label`).
   */
  valueLabels: z.enum(["labels", "codes", "both"]).optional(),
  /**
   * An SPSS file's values its variables declare missing (user-missing values: 99 for "no answer"), read as empty as
   * SPSS reads them (the default), or kept as the values they are (as their labels, where labelled).
   */
  userMissing: z.enum(["empty", "kept"]).optional(),
  /** An Excel workbook's sheet, an HTML page's or a database's table ("Table 2"), or a SAS transport library's dataset, by name. */
  sheet: z.string().optional(),
  /** The spreadsheet row (1-based) that holds the column names. */
  headerRow: z.number().int().positive().default(1),
  /** The file's column → the name a recipe knows it by (a confirmed mapping), put on once the file is read. */
  rename: z.record(z.string(), z.string()).optional(),
});

export type ParseOptions = z.infer<typeof parseOptionsSchema>;

/** Whether a statistical dataset's labelled codes are read as codes (alone, or with their labels beside). */
export const keepsCodes = (options: Pick<ParseOptions, "valueLabels">): boolean => options.valueLabels === "codes" || options.valueLabels === "both";

/** What DuckDB's sniffer decided about a CSV file. */
export interface SniffedDialect {
  delimiter: string;
  quote: string;
  escape: string;
  header: boolean;
  skip: number;
  dateFormat: string | null;
  timestampFormat: string | null;
}

export function checkTypes(types: Record<string, string>): string | null {
  const bad = Object.entries(types).find(([, t]) => !isSafeTypeName(t));
  return bad ? `"${bad[1]}" (for ${bad[0]}) is not a type name.` : null;
}

const delimiterText = (d: string) => (d === "\\t" ? "\t" : d);
export const MAX_LINE_BYTES = 32 * 1024 * 1024;

/**
 * The read_csv call for a UTF-8 file with these options, as the SQL export
 * writes it and the head preview runs it (the engine's own read of a staged
 * file is `lib/csv/read-sql.ts`): DuckDB stops at a line that does not fit,
 * or skips it, as the options say.
 */
export function readCsvSql(path: string, options: ParseOptions, extraArgs: readonly string[] = []): string {
  const args = [literal(path)];
  if (options.delimiter) args.push(`delim = ${literal(delimiterText(options.delimiter))}`);
  if (options.quote !== undefined) args.push(`quote = ${literal(options.quote)}`);
  if (options.escape !== undefined) args.push(`escape = ${literal(options.escape)}`);
  if (options.header !== undefined) args.push(`header = ${options.header}`);
  if (options.skip !== undefined) args.push(`skip = ${options.skip}`);
  if (options.comment) args.push(`comment = ${literal(options.comment)}`);
  if (options.gzip) args.push(`compression = 'gzip'`);
  if (options.raggedRows) args.push("null_padding = true", "parallel = false");
  // DuckDB's default limit is 2 MB a line; a field of several megabytes is still data.
  args.push(`max_line_size = ${MAX_LINE_BYTES}`, `buffer_size = ${2 * MAX_LINE_BYTES}`);
  if (!options.strict) args.push("strict_mode = false");
  if (options.dateFormat) args.push(`dateformat = ${literal(options.dateFormat)}`);
  if (options.timestampFormat) args.push(`timestampformat = ${literal(options.timestampFormat)}`);
  if (options.nullValues?.length) args.push(`nullstr = ${nullList(options.nullValues)}`);
  if (options.numberFormat === "comma" && delimiterText(options.delimiter ?? ",") !== ",") args.push("decimal_separator = ','");
  const types = Object.entries(options.types);
  if (types.length) args.push(`types = {${types.map(([c, t]) => `${literal(c)}: ${literal(t.trim())}`).join(", ")}}`);
  if (options.badLines === "skip") args.push("ignore_errors = true");
  return `read_csv(${[...args, ...extraArgs].join(", ")})`;
}

/** The texts read as null: the empty field, and those given. */
export const nullList = (values: readonly string[]): string => `[${["", ...values.filter((v) => v !== "")].map(literal).join(", ")}]`;

/** Apply type overrides after loading a non-CSV source. */
export function castSelect(table: string, columns: readonly string[], types: Record<string, string>): string {
  return `SELECT ${columns.map((c) => (types[c] ? `CAST(${ident(c)} AS ${types[c]!.trim()}) AS ${ident(c)}` : ident(c))).join(", ")} FROM ${ident(table)}`;
}
