import type { LineNote, TypeFinding } from "@/lib/csv/findings";
import type { ReadName } from "@/lib/csv/header-gaps";
import type { GzipCut } from "@/lib/staging/gzip-cut";
import type { Spread } from "@/lib/staging/json-nested";
import type { JsonRepairs } from "@/lib/staging/json-repairs";
import type { JsonRowsAt } from "@/lib/staging/json-rows";
import type { ParseOptions, SniffedDialect } from "@/lib/staging/parse-options";
import type { AmbiguousDates, CsvFindings, RowLines } from "@/lib/staging/staged-file";

/** What reading a staged file found, by format (readers.ts), kept with the staged file's record (tables.ts `readFindings`). */
export interface ReadInfo {
  sniffed?: SniffedDialect;
  /** The options the file was read with, detected values filled in (CSV): saved as the file's options. */
  parse?: ParseOptions;
  /** What reading a CSV file found: where every line went, what was mended and set aside. */
  csv?: CsvFindings;
  /** Read with DuckDB's strict mode off, because the strict read could not make sense of the file. */
  lenient?: boolean;
  badLines: number;
  /** An NDJSON file's lines set aside, the first ones (a CSV file's are in `csv`): each can be edited and read again. */
  setAsideLines?: LineNote[];
  sheets?: string[];
  /** A workbook's first sheet, read past as it holds no table (lib/xlsx/cover-sheet.ts); `parse.sheet` is the one read. */
  coverSheet?: string;
  ambiguousDates?: AmbiguousDates;
  /** Columns named rowid, read under another name (lib/staging/rowid-clash.ts). */
  rowidRenames?: Record<string, string>;
  /** Column names with line breaks, read without them (lib/staging/name-breaks.ts). */
  lineBreakRenames?: Record<string, string>;
  /** Columns a CSV's or a sheet's header did not name once, named by the read (lib/csv/header-gaps.ts). */
  readNames?: ReadName[];
  /** Where a JSON file's rows were found, when it is not an array of them (lib/staging/json-rows.ts). */
  jsonRowsAt?: JsonRowsAt;
  /** Summary rows (Total, Sum) left out below the table (CSV and Excel). */
  summaryRows?: string[];
  /** What a lenient JSON read changed: NaN and Infinity made empty, commas before a closing bracket left out (lib/staging/json-lenient.ts). */
  jsonRepairs?: JsonRepairs;
  /** How each row's line is told (CSV, Excel and NDJSON; other formats number their rows from 1). */
  rowLines?: RowLines;
  /** Objects inside JSON records, or a Parquet file's structs, spread into a column per field (lib/staging/json-nested.ts). */
  jsonSpread?: Spread[];
  /** Columns of numbers or dates but for a few values, read as text, of a JSON file (by record) or a sheet (by row): workers/engine/near-types.ts. */
  sheetOrJsonFindings?: TypeFinding[];
  /** The file's gzip data ends before its end: what it held was read (lib/staging/gzip-cut.ts). */
  gzipCut?: GzipCut;
}
