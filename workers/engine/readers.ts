import { errorText, fail, ok, type Result } from "@/lib/result";
import { fromDuckDbError } from "@/lib/sql/duckdb-error";
import { ident } from "@/lib/sql/quote";
import { ambiguousDatesSql, swappedDateFormat } from "@/lib/staging/dates";
import { shownFormat, writtenType } from "@/lib/csv/written-dates";
import { rowidRenames } from "@/lib/staging/rowid-clash";
import { lineBreakRenames } from "@/lib/staging/name-breaks";
import { markedNameRenames, markedNamesSql, namesWithMarks } from "@/lib/staging/name-marks";
import { castSelect, parseOptionsSchema, type ParseOptions } from "@/lib/staging/parse-options";
import { CUT_LINE, withCutLine } from "@/lib/staging/gzip-cut";
import { csvEngine } from "./csv/wasm-engine";
import { countLines } from "@/lib/csv/blob-lines";
import { withLastLineBlank, type LineCount } from "@/lib/csv/lines";
import { headRows, type HeadRows } from "@/lib/csv/head-preview";
import { csvLinesOf, linesAsCsv } from "./csv/lines-as-csv";
import { CsvStopped, readCsv as readCsvText, type CsvRead } from "./csv/read";
import { findLayout, type FirstRead } from "./csv/first-read";
import { plainRows } from "./arrow-text";
import { writeBadLines } from "./bad-lines";
import { readJsonFile } from "./json";
import { withConnection, type Connection } from "./duckdb";
import { runLong } from "./query";
import type { ReadInfo } from "./read-info";
import type { AmbiguousDates, CompanionKind } from "@/lib/staging/staged-file";
import { readHtml, readXlsx, type ReadCsvText } from "./sheet";
import { readDbf } from "./dbf";
import { readSqlite } from "./sqlite";
import { SPSS, SPSS_PORTABLE } from "./spss";
import { STATA } from "./stata";
import { SAS, XPORT } from "./sas";
import { readTypedFile } from "./typed-file";
import { readArrow, readParquet } from "./arrow-files";
import { readXml } from "./xml";
import { apartFromCutLine, readableText, TextError, withoutEndOfFileMark, withoutNulBytes } from "./text";

/** The dataset files lib/ turns into CSV text, by format. */
const TYPED_FILES = { dta: STATA, sav: SPSS, por: SPSS_PORTABLE, sas7bdat: SAS, xpt: XPORT } as const;

/** What the status says while a file whose rows are read in this worker, as text, is read (before DuckDB reads that text). */
const ROWS_READ_HERE = { xlsx: "Reading the sheet", html: "Reading the page's tables", xml: "Reading the XML", sqlite: "Reading the database's pages", dbf: "Reading the dBase table" } as const;

/** Set-aside and mended lines kept in the file's record (all of them are in its table, for the grid and download). */
const MAX_SHOWN_LINES = 200;

/**
 * What staging brings to a file's first read: the blob's lines, when they were counted on the way in (used only
 * when the blob is the CSV text itself), and where the first rows of a CSV go as soon as its layout is found.
 */
export interface StagingRead {
  lines?: Promise<LineCount | undefined>;
  /** Whether a CSV's bytes hold a NUL byte: known before the read (true from the file's last read), or found as it is staged. */
  nulBytes?: boolean | Promise<boolean>;
  /** The file's bytes, read whole as it is staged (JSON it checksums in one piece), for the read to decode rather than read again. */
  bytes?: Promise<Uint8Array>;
  /** Where the first rows of a delimited text, JSON, Parquet, Arrow, Excel workbook or statistical dataset go, read before the whole file is. */
  onHead?: (head: HeadRows) => void;
  /** Rows of a typed file (a statistical dataset) loaded so far, of those it says it holds. */
  onRows?: (done: number, total?: number) => void;
  /** What the read is at, where the file is parsed in the engine's worker before DuckDB takes its rows (a sheet, a JSON text). */
  onPhase?: (phase: string, rows?: { done: number; total?: number }) => void;
  /** Called once a CSV's layout is found from its first and last lines: DuckDB's read of the whole text comes next. */
  onLayout?: () => void;
  /** The files read with a table: a dBase table's memo file, a shapefile's geometry, a SAS dataset's catalog. */
  companions?: { kind: CompanionKind; name: string; blob: Blob }[];
}

/**
 * Read a staged file's bytes into a DuckDB table, by format. CSV goes to
 * DuckDB's reader (lines that do not parse are kept apart with their line
 * numbers, then stop the read or are skipped, as the options say); JSON and
 * NDJSON parsed here and loaded as Arrow (json.ts); Parquet through
 * parquet-wasm; Excel through read-excel-file, as CSV text.
 */
export async function readStaged(fileId: string, fileName: string, blob: Blob, options: ParseOptions, table: string, staging: StagingRead = {}): Promise<Result<ReadInfo>> {
  const byFormat = await readByFormat(fileId, fileName, blob, options, table, staging);
  if (!byFormat.ok) return byFormat;
  const read: ReadInfo = { ...byFormat.value, rowLines: byFormat.value.rowLines ?? { before: 0 } };
  const renamed = await renameColumns(table, options.rename ?? {}).catch((error: unknown) => fail({ message: errorText(error) }));
  if (!renamed.ok) return fail({ file: fileName, message: `The file's columns could not take the recipe's names: ${renamed.error.message}` });
  const { rowid, breaks } = renamed.value;
  return ok({ ...read, ...(Object.keys(rowid).length ? { rowidRenames: rowid } : {}), ...(Object.keys(breaks).length ? { lineBreakRenames: breaks } : {}) });
}

/**
 * A name with line breaks is read without them (lib/staging/name-breaks.ts). Then a recipe's column names are
 * put on the file's columns (a mapping the user confirmed, lib/recipe/expects.ts), through temporary names
 * first, so that names may trade places. Then a column named rowid is given another name
 * (lib/staging/rowid-clash.ts). The first and last renames are returned.
 */
async function renameColumns(table: string, rename: Record<string, string>): Promise<Result<{ rowid: Record<string, string>; breaks: Record<string, string> }>> {
  return withConnection(async (conn) => {
    const names = async () => plainRows(await conn.query(`DESCRIBE ${ident(table)}`)).map((r) => String(r.column_name));
    const renameEach = async (renames: Record<string, string>) => {
      for (const [from, to] of Object.entries(renames)) await conn.query(`ALTER TABLE ${ident(table)} RENAME COLUMN ${ident(from)} TO ${ident(to)}`);
    };
    // First, as the mapping was made to the names the file was shown with.
    const breaks = lineBreakRenames(await names());
    await renameEach(breaks);
    const pairs = Object.entries(rename).filter(([from, to]) => from !== to);
    if (pairs.length) {
      const columns = new Set(await names());
      const lacking = pairs.find(([from]) => !columns.has(from));
      if (lacking) return fail({ message: `The file has no column "${lacking[0]}" to read as "${lacking[1]}": match its columns again.` });
      await renameEach(Object.fromEntries(pairs.map(([from], i) => [from, `_stages_renaming_${i}`])));
      await renameEach(Object.fromEntries(pairs.map(([, to], i) => [`_stages_renaming_${i}`, to])));
    }
    const clash = rowidRenames(await names());
    await renameEach(clash);
    return ok({ rowid: clash, breaks });
  });
}

async function readByFormat(fileId: string, fileName: string, blob: Blob, options: ParseOptions, table: string, staging: StagingRead): Promise<Result<ReadInfo>> {
  try {
    switch (options.format) {
      case "csv": {
        const known = staging.nulBytes === true;
        const read = await readCsvFile(fileId, fileName, blob, options, table, staging, known);
        // NUL bytes past the text's first 64 KB, found as the file was staged (in the checksum's pass): read again without them.
        if (known || (read.ok && read.value.csv?.nulBytes) || !(await staging.nulBytes)) return read;
        return await readCsvFile(fileId, fileName, blob, options, table, { ...staging, onHead: undefined }, true);
      }
      case "json":
      case "ndjson":
        return await readJsonFile(fileId, fileName, blob, options, table, staging);
      case "parquet":
        return await readParquet(fileName, blob, options, table, staging.onHead);
      case "arrow":
        return await readArrow(fileName, blob, options, table, staging.onHead);
      case "xlsx":
      case "html":
      case "xml":
      case "sqlite":
      case "dbf": {
        // Read into rows of text in this worker first, which the status says, then handed to DuckDB as CSV text.
        staging.onPhase?.(ROWS_READ_HERE[options.format]);
        const readText: ReadCsvText = (text, asCsv, first) => {
          staging.onPhase?.("Reading into DuckDB");
          return readCsv(fileId, fileName, text, asCsv, table, first);
        };
        if (options.format === "xlsx") {
          const onRowsRead = (done: number, total?: number) => staging.onPhase?.(ROWS_READ_HERE.xlsx, { done, ...(total ? { total } : {}) });
          return await readXlsx(fileName, blob, options, readText, { onHead: staging.onHead, onRowsRead });
        }
        if (options.format === "html") return await readHtml(fileName, blob, options, readText);
        if (options.format === "xml") return await readXml(fileName, blob, options, readText);
        if (options.format === "sqlite") return await readSqlite(fileName, blob, options, readText);
        return await readDbf(fileName, blob, options, readText, staging.companions ?? []);
      }
      case "dta":
      case "sav":
      case "sas7bdat":
      case "xpt":
      case "por":
        return await readTypedFile(fileName, blob, options, table, TYPED_FILES[options.format], { companions: staging.companions, onHead: staging.onHead, onRows: staging.onRows });
    }
  } catch (error) {
    if (error instanceof TextError) return fail({ file: fileName, message: error.message });
    return fail(fromDuckDbError(errorText(error), fileName));
  }
}

/** A CSV file (its bytes, maybe gzip, in any encoding) read into the table; with `stripNul`, without any NUL byte in it. */
async function readCsvFile(fileId: string, fileName: string, blob: Blob, options: ParseOptions, table: string, staging: StagingRead, stripNul: boolean): Promise<Result<ReadInfo>> {
  const { text: inflated, gzipCut, nul } = await readableText(blob, options.gzip, options.encoding);
  // Gzip data cut off ends in a line cut off too: it is set aside after the read, not read as a row (unless edited).
  const { text: decoded, cutLine } = gzipCut ? await apartFromCutLine(inflated, options.edits) : { text: inflated, cutLine: "" };
  const { text: unmarked, lineLeftBlank } = await withoutEndOfFileMark(decoded);
  const { text, nulBytes } = await withoutNulBytes(unmarked, stripNul || nul === true);
  // Lines counted as the file was staged are the file's own: the mark's line, if it had one, is blank now.
  const counted = decoded === blob && !nulBytes ? staging.lines?.then((l) => (l && lineLeftBlank ? withLastLineBlank(l) : l) ?? countLines(text)) : undefined;
  // The layout needs no DuckDB: found first, the first rows show at once, while DuckDB starts or reads.
  const found = await findLayout(text, options);
  staging.onLayout?.();
  // Lines wrapped in quotes, fixed-width columns or a Markdown table are read as the CSV text of their lines, line for line.
  const { converter, options: shaped } = csvLinesOf(found, options);
  if (staging.onHead) {
    // Their first rows are their first lines as turned, shown before the whole text is.
    const shown = converter ? await findLayout(new Blob(found.sample.head.map(converter())), shaped) : found;
    const head = headRows(shown.sample.head, shown.layout);
    if (head) staging.onHead(head);
  }
  const read = converter
    ? // Their lines are counted as turned: a rule under the header is a blank line there.
      await linesAsCsv(text, converter()).then(async (csv) => readCsv(fileId, fileName, csv, shaped, table, { found: await findLayout(csv, shaped) }, cutLine))
    : await readCsv(fileId, fileName, text, shaped, table, { counted, found }, cutLine);
  if (!read.ok || !read.value.csv) return read;
  return ok({ ...read.value, ...(gzipCut ? { gzipCut } : {}), csv: { ...read.value.csv, ...(nulBytes ? { nulBytes } : {}) } });
}

/**
 * A CSV of four lines read the way a staged file is, once the engine has started: DuckDB-WASM compiles
 * each function the first time it runs, so the first file staged paid for its CSV reader.
 */
export async function warmCsvReader(): Promise<void> {
  const text = new Blob(["id,name,amount,day\n1,a,1.5,2024-01-02\n2,b,2.5,2024-01-03\n3,c,,2024-01-04\n"]);
  const table = "_stages_warm_csv";
  await withConnection(async (conn) => {
    try {
      await readCsvText(csvEngine(conn), text, parseOptionsSchema.parse({ format: "csv" }), table, "warm.csv");
    } finally {
      await conn.query(`DROP TABLE IF EXISTS ${ident(table)}`);
    }
  });
}

/** A CSV text read into the table; `cutLine`, the text of a line cut off after it (gzip-cut.ts), is set aside. */
async function readCsv(fileId: string, fileName: string, text: Blob, options: ParseOptions, table: string, first?: FirstRead, cutLine = ""): Promise<Result<ReadInfo>> {
  return withConnection(async (conn) => {
    let read: CsvRead;
    try {
      read = await readCsvText(csvEngine(conn), text, options, table, `staged-${fileId}.csv`, first);
    } catch (error) {
      if (error instanceof CsvStopped) return fail({ file: fileName, line: error.line, message: error.message });
      throw error;
    }
    if (cutLine) {
      const line = read.lines.total + 1;
      if (options.badLines === "stop") return fail({ file: fileName, line, message: `Line ${line} is ${CUT_LINE}. Choose “Set aside the lines that do not fit” to stage the rest.` });
      read = withCutLine(read, cutLine);
    }
    await writeBadLines(conn, fileId, read.notes);
    const ambiguousDates =
      (options.dateFormat ? undefined : await findAmbiguousDates(conn, table, "DATE", read.dateFormat)) ??
      (options.timestampFormat ? undefined : await findAmbiguousDates(conn, table, "TIMESTAMP", read.timestampFormat)) ??
      (options.dateFormat || options.timestampFormat ? undefined : await findAmbiguousWritten(conn, table, read.options.writtenDates));
    const o = read.options;
    return ok({
      sniffed: { delimiter: o.delimiter!, quote: o.quote!, escape: o.escape!, header: o.header!, skip: o.skip!, dateFormat: read.dateFormat ?? null, timestampFormat: read.timestampFormat ?? null },
      badLines: read.lines.setAside,
      lenient: read.lenient || undefined,
      ambiguousDates,
      parse: o,
      rowLines: read.rowLines,
      csv: {
        lines: read.lines,
        setAside: read.notes.filter((n) => n.status === "set aside").slice(0, MAX_SHOWN_LINES),
        repaired: read.notes.filter((n) => n.status === "repaired").slice(0, MAX_SHOWN_LINES),
        typeFindings: read.typeFindings,
        secondTable: read.secondTable ?? undefined,
        ...(read.lostDigits.length ? { lostDigits: read.lostDigits } : {}),
        ...(read.units ? { units: read.units } : {}),
      },
      ...(read.readNames.length ? { readNames: read.readNames } : {}),
      ...(read.summaryRows.length ? { summaryRows: read.summaryRows } : {}),
    });
  });
}

/** DATE (or TIMESTAMP) columns whose day and month could be swapped, when the sniffer's format for them has both. */
async function findAmbiguousDates(conn: Connection, table: string, type: "DATE" | "TIMESTAMP", chosen: string | null | undefined): Promise<AmbiguousDates | undefined> {
  const alternative = swappedDateFormat(chosen);
  if (!chosen || !alternative) return undefined;
  const dates = plainRows(await conn.query(`DESCRIBE ${ident(table)}`)).filter((r) => r.column_type === type).map((r) => String(r.column_name));
  if (!dates.length) return undefined;
  const [flags] = plainRows(await runLong(conn, ambiguousDatesSql(table, dates)));
  const columns = dates.filter((_, i) => flags?.[`c${i}`] === true);
  return columns.length ? { columns, chosen, alternative, ...(type === "TIMESTAMP" ? { timestamps: true } : {}) } : undefined;
}

/**
 * Columns of dates written for people (lib/csv/written-dates.ts) by a format whose day and month could be swapped,
 * where every day is 12 or less: read the first way, for the user to turn. Timestamps are turned by the read's
 * `timestampFormat`, with which DuckDB reads them itself.
 */
async function findAmbiguousWritten(conn: Connection, table: string, written: Record<string, string> | undefined): Promise<AmbiguousDates | undefined> {
  const chosen = Object.values(written ?? {}).map(shownFormat).find((format) => swappedDateFormat(format) && writtenType(format) !== "TIME");
  if (!chosen) return undefined;
  const dates = Object.entries(written!).filter(([, format]) => shownFormat(format) === chosen).map(([name]) => name);
  const [flags] = plainRows(await runLong(conn, ambiguousDatesSql(table, dates)));
  const columns = dates.filter((_, i) => flags?.[`c${i}`] === true);
  const timestamps = writtenType(chosen) !== "DATE";
  return columns.length ? { columns, chosen, alternative: swappedDateFormat(chosen)!, ...(timestamps ? { timestamps } : {}) } : undefined;
}
