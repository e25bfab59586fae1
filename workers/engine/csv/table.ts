import { columnNames, csvReadCall, rejectedLinesSql, wholeChecked, type CsvReadPlan } from "@/lib/csv/read-sql";
import { NAMES_MISSED, wholeKinds, wholeKindsSql, wholeNumbersFailure, wholeNumbersSelect, type WholeKind } from "@/lib/csv/whole-numbers";
import { errorText } from "@/lib/result";
import { ident, literal } from "@/lib/sql/quote";
import type { CsvEngine } from "./engine";
import type { Column, Rejected } from "./mend";
import { storageFor, writingAs, type Storage } from "./storage";

/**
 * The DuckDB statements of a CSV read: the table from the body, the lines it
 * rejected, and what is done to the table once it reads clean.
 */
const SNIFF_FAILED = /sniff|state machine|invalid state|Error when/i;

/** The body read into the table, stored as `storage` says; its whole-number columns checked (lib/csv/whole-numbers.ts). */
async function fillTable(engine: CsvEngine, table: string, plan: CsvReadPlan, storage: Storage): Promise<CsvReadPlan> {
  const whole = wholeChecked(plan);
  try {
    await writingAs(engine, storage, () => engine.rows(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT ${wholeNumbersSelect(whole)} FROM ${csvReadCall(plan)}`));
    return plan;
  } catch (error) {
    // Whole-number columns the read does not have by those names: read as before, unchecked.
    if (whole.length && NAMES_MISSED.test(errorText(error))) return fillTable(engine, table, { ...plan, whole: [] }, storage);
    const failed = wholeNumbersFailure(errorText(error), whole);
    if (!failed) throw error;
    await dropRejects(engine, plan.rejects);
    // A column too big for a DOUBLE is left to the sniffer; the others are read as DOUBLE and told apart by one scan.
    const doubles = whole.filter((c) => c !== failed.column || failed.fraction);
    const read: CsvReadPlan = { ...plan, whole: [], types: { ...plan.types, ...Object.fromEntries(doubles.map((c) => [c, "DOUBLE"])) } };
    let kinds = new Map<string, WholeKind>();
    await writingAs(engine, storage, async () => {
      await engine.rows(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * FROM ${csvReadCall(read)}`);
      const [row = {}] = await engine.rows(wholeKindsSql(table, doubles));
      kinds = wholeKinds(row, doubles);
      for (const c of doubles.filter((c) => kinds.get(c) === "whole")) await engine.rows(`ALTER TABLE ${ident(table)} ALTER COLUMN ${ident(c)} SET DATA TYPE BIGINT`);
    });
    const of = (kind: WholeKind) => doubles.filter((c) => kinds.get(c) === kind);
    const kept = { ...plan, whole: of("whole"), types: { ...plan.types, ...Object.fromEntries(of("fraction").map((c) => [c, "DOUBLE"])) } };
    if (of("big").length === 0) return kept;
    await dropRejects(engine, plan.rejects);
    return fillTable(engine, table, { ...kept, whole: [] }, storage);
  }
}

async function dropRejects(engine: CsvEngine, rejects: string): Promise<void> {
  await engine.rows(`DROP TABLE IF EXISTS ${ident(rejects)}`);
  await engine.rows(`DROP TABLE IF EXISTS ${ident(`${rejects}_scan`)}`);
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
      const read = await fillTable(engine, table, attempt, storageFor(bytes));
      const rejected = (await engine.rows(rejectedLinesSql(attempt.rejects))) as unknown as Rejected[];
      await dropRejects(engine, attempt.rejects);
      return { plan: read, rejected };
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

/** The date and timestamp formats the sniffer chose, for those `wanted` that the table has columns of (a sample, not a scan). */
export async function sniffedFormats(engine: CsvEngine, columns: readonly Column[], body: Blob, plan: CsvReadPlan, wanted: { date: boolean; timestamp: boolean }): Promise<{ date?: string; timestamp?: string }> {
  const has = (type: string) => columns.some((c) => c.type === type);
  if (!plan.sniff || !((wanted.date && has("DATE")) || (wanted.timestamp && has("TIMESTAMP")))) return {};
  const name = `${plan.path}.sniff`;
  await engine.register(name, body);
  try {
    const d = plan.dialect;
    const [row] = await engine.rows(`SELECT DateFormat, TimestampFormat FROM sniff_csv(${literal(name)}, delim = ${literal(d.delimiter)}, quote = ${literal(d.quote)}, escape = ${literal(d.escape)}, header = ${plan.header}, ignore_errors = true)`);
    const format = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
    return { date: wanted.date ? format(row?.DateFormat) : undefined, timestamp: wanted.timestamp ? format(row?.TimestampFormat) : undefined };
  } catch {
    return {};
  } finally {
    await engine.unregister(name).catch(() => undefined);
  }
}

/** Trim padding around delimiters (files too big to trim as text). Returns the columns left. */
export async function finish(engine: CsvEngine, table: string, columns: Column[], opts: { trimSpaces?: boolean }): Promise<Column[]> {
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
