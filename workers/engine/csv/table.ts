import { columnNames, csvReadCall, rejectedLinesSql, type CsvReadPlan } from "@/lib/csv/read-sql";
import { errorText } from "@/lib/result";
import { ident, literal } from "@/lib/sql/quote";
import type { CsvEngine } from "./engine";
import type { Column, Rejected } from "./mend";

/**
 * The DuckDB statements of a CSV read: the table from the body, the lines it
 * rejected, and what is done to the table once it reads clean.
 */
const SNIFF_FAILED = /sniff|state machine|invalid state|Error when/i;

/**
 * Text of this size is read into a table that is not compressed. Choosing and
 * applying DuckDB's compression (dictionary, FSST, bit packing, ALP) takes
 * about a fifth of a read into the database file, and compressed text is
 * decompressed at every read after; the table then holds about the text's
 * size in DuckDB's 2 GB buffer pool instead of a fifth of it, which a big file
 * cannot afford. Below 16 MB the types found first (a second sniff of the
 * file) cost more than compressing (see docs/BENCHMARKS.md).
 */
const UNCOMPRESSED_FROM_BYTES = 16 * 1024 * 1024;
const UNCOMPRESSED_UP_TO_BYTES = 256 * 1024 * 1024;
export const keepsUncompressed = (bytes: number) => bytes >= UNCOMPRESSED_FROM_BYTES && bytes <= UNCOMPRESSED_UP_TO_BYTES;

/** The body read into the table, every column of it uncompressed when asked. */
async function fillTable(engine: CsvEngine, table: string, read: string, uncompressed: boolean): Promise<void> {
  if (!uncompressed) {
    await engine.rows(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * FROM ${read}`);
    return;
  }
  const columns = await describeRelation(engine, `SELECT * FROM ${read}`);
  const list = columns.map((c) => `${ident(c.name)} ${c.type} USING COMPRESSION uncompressed`).join(", ");
  await engine.rows(`CREATE OR REPLACE TABLE ${ident(table)} (${list})`);
  try {
    await engine.rows(`INSERT INTO ${ident(table)} SELECT * FROM ${read}`);
  } catch (error) {
    // A read that fails leaves no empty table behind, as a CREATE TABLE AS would not.
    await engine.rows(`DROP TABLE IF EXISTS ${ident(table)}`).catch(() => undefined);
    throw error;
  }
}

/**
 * Read the body into the table: strict first; a file DuckDB's sniffer cannot
 * make sense of is read leniently, then with every column as text. Returns
 * the plan that read it, and the lines DuckDB rejected.
 */
export async function createTable(engine: CsvEngine, table: string, plan: CsvReadPlan, width: number, headerFields: readonly string[], bytes: number): Promise<{ plan: CsvReadPlan; rejected: Rejected[] }> {
  const fields = plan.names ?? headerFields;
  const names = columnNames([...fields, ...Array<string>(Math.max(0, width - fields.length)).fill("")]);
  const attempts = [plan, { ...plan, strict: false }, { ...plan, strict: false, sniff: false, names }];
  let last: unknown;
  for (const attempt of attempts) {
    try {
      await fillTable(engine, table, csvReadCall(attempt), keepsUncompressed(bytes));
      const rejected = (await engine.rows(rejectedLinesSql(attempt.rejects))) as unknown as Rejected[];
      await engine.rows(`DROP TABLE IF EXISTS ${ident(attempt.rejects)}`);
      await engine.rows(`DROP TABLE IF EXISTS ${ident(`${attempt.rejects}_scan`)}`);
      return { plan: attempt, rejected };
    } catch (error) {
      last = error;
      if (!SNIFF_FAILED.test(errorText(error))) throw error;
    }
  }
  throw last;
}

export const describe = (engine: CsvEngine, table: string): Promise<Column[]> => describeRelation(engine, ident(table));

/** The columns of a table, or of a query (what it would return, bound but not run). */
async function describeRelation(engine: CsvEngine, relation: string): Promise<Column[]> {
  return (await engine.rows(`DESCRIBE ${relation}`)).map((d) => ({ name: String(d.column_name), type: String(d.column_type) }));
}

/** The date format the sniffer chose, when the table has DATE columns (a sample, not a scan). */
export async function sniffedDateFormat(engine: CsvEngine, columns: readonly Column[], body: Blob, plan: CsvReadPlan): Promise<string | undefined> {
  if (!plan.sniff || !columns.some((c) => c.type === "DATE")) return undefined;
  const name = `${plan.path}.sniff`;
  await engine.register(name, body);
  try {
    const d = plan.dialect;
    const [row] = await engine.rows(`SELECT DateFormat FROM sniff_csv(${literal(name)}, delim = ${literal(d.delimiter)}, quote = ${literal(d.quote)}, escape = ${literal(d.escape)}, header = ${plan.header}, ignore_errors = true)`);
    return (row?.DateFormat as string | null) || undefined;
  } catch {
    return undefined;
  } finally {
    await engine.unregister(name).catch(() => undefined);
  }
}

/** Drop the empty column a delimiter ending every line makes; trim padding around delimiters (files too big to trim as text). Returns the columns left. */
export async function finish(engine: CsvEngine, table: string, columns: Column[], opts: { trailingDelimiter?: boolean; trimSpaces?: boolean }): Promise<Column[]> {
  const last = columns[columns.length - 1];
  if (opts.trailingDelimiter && last && columns.length > 1) {
    const [row] = await engine.rows(`SELECT count(${ident(last.name)})::BIGINT AS n FROM ${ident(table)}`);
    if (Number(row?.n) === 0) {
      await engine.rows(`ALTER TABLE ${ident(table)} DROP COLUMN ${ident(last.name)}`);
      columns = columns.slice(0, -1);
    }
  }
  if (opts.trimSpaces && columns.some((c) => c.type === "VARCHAR" || c.name !== c.name.trim())) {
    const list = columns.map((c) => `${c.type === "VARCHAR" ? `trim(${ident(c.name)})` : ident(c.name)} AS ${ident(c.name.trim())}`).join(", ");
    await engine.rows(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT ${list} FROM ${ident(table)}`);
    columns = columns.map((c) => ({ ...c, name: c.name.trim() }));
  }
  return columns;
}

export async function countRows(engine: CsvEngine, table: string): Promise<number> {
  return Number((await engine.rows(`SELECT count(*)::BIGINT AS n FROM ${ident(table)}`))[0]?.n ?? 0);
}

/** Line ends inside text values: the rows that span more than one line. */
export async function lineEndsInValues(engine: CsvEngine, table: string, columns: readonly Column[]): Promise<number> {
  const text = columns.filter((c) => c.type === "VARCHAR").map((c) => ident(c.name));
  if (text.length === 0) return 0;
  const occurrences = (c: string, s: string) => `coalesce(sum((length(${c}) - length(replace(${c}, ${s}, ''))) // length(${s})), 0)`;
  const ends = (c: string) => `${occurrences(c, "chr(10)")} + ${occurrences(c, "chr(13)")} - ${occurrences(c, "chr(13) || chr(10)")}`;
  const [row] = await engine.rows(`SELECT (${text.map(ends).join(" + ")})::BIGINT AS n FROM ${ident(table)}`);
  return Number(row?.n ?? 0);
}
