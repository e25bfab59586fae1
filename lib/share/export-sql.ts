import type { GzipCut } from "@/lib/staging/gzip-cut";
import { spreadSql, type Spread } from "@/lib/staging/json-nested";
import type { Column } from "@/lib/datasets/manifest";
import { compilePipeline, finalPrefix, pipelineNames, RECIPE_SCHEMA, REJECT_LINE, statementSql, transformedViewSql } from "@/lib/recipe/pipeline";
import type { References } from "@/lib/recipe/references";
import type { Recipe } from "@/lib/recipe/schema";
import { ident, literal } from "@/lib/sql/quote";
import type { ParseOptions } from "@/lib/staging/parse-options";
import { featureRowsSql } from "@/lib/staging/geojson";
import type { JsonRowsAt } from "@/lib/staging/json-rows";
import type { JsonRepairs } from "@/lib/staging/json-repairs";
import type { DerivedFrom, RowLines, StagedFile } from "@/lib/staging/staged-file";
import { formulaTextStatement } from "@/lib/csv/formula-text";
import { apostropheTextStatement } from "@/lib/csv/apostrophe-text";
import { emptyColumnsSql } from "@/lib/csv/empty-columns";
import { toNumberStatement } from "@/lib/csv/number-format";
import { markedStatement } from "@/lib/csv/missing-values";
import { COMPACT_DATE, writtenDateStatement } from "@/lib/csv/written-dates";
import { readCsvSql } from "@/lib/staging/parse-options";

/**
 * A recipe as a DuckDB script that reproduces the pipeline outside the
 * browser: read the source, check the rules, run the steps and SQL, write
 * the rejected rows (CSV) and the final rows (Parquet, zstd). It is the same
 * SQL the browser runs, from the same compiler. The other staged files the
 * recipe reads (its SQL, its reference rules) are read from their files too,
 * under their SQL names.
 *
 * The script runs in the DuckDB CLI with full access to files, so nothing from
 * the recipe may end a comment or a statement: names in comments are one line
 * of printable text, names in SQL are quoted (lib/sql/quote.ts), fragments are
 * spliced as the engine splices them (lib/sql/fragment.ts), and the SQL stage
 * ends on a line of its own.
 */
export interface ExportSource {
  /** The file name the script reads, relative to where it runs (or a path). */
  path: string;
  parse: ParseOptions;
  columns: Column[];
  /** Columns named rowid, read under another name, as the browser reads them (lib/staging/rowid-clash.ts). */
  rowidRenames?: Record<string, string>;
  /** Column names with line breaks, read without them (lib/staging/name-breaks.ts). */
  lineBreakRenames?: Record<string, string>;
  /** Where a JSON file's rows are, when it is not an array of them (lib/staging/json-rows.ts). */
  jsonRowsAt?: JsonRowsAt;
  /** How its rows' lines are told in the browser (staged-file.ts). */
  rowLines?: RowLines;
  /** What the browser's lenient JSON read changed (lib/staging/json-repairs.ts). */
  jsonRepairs?: JsonRepairs;
  /** Objects inside JSON records spread into a column per field (lib/staging/json-nested.ts). */
  jsonSpread?: Spread[];
  /** The file's gzip data ends before its end (lib/staging/gzip-cut.ts). */
  gzipCut?: GzipCut;
  /** How many lines (or JSON records) the browser set aside. */
  setAside?: number;
  /** The staged file this one was made from in the browser (a workbook's sheet, a page's table, a CSV's second table). */
  derivedFrom?: DerivedFrom;
  /** Where the file was fetched from. */
  url?: string;
}

const STAGED = "staged";

const MADE_FROM = (path: string, from: DerivedFrom) =>
  `${path} was made in the browser from ${from.part} of ${from.name} (sha256 ${from.sha256}): save that part as CSV under this name next to the script before running it.`;

const CUT_GZIP = (path: string) =>
  `the gzip data of ${path} ends before its end, which DuckDB's reader refuses; the browser read what it held and set aside the line it ends in. Inflate it first (gzip -dc, which says the same and writes what it held), take out that last line, and read that file here instead.`;

/** A staged file as the script reads it: by its name, next to the script, with what its read found. */
export function exportSource(file: StagedFile): ExportSource {
  return { path: file.name, parse: file.parse, columns: file.columns ?? [], rowidRenames: file.rowidRenames, lineBreakRenames: file.lineBreakRenames, jsonRowsAt: file.jsonRowsAt, rowLines: file.rowLines, jsonRepairs: file.jsonRepairs, jsonSpread: file.jsonSpread, gzipCut: file.gzipCut, setAside: file.badLines, derivedFrom: file.derivedFrom, url: file.url };
}

/** The columns the browser's read renames: a column named rowid, and names with line breaks. */
const readRenames = (source: ExportSource): Record<string, string> => ({ ...source.rowidRenames, ...source.lineBreakRenames });

/** The source read as the browser reads it: its rows where the browser found them, a column named rowid renamed, names without line breaks. */
function readSql(source: ExportSource): string | null {
  const read = fileSql(source);
  const renames = Object.entries(readRenames(source)).map(([from, to]) => `${ident(from)} AS ${ident(to)}`);
  return read && renames.length ? `(SELECT * RENAME (${renames.join(", ")}) FROM ${read})` : read;
}

/** The rows of the list of objects under `at.path` in the JSON file `file`; of a GraphQL connection's edges, their nodes. */
function listRowsSql(file: string, at: JsonRowsAt): string {
  const list = at.path.map(ident).join(".");
  return `(SELECT unnest(${at.edges ? `list_transform(${list}, e -> e.node)` : list}, max_depth := 2) FROM read_json_auto(${file}))`;
}

function fileSql(source: ExportSource): string | null {
  const p = literal(source.path);
  // JSON values one after another, in a file named JSON or NDJSON: objects, which DuckDB's reader finds by itself; arrays of them, each read as one value.
  if (source.jsonRowsAt?.sequence) return source.jsonRowsAt.pages ? `(SELECT unnest(json, max_depth := 2) FROM read_json_auto(${p}, records = false))` : `read_json_auto(${p})`;
  switch (source.parse.format) {
    case "csv":
      return source.parse.fixedWidth?.length || source.parse.markdownTable || source.parse.wrappedLines ? null : (source.parse.headerLines ?? 1) > 1 && source.parse.header !== false ? twoLineHeaderSql(source) : readCsvSql(source.path, typedAsRead(source));
    case "parquet":
      return `read_parquet(${p})`;
    case "json":
      if (source.jsonRowsAt?.arrays || source.jsonRowsAt?.frame) return null;
      if (source.jsonRowsAt?.features) return featureRowsSql(`read_json_auto(${p})`, source.jsonRowsAt.features.id);
      return source.jsonRowsAt ? listRowsSql(p, source.jsonRowsAt) : `read_json_auto(${p})`;
    case "ndjson":
      return `read_json_auto(${p}, format = 'newline_delimited')`;
    case "xlsx":
    case "html":
    case "xml":
    case "sqlite":
    case "dbf":
    case "dta":
    case "sav":
    case "sas7bdat":
    case "xpt":
    case "arrow":
    case "por":
      return null;
  }
}

/** A column's name as the read gives it, before any rowid or line-break rename. */
const readName = (source: ExportSource) => {
  const original = Object.fromEntries(Object.entries(readRenames(source)).map(([from, to]) => [to, from]));
  return (name: string) => original[name] ?? name;
};

/** A CSV with a header of two lines: both skipped, the columns named as the browser named them. */
function twoLineHeaderSql(source: ExportSource): string {
  const names = source.columns.map((c) => readName(source)(c.name));
  return readCsvSql(source.path, { ...typedAsRead(source), header: false, skip: (source.parse.skip ?? 0) + (source.parse.headerLines ?? 2) }, [`names = [${names.map(literal).join(", ")}]`]);
}

/**
 * The CSV read's options with some columns typed as the browser read them: those it typed as dates written for people
 * as text, since DuckDB reads a column of ISO dates whose times come further down than its sample as DATE, dropping
 * the times (whole numbers written yyyymmdd stay numbers); and its DOUBLE columns as DOUBLE, since DuckDB reads a
 * column of whole numbers whose fractions come further down as BIGINT, rounding them (lib/csv/whole-numbers.ts).
 */
function typedAsRead(source: ExportSource): ParseOptions {
  const { writtenDates = {}, numbers = {}, missing = {}, types } = source.parse;
  const text = Object.entries(writtenDates).filter(([, format]) => format !== COMPACT_DATE).map(([column]): [string, string] => [column, "VARCHAR"]);
  const doubles = source.columns.filter((c) => c.type === "DOUBLE" && !(c.name in numbers) && !(c.name in missing)).map((c): [string, string] => [c.name, "DOUBLE"]);
  const given = [...text, ...doubles].filter(([column]) => !(column in types));
  return given.length ? { ...source.parse, types: { ...types, ...Object.fromEntries(given.map(([column, type]) => [readName(source)(column), type])) } } : source.parse;
}

/** Another staged file the recipe reads, by the SQL name it reads it by. */
export interface OtherSource extends ExportSource {
  sqlName: string;
}

const ARRAYS = "Rows written as arrays of values, as lists of columns, as a pandas frame keyed by row or as records keyed by their ids cannot be read by DuckDB's JSON reader as rows: write them as objects, one per row (pandas: orient=\"records\").";
const HTML = "An HTML table cannot be read by DuckDB: save the table as CSV and stage that.";
const XML = "An XML document cannot be read by DuckDB: save its rows as CSV and stage that.";
const SQLITE = "A SQLite database's table is read by Stages as text and typed from its values, which DuckDB's sqlite extension does not: save the table as CSV (sqlite3 -csv) and stage that.";
const DBF = "A dBase table cannot be read by DuckDB without its spatial extension: save it as CSV and stage that.";
const STATA = "A Stata dataset cannot be read by DuckDB: export it from Stata as CSV (export delimited) and stage that.";
const SPSS = "An SPSS data file cannot be read by DuckDB: save it from SPSS or PSPP as CSV and stage that.";
const ARROW = "An Arrow IPC (Feather) file cannot be read by DuckDB without an extension (the nanoarrow community extension's read_arrow): save it as Parquet and stage that.";
const SAS = "A SAS dataset cannot be read by DuckDB: export it from SAS as CSV (PROC EXPORT) and stage that.";
const EXCEL = "Excel workbooks cannot be read by DuckDB without its excel extension: save the sheet as CSV and stage that.";
const FIXED_WIDTH = "Fixed-width text cannot be read by DuckDB's CSV reader: save it as CSV and stage that.";
const MARKDOWN = "A Markdown table cannot be read by DuckDB's CSV reader as its cells: save it as CSV and stage that.";
const WRAPPED = "Lines each wrapped in quotes as one value cannot be read by DuckDB's CSV reader as their fields: save the file again as plain CSV and stage that.";
function unreadable(source: ExportSource): string {
  if (source.jsonRowsAt?.arrays || source.jsonRowsAt?.frame) return ARRAYS;
  if (source.parse.fixedWidth?.length) return FIXED_WIDTH;
  if (source.parse.markdownTable) return MARKDOWN;
  if (source.parse.wrappedLines) return WRAPPED;
  return source.parse.format === "html" ? HTML : source.parse.format === "xml" ? XML : source.parse.format === "sqlite" ? SQLITE : source.parse.format === "dbf" ? DBF : source.parse.format === "dta" ? STATA : source.parse.format === "sav" || source.parse.format === "por" ? SPSS : source.parse.format === "sas7bdat" || source.parse.format === "xpt" ? SAS : source.parse.format === "arrow" ? ARROW : EXCEL;
}

export function exportSql(recipe: Recipe, source: ExportSource, outputStem: string, others: readonly OtherSource[] = []): { ok: true; script: string } | { ok: false; reason: string } {
  const read = readSql(source);
  if (!read) return { ok: false, reason: unreadable(source) };
  const otherReads = others.map((o) => ({ other: o, read: readSql(o), table: `${RECIPE_SCHEMA}.${ident(o.sqlName)}` }));
  const other = otherReads.find((o) => !o.read);
  if (other) return { ok: false, reason: `${other.other.path}: ${unreadable(other.other)}` };
  const names = pipelineNames("stages");
  const references: References = new Map(otherReads.map((o) => [o.other.sqlName, { table: o.table, columns: o.other.columns }]));
  const compiled = compilePipeline(STAGED, source.columns, recipe, names, { references, headerLines: source.rowLines?.before ?? 1 });
  if (!compiled.ok) return { ok: false, reason: compiled.problem.reason };
  const script = [
    `-- Stages recipe${recipe.name ? ` "${commentText(recipe.name)}"` : ""}, exported for the DuckDB CLI.`,
    `-- Run it next to ${commentText(source.path)}: duckdb < ${commentText(outputStem)}.sql`,
    ...(source.url ? [`-- ${commentText(source.path)} was fetched from ${commentText(source.url)}.`] : []),
    ...others.map((o) => `-- It also reads ${commentText(o.path)} (as ${commentText(o.sqlName)}), next to it.`),
    ...readDifferences(source.parse, source.rowLines, source.jsonRepairs, source.setAside).map((d) => `-- Read differently from the browser: ${commentText(d)}`),
    ...(source.gzipCut ? [`-- Read differently from the browser: ${commentText(CUT_GZIP(source.path))}`] : []),
    ...(source.derivedFrom ? [`-- ${commentText(MADE_FROM(source.path, source.derivedFrom))}`] : []),
    `CREATE OR REPLACE TABLE ${STAGED} AS SELECT * FROM ${read};`,
    ...spreadSql(STAGED, source.jsonSpread ?? [], source.columns.map((c) => c.name)).map((sql) => `${sql};`),
    ...Object.entries(source.parse.numbers ?? {}).map(([column, n]) => `${toNumberStatement(STAGED, column, n.format, n.type, n)};`),
    ...Object.entries(source.parse.missing ?? {}).map(([column, m]) => `${markedStatement(STAGED, column, m.type, m.format)};`),
    ...Object.entries(source.parse.writtenDates ?? {}).map(([column, format]) => `${writtenDateStatement(STAGED, column, format)};`),
    ...(source.parse.formulaText ?? []).map((column) => `${formulaTextStatement(STAGED, column)};`),
    ...(source.parse.apostropheText ?? []).map((column) => `${apostropheTextStatement(STAGED, column)};`),
    ...emptyColumnsSql(STAGED, source.parse.emptyColumns ?? []).map((sql) => `${sql};`),
    `CREATE SCHEMA IF NOT EXISTS ${RECIPE_SCHEMA};`,
    ...otherReads.map((o) => `CREATE OR REPLACE TABLE ${o.table} AS SELECT * FROM ${o.read};`),
    ...compiled.statements.map((s) => `${statementSql(s)};`),
    `${transformedViewSql(names)};`,
    `SET search_path = '${RECIPE_SCHEMA}';`,
    `${finalPrefix(names)}${compiled.finalSql}\n;`,
    "RESET search_path;",
    `COPY (SELECT * FROM ${ident(names.rejected)} ORDER BY ${REJECT_LINE}) TO ${literal(`${outputStem}-rejected.csv`)} (HEADER);`,
    `COPY ${ident(names.final)} TO ${literal(`${outputStem}-final.parquet`)} (FORMAT parquet, COMPRESSION zstd);`,
    `SELECT (SELECT count(*) FROM ${STAGED}) AS rows_in, (SELECT count(*) FROM ${ident(names.rejected)}) AS rows_rejected, (SELECT count(*) FROM ${ident(names.final)}) AS rows_final;`,
    "",
  ];
  return { ok: true, script: script.join("\n") };
}

/**
 * What the browser's CSV reading does that DuckDB's read_csv in the script
 * cannot (lib/csv: notes below the table, a two-line header, padding, lines
 * edited in place, lines mended): said at the top of the script, so nobody
 * takes a different read for the same one.
 */
export function readDifferences(parse: ParseOptions, rowLines?: RowLines, jsonRepairs?: JsonRepairs, setAside = 0): string[] {
  const json = parse.format === "json" || parse.format === "ndjson";
  const stops = json && setAside > 0 ? [`DuckDB's JSON reader stops at the ${setAside} line(s) or record(s) the browser set aside (not valid JSON, or not an object; listed in the set-aside lines' download): fix or remove them in the file.`] : [];
  const commas = jsonRepairs?.trailingCommas ? [`DuckDB's JSON reader stops at the ${jsonRepairs.trailingCommas} comma(s) before a closing bracket, which the browser left out: take them out of the file.`] : [];
  const leftOut = [
    ...(jsonRepairs?.comments ? [`DuckDB's JSON reader stops at the ${jsonRepairs.comments} comment(s), which the browser left out: take them out of the file.`] : []),
    ...(jsonRepairs?.script ? ["DuckDB's JSON reader cannot read the JavaScript around the JSON, which the browser left out: take it out of the file, leaving the JSON alone."] : []),
  ];
  const extended = [
    ...(jsonRepairs?.extended ? [`DuckDB's JSON reader keeps MongoDB's extended JSON ({"$oid": …}, {"$date": …}) as structs of one field, which the browser read as plain values.`] : []),
    ...(jsonRepairs?.caseKeys?.length
      ? [`DuckDB's JSON reader reads keys that differ only in case as columns of their own (the second with _1 after its name), which the browser read as one: ${jsonRepairs.caseKeys.map((keys) => keys.join(" and ")).join("; ")}.`]
      : []),
  ];
  if (parse.format !== "csv" && parse.format !== "ndjson") return [...stops, ...commas, ...leftOut, ...extended];
  const apart = rowLines?.table ? "a rejected row's line is counted as if no blank line or line set aside came between rows." : "";
  const lineEnds = [
    jsonRepairs?.lineCommas ? `DuckDB's JSON reader stops at the ${jsonRepairs.lineCommas} line(s) ending in a comma, which the browser read without it: take the commas out of the file.` : "",
    jsonRepairs?.lineMarks ? `DuckDB's JSON reader stops at the ${jsonRepairs.lineMarks} line(s) starting with a byte-order mark, which the browser read without it: take the marks out of the file.` : "",
  ].filter(Boolean);
  const edited = parse.edits.length ? [`${parse.edits.length} line(s) edited in the browser are read as the file has them.`] : [];
  if (parse.format === "ndjson") return [...stops, ...commas, ...leftOut, ...extended, ...lineEnds, ...edited, ...(apart ? [apart] : [])];
  return [
    apart,
    parse.notes ? `the ${parse.notes} line(s) below the table are read too (as rows, or rejected by DuckDB).` : "",
    parse.subtotals ? `the ${parse.subtotals} subtotal row(s) among the rows, set aside in the browser, are read as rows: a sum over them counts their rows twice.` : "",
    parse.trimSpaces ? "spaces around values are not trimmed." : "",
    ...edited,
    "lines the browser mended, if any (a stray quote, another delimiter, a missing value), are skipped by DuckDB when they do not parse.",
  ].filter(Boolean);
}

/** Text for a `--` comment: one line, printable (every line or paragraph separator and control character becomes a space). */
export const commentText = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
