import type { LostDigits } from "@/lib/csv/lost-digits";
import type { HeaderUnits } from "@/lib/csv/units-line";
import type { ReadName } from "@/lib/csv/header-gaps";
import type { Column } from "@/lib/datasets/manifest";
import type { Recipe } from "@/lib/recipe/schema";
import type { ParseOptions, SniffedDialect } from "./parse-options";
import type { JsonRowsAt } from "./json-rows";
import type { JsonRepairs } from "./json-repairs";
import type { NulBytes } from "./nul-bytes";
import type { GzipCut } from "./gzip-cut";
import type { MendedCell } from "@/lib/xlsx/mend-cells";
import type { Spread } from "./json-nested";
import type { StagesError } from "@/lib/result";
import type { LineAccount } from "@/lib/csv/accounting";
import type { Drift } from "@/lib/recipe/drift";
import type { LineNote, TypeFinding } from "@/lib/csv/findings";

/**
 * What the staging area holds (its database is browser/staging-db.ts): a
 * staged file's record and bytes, the recipe draft per file, recipes saved
 * by name.
 */
export type StagedStatus = "reading" | "ready" | "error";

export interface StagedFile {
  id: string;
  name: string;
  size: number;
  type: string;
  sha256: string;
  addedAt: number;
  /** The name a recipe's SQL reads this file by: unique, given when staged (lib/staging/sql-name.ts). */
  sqlName: string;
  status: StagedStatus;
  /** How the file is read: detected when staged, changeable by the user. */
  parse: ParseOptions;
  /** Counts every read, so that views of the file know to refresh. */
  readCount: number;
  /** The opening text as UTF-8 and as the chosen encoding. */
  encodingSample?: { asUtf8: string; decoded: string };
  /** What DuckDB's sniffer found (CSV). */
  sniffed?: SniffedDialect;
  /** Read with DuckDB's strict mode off (the strict read could not sniff the file). */
  lenient?: boolean;
  /** Lines skipped because they did not parse (kept for download). */
  badLines?: number;
  /** Date columns whose day and month order the data cannot settle. */
  ambiguousDates?: AmbiguousDates;
  /** The name of an earlier staged file with the same bytes. */
  duplicateOf?: string;
  /** The staged file this one was cut from (a workbook's sheet, a CSV's second table): its name, checksum and the part. */
  derivedFrom?: DerivedFrom;
  /** Where the file was fetched from (a link the user gave, a share link's source), for the lineage. */
  url?: string;
  /** What reading a CSV file found: where every line went, what was mended or set aside. */
  csv?: CsvFindings;
  /** An NDJSON file's lines set aside, the first ones (a CSV file's are in `csv`): each can be edited and read again. */
  setAsideLines?: LineNote[];
  /** The workbook's sheets (Excel), or the page's tables (HTML). */
  sheets?: string[];
  /** The workbook's sheets Excel hides (a drop-down's lists), read only when chosen. */
  hiddenSheets?: string[];
  /** The workbook's first sheet, read past as it holds no table (lib/xlsx/cover-sheet.ts). */
  coverSheet?: string;
  /** The sheet's cells whose value their type does not allow, mended (lib/xlsx/mend-cells.ts): how many, and the first ones. */
  mendedCells?: { count: number; first: MendedCell[] };
  /** A dBase table's records marked deleted, left out as dBase leaves them out (lib/dbf/table.ts). */
  deletedRecords?: number;
  /** The files added with a table (a dBase table's memo file, a shapefile's geometry, a SAS dataset's catalog), kept beside its bytes and read with it; their checksums in its lineage. */
  companions?: StoredCompanion[];
  /** A dBase table's code page file (a shapefile's .cpg), added with it, and the encoding it named, which the table was first read in. */
  cpg?: { name: string; encoding: string };
  /** The coordinate system a shapefile's projection file (.prj), added with its table, names. */
  projection?: { name: string; file: string };
  /** Why a shapefile's geometry added with its table was not read (the attributes staged without it). */
  geometryUnread?: string;
  /** A dBase table's fields that point at memos not read (no memo file came with it, or pictures and objects: lib/dbf/table.ts). */
  memoFields?: string[];
  /** A SAS dataset's columns naming a user format no catalog added holds, and why a catalog added was not read (lib/sas/formats.ts). */
  sasFormats?: SasFormatFindings;
  /** What a statistical dataset says its columns are (their variable labels), by column: kept in the versions' schema. */
  columnLabels?: Record<string, string>;
  /** What a statistical dataset says it is (its label): kept as its versions' title. */
  datasetLabel?: string;
  /** The labels of the codes of a statistical dataset's labelled columns: named in the read panel, and kept in the versions' schema where the codes were read as codes. */
  codeLabels?: Record<string, CodeLabel[]>;
  /** An SPSS file's declared missing values (user-missing), in words, by column: named in the read panel (lib/spss/missing.ts). */
  declaredMissing?: Record<string, string>;
  columns?: Column[];
  rowCount?: number;
  /** Columns named rowid, read under another name (rowid-clash.ts). */
  rowidRenames?: Record<string, string>;
  /** Column names with line breaks, read without them (name-breaks.ts). */
  lineBreakRenames?: Record<string, string>;
  /** Columns a CSV's or a sheet's header did not name once, named by the read (column3, name_1). */
  readNames?: ReadName[];
  /** Where a JSON file's rows were found, when it is not an array of them (json-rows.ts). */
  jsonRowsAt?: JsonRowsAt;
  /** Summary rows (Total, Sum) left out below the table of a CSV file or a sheet, as CSV text (lib/csv/layout.ts). */
  summaryRows?: string[];
  /** What a lenient JSON read changed (json-repairs.ts). */
  jsonRepairs?: JsonRepairs;
  /** Objects inside JSON records, or a Parquet file's structs, spread into a column per field (json-nested.ts). */
  jsonSpread?: Spread[];
  /**
   * Columns of numbers or dates but for a few values, read as text, of a file not read as CSV (a CSV's are in `csv`):
   * a value's `line` is its JSON record's number, its NDJSON line, or its row in an Excel sheet or HTML table.
   */
  sheetOrJsonFindings?: TypeFinding[];
  /** The file's gzip data ends before its end: what it held was read (gzip-cut.ts). */
  gzipCut?: GzipCut;
  /** How each row's line in the file is told, for the rows a recipe rejects (read by a build before it: a header line before the rows). */
  rowLines?: RowLines;
  /** Why the file could not be read; the bytes stay staged. */
  error?: StagesError;
  /** How the file differs from the recipe last applied to it with a column match (lib/recipe/expects.ts). */
  drift?: Drift;
}

/**
 * A row's line in its file: the lines before the first row plus its number, as long as the rows follow one
 * another line by line; `table`: a table beside the staged one holds each row's line (workers/engine/csv/row-lines.ts).
 */
export interface RowLines {
  before: number;
  table?: boolean;
}

export interface CsvFindings {
  lines: LineAccount;
  setAside: LineNote[];
  repaired: LineNote[];
  /** Values that did not fit the type DuckDB guessed from a sample: their column was read as text. */
  typeFindings: TypeFinding[];
  secondTable?: { lines: number; width: number };
  /** Columns of long numbers as Excel shows them (1.23457E+11): digits lost before the file was saved, if they are codes (lib/csv/lost-digits.ts). */
  lostDigits?: LostDigits[];
  /** The units a header's second line gives the columns (lib/csv/units-line.ts). */
  units?: HeaderUnits;
  /** NUL bytes left out of the text before it was read (nul-bytes.ts). */
  nulBytes?: NulBytes;
}

export interface AmbiguousDates {
  columns: string[];
  chosen: string;
  alternative: string;
  /** The columns are TIMESTAMP columns, and the formats are the read's `timestampFormat` (else DATE, `dateFormat`). */
  timestamps?: boolean;
}

/** A staged file's bytes: a Blob, or chunks of bytes where the browser refuses Blobs in IndexedDB (WebKit's private sessions). */
export type StagedBlob = { id: string; blob: Blob } | { id: string; chunks: ArrayBuffer[] };

/** The other staged files a recipe for `own` may read (its SQL stage, its reference rules): the ready ones, read with columns. */
export const otherReadyFiles = <F extends Pick<StagedFile, "id" | "status" | "columns">>(files: readonly F[], own: string): (F & { columns: NonNullable<F["columns"]> })[] =>
  files.filter((f): f is F & { columns: NonNullable<F["columns"]> } => f.id !== own && f.status === "ready" && f.columns !== undefined);

/** The bytes of a staged file, however they were stored. */
/** Where a file made from a staged file's part came from: that file's name and checksum, and the part (sheet “Feb”). */
export interface DerivedFrom {
  name: string;
  sha256: string;
  part: string;
}

/** Where a file to stage came from, for its lineage: the staged file it was cut from, the address it was fetched from. */
export interface FileOrigin {
  derivedFrom?: DerivedFrom;
  url?: string;
  /** A dBase table's memo file, added with it (lib/dbf/memo.ts). */
  memo?: File;
  /** A shapefile's geometry (.shp), added with its attributes' table (lib/dbf/shp.ts). */
  shp?: File;
  /** A shapefile's projection (.prj), added with its attributes' table: the coordinate system its geometry is in. */
  prj?: File;
  /** A dBase table's code page file (a shapefile's .cpg), added with it: the encoding of its text (lib/dbf/companions.ts). */
  cpg?: File;
  /** A SAS format catalog (.sas7bcat), added with a SAS dataset: the labels of its columns' formats (lib/sas/catalog-files.ts). */
  catalog?: File;
}

/** A file kept with a staged table and read with it: a dBase table's memo file (.dbt, .fpt), a shapefile's geometry (.shp), a SAS dataset's format catalog (.sas7bcat). */
export type CompanionKind = "memo" | "shp" | "catalog";
export const COMPANION_KINDS: readonly CompanionKind[] = ["memo", "shp", "catalog"];

/** A code and its label (a value label: 1 is "North"). */
export interface CodeLabel {
  value: number | string;
  label: string;
}

export interface SasFormatFindings {
  unmatched: string[];
  unread?: string;
}

export interface StoredCompanion {
  kind: CompanionKind;
  name: string;
  size: number;
  sha256: string;
}

/** Where a staged table's companion file is kept in the staging area: beside its bytes, under its id and the companion's kind. */
export const companionBlobId = (fileId: string, kind: CompanionKind): string => `${fileId}.${kind}`;

export const stagedBytes = (stored: StagedBlob): Blob => ("blob" in stored ? stored.blob : new Blob(stored.chunks));

/** The recipe being edited for a staged file, kept across reloads. */
export interface RecipeDraft {
  fileId: string;
  recipe: Recipe;
  updatedAt: number;
}

export interface SavedRecipe {
  name: string;
  recipe: Recipe;
  savedAt: number;
  /** Column matches the user confirmed when applying it: a file's column → the recipe's. */
  matches?: Record<string, string>;
}

