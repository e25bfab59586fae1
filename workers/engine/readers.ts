import { DuckDBDataProtocol } from "@duckdb/duckdb-wasm";
import readXlsxFile from "read-excel-file/web-worker";
import { csvRow } from "@/lib/csv/write";
import { fail, ok, type Result } from "@/lib/result";
import { fromDuckDbError } from "@/lib/sql/duckdb-error";
import { ident, literal } from "@/lib/sql/quote";
import { ambiguousDatesSql, swappedDateFormat } from "@/lib/staging/dates";
import type { AmbiguousDates } from "@/lib/staging/db";
import { checksSql, wholeNumberChecks } from "@/lib/staging/json-types";
import { badLinesSql, castSelect, readCsvSql, type ParseOptions, type SniffedDialect } from "@/lib/staging/parse-options";
import { plainRows } from "./arrow-text";
import { duck, withConnection, type Connection } from "./duckdb";
import { parquetIpcBatches } from "./parquet";
import { errorText, runLong } from "./query";
import { TextError, utf8Blob } from "./text";

/**
 * Read a staged file's bytes into a DuckDB table, by format. CSV goes to
 * DuckDB's reader (lines that do not parse are kept apart with their line
 * numbers, then stop the read or are skipped, as the options say); JSON and
 * NDJSON to DuckDB's JSON reader after checking every line; Parquet through
 * parquet-wasm; Excel through read-excel-file, as CSV text.
 */
export interface ReadInfo {
  sniffed?: SniffedDialect;
  /** Read with DuckDB's strict mode off, because the strict read could not make sense of the file. */
  lenient?: boolean;
  badLines: number;
  sheets?: string[];
  ambiguousDates?: AmbiguousDates;
}

export const badLinesTable = (fileId: string) => `badlines_${fileId}`;

export async function readStaged(fileId: string, fileName: string, blob: Blob, options: ParseOptions, table: string): Promise<Result<ReadInfo>> {
  try {
    switch (options.format) {
      case "csv":
        return await readCsvLeniently(fileId, fileName, await utf8Blob(blob, options.gzip, options.encoding), options, table);
      case "json":
      case "ndjson":
        return await readJson(fileId, fileName, await (await utf8Blob(blob, options.gzip, options.encoding)).text(), options, table);
      case "parquet":
        return await readParquet(fileName, blob, options, table);
      case "xlsx":
        return await readXlsx(fileId, fileName, blob, options, table);
    }
  } catch (error) {
    if (error instanceof TextError) return fail({ file: fileName, message: error.message });
    return fail(fromDuckDbError(errorText(error), fileName));
  }
}

async function register(name: string, blob: Blob): Promise<void> {
  const { db } = await duck();
  await db.registerFileHandle(name, blob, DuckDBDataProtocol.BROWSER_FILEREADER, true);
}

/** A file whose dialect the strict reader cannot sniff (mixed line endings, say) is read leniently, and marked so. */
async function readCsvLeniently(fileId: string, fileName: string, text: Blob, options: ParseOptions, table: string): Promise<Result<ReadInfo>> {
  try {
    return await readCsv(fileId, fileName, text, options, table);
  } catch (error) {
    if (!options.strict || !/sniffing/i.test(errorText(error))) throw error;
    const lenient = await readCsv(fileId, fileName, text, { ...options, strict: false }, table);
    return lenient.ok ? ok({ ...lenient.value, lenient: true }) : lenient;
  }
}

async function readCsv(fileId: string, fileName: string, text: Blob, options: ParseOptions, table: string): Promise<Result<ReadInfo>> {
  const path = `staged-${fileId}.csv`;
  await register(path, text);
  const rejects = `rejects_${crypto.randomUUID().replaceAll("-", "")}`;
  return withConnection(async (conn) => {
    const sniffed = await sniff(conn, path, options);
    const csvOptions = { ...options, gzip: false };
    await runLong(conn, `CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * FROM ${readCsvSql(path, csvOptions, rejects)}`);
    // DuckDB creates the rejects table only in some versions when nothing was rejected.
    const [stored] = plainRows(await conn.query(`SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name = ${literal(rejects)}`));
    const bad = stored?.n ? plainRows(await conn.query(badLinesSql(rejects))) : [];
    await conn.query(
      stored?.n
        ? `CREATE OR REPLACE TABLE ${ident(badLinesTable(fileId))} AS ${badLinesSql(rejects)}`
        : `CREATE OR REPLACE TABLE ${ident(badLinesTable(fileId))} (line BIGINT, column_name VARCHAR, error_type VARCHAR, error_message VARCHAR, csv_line VARCHAR)`,
    );
    await conn.query(`DROP TABLE IF EXISTS ${ident(rejects)}`);
    await conn.query(`DROP TABLE IF EXISTS ${ident(`${rejects}_scan`)}`);
    if (bad.length && options.badLines === "stop") {
      await conn.query(`DROP TABLE IF EXISTS ${ident(table)}`);
      const first = bad[0]!;
      const more = bad.length > 1 ? ` ${bad.length} lines do not fit (lines ${bad.slice(0, 5).map((b) => b.line).join(", ")}${bad.length > 5 ? ", …" : ""}).` : "";
      return fail({
        file: fileName,
        line: Number(first.line),
        column: (first.column_name as string | null) ?? undefined,
        message: `${first.error_message} in "${String(first.csv_line).slice(0, 80)}".${more} Choose “Skip bad lines” to stage the rest; skipped lines are counted and kept.`,
      });
    }
    const ambiguousDates = options.dateFormat ? undefined : await findAmbiguousDates(conn, table, sniffed?.dateFormat);
    return ok({ sniffed, badLines: bad.length, ambiguousDates });
  });
}

/** DATE columns whose day and month could be swapped, when the sniffer's format has both. */
async function findAmbiguousDates(conn: Connection, table: string, chosen: string | null | undefined): Promise<AmbiguousDates | undefined> {
  const alternative = swappedDateFormat(chosen);
  if (!chosen || !alternative) return undefined;
  const dates = plainRows(await conn.query(`DESCRIBE ${ident(table)}`)).filter((r) => r.column_type === "DATE").map((r) => String(r.column_name));
  if (!dates.length) return undefined;
  const [flags] = plainRows(await runLong(conn, ambiguousDatesSql(table, dates)));
  const columns = dates.filter((_, i) => flags?.[`c${i}`] === true);
  return columns.length ? { columns, chosen, alternative } : undefined;
}

async function sniff(conn: Connection, path: string, options: ParseOptions): Promise<SniffedDialect | undefined> {
  try {
    const args = options.delimiter ? `, delim = ${literal(options.delimiter === "\\t" ? "\t" : options.delimiter)}` : "";
    const [row] = plainRows(await conn.query(`SELECT * FROM sniff_csv(${literal(path)}, ignore_errors = true${args})`));
    if (!row) return undefined;
    return {
      delimiter: String(row.Delimiter),
      quote: String(row.Quote ?? ""),
      escape: String(row.Escape ?? ""),
      header: Boolean(row.HasHeader),
      skip: Number(row.SkipRows ?? 0),
      dateFormat: (row.DateFormat as string | null) || null,
      timestampFormat: (row.TimestampFormat as string | null) || null,
    };
  } catch {
    return undefined;
  }
}

async function readJson(fileId: string, fileName: string, text: string, options: ParseOptions, table: string): Promise<Result<ReadInfo>> {
  let records: unknown[];
  let badLines = 0;
  if (options.format === "ndjson") {
    records = [];
    const lines = text.split(/\r?\n/);
    for (const [i, line] of lines.entries()) {
      if (!line.trim()) continue;
      try {
        records.push(JSON.parse(line));
      } catch (error) {
        if (options.badLines === "skip") badLines++;
        else return fail({ file: fileName, line: i + 1, message: `This line is not valid JSON (${(error as Error).message}). Choose “Skip bad lines” to stage the rest.` });
      }
    }
  } else {
    try {
      const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ""));
      records = Array.isArray(parsed) ? parsed : [parsed];
    } catch (error) {
      return fail({ file: fileName, message: `The file is not valid JSON: ${(error as Error).message}.` });
    }
  }
  const objects = records.filter((r): r is Record<string, unknown> => typeof r === "object" && r !== null && !Array.isArray(r));
  if (objects.length === 0) return fail({ file: fileName, message: "The file holds no JSON objects to read as rows." });
  if (objects.length < records.length) return fail({ file: fileName, message: "Every record must be a JSON object (one row each)." });
  const keys = [...new Set(objects.slice(0, 10_000).flatMap((o) => Object.keys(o)))];
  const path = `staged-${fileId}.json`;
  const { db } = await duck();
  await db.registerFileText(path, JSON.stringify(objects));
  const loaded = `${table}_json`;
  return withConnection(async (conn) => {
    await conn.insertJSONFromPath(path, { name: loaded });
    // DuckDB's JSON reader sorts columns by name and reads numbers as DOUBLE:
    // restore the file's order, and whole numbers as BIGINT.
    const described = plainRows(await conn.query(`DESCRIBE ${ident(loaded)}`)).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
    const checks = wholeNumberChecks(described);
    const whole = checks.length ? plainRows(await runLong(conn, checksSql(loaded, checks)))[0]! : {};
    const types = Object.fromEntries(checks.filter((_, i) => whole[`c${i}`] === true).map((c) => [c.name, c.type]));
    await runLong(conn, `CREATE OR REPLACE TABLE ${ident(table)} AS ${castSelect(loaded, keys, { ...types, ...options.types })}`);
    await conn.query(`DROP TABLE IF EXISTS ${ident(loaded)}`);
    await db.dropFile(path);
    return ok({ badLines });
  });
}

async function readParquet(fileName: string, blob: Blob, options: ParseOptions, table: string): Promise<Result<ReadInfo>> {
  const loaded = `${table}_parquet`;
  return withConnection(async (conn) => {
    let first = true;
    for await (const ipc of parquetIpcBatches(blob)) {
      await conn.insertArrowFromIPCStream(ipc, { name: loaded, create: first });
      first = false;
    }
    if (first) return fail({ file: fileName, message: "The Parquet file holds no rows." });
    const columns = plainRows(await conn.query(`DESCRIBE ${ident(loaded)}`)).map((r) => String(r.column_name));
    await runLong(conn, `CREATE OR REPLACE TABLE ${ident(table)} AS ${castSelect(loaded, columns, options.types)}`);
    await conn.query(`DROP TABLE IF EXISTS ${ident(loaded)}`);
    return ok({ badLines: 0 });
  });
}

async function readXlsx(fileId: string, fileName: string, blob: Blob, options: ParseOptions, table: string): Promise<Result<ReadInfo>> {
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    sheets = await readXlsxFile(blob);
  } catch (error) {
    return fail({ file: fileName, message: `This is not a readable Excel workbook (${(error as Error).message}).` });
  }
  const names = sheets.map((s) => s.sheet);
  const sheet = options.sheet ? sheets.find((s) => s.sheet === options.sheet) : sheets[0];
  if (!sheet) return fail({ file: fileName, message: `The workbook has no sheet named "${options.sheet}" (it has ${names.join(", ")}).` });
  const rows = sheet.data.slice(options.headerRow - 1);
  if (rows.length === 0) return fail({ file: fileName, message: `Sheet "${sheet.sheet}" has no rows from row ${options.headerRow} on.` });
  const text = rows.map((r) => csvRow(r.map(cellText), { neutralizeFormulas: false })).join("");
  const csv = await readCsv(fileId, fileName, new Blob([text]), { ...options, format: "csv", delimiter: ",", quote: '"', escape: '"', header: true, skip: 0 }, table);
  return csv.ok ? ok({ ...csv.value, sheets: names }) : csv;
}

function cellText(cell: unknown): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace("T", " ").replace(/\.000Z$|Z$/, "");
  }
  return String(cell);
}
