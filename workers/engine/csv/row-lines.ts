import { RecordLineScanner, rowRuns, runsCsv, type LineRun, type ScanDialect } from "@/lib/csv/record-lines";
import { ident, literal } from "@/lib/sql/quote";
import type { CsvEngine } from "./engine";

/** The table beside a staged table that holds each row's line in the file, in the rows' order. */
export const rowLinesTable = (table: string): string => `${table}_lines`;

export interface RowLinesAt {
  /** Lines of the file before the text DuckDB read. */
  linesBefore: number;
  /** The text DuckDB read starts with the header, read as its first record. */
  headerInBody: boolean;
  rows: number;
}

/**
 * When the rows of the text DuckDB read (the mended body) do not follow one
 * another line by line (blank lines, comments or lines set aside among them),
 * write each row's line (1-based, in the file) to `rowLinesTable(table)` and
 * return true. Returns false, dropping any such table of an earlier read, when
 * the rows run on line by line, or when the scan does not find as many
 * records as DuckDB read rows (then lines are counted as before).
 */
export async function writeRowLines(engine: CsvEngine, table: string, body: Blob, dialect: ScanDialect, at: RowLinesAt): Promise<boolean> {
  const scanner = new RecordLineScanner(dialect);
  const reader = body.stream().getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) scanner.update(next.value);
  const found = scanner.result();
  const skip = at.headerInBody ? 1 : 0;
  if (found.gaps === 0 || at.rows === 0 || found.records - skip !== at.rows) return dropRowLines(engine, table);
  return writeLineRuns(engine, table, rowRuns(found.runs, skip), at.rows, at.linesBefore);
}

/** Each of `rows` rows' line (1-based: `linesBefore` plus its 0-based line in the runs) into `rowLinesTable(table)`. */
export async function writeLineRuns(engine: CsvEngine, table: string, runs: readonly LineRun[], rows: number, linesBefore: number): Promise<true> {
  const name = `${table}.lines.csv`;
  await engine.register(name, new Blob([runsCsv(runs, rows)]));
  try {
    const read = `read_csv(${literal(name)}, header = false, columns = {'s': 'BIGINT', 'e': 'BIGINT', 'o': 'BIGINT'})`;
    // Rows in order: each run's rows in turn, as DuckDB keeps the order of what it reads.
    await engine.rows(`CREATE OR REPLACE TABLE ${ident(rowLinesTable(table))} AS SELECT CAST(r + o + ${linesBefore + 1} AS BIGINT) AS line FROM (SELECT unnest(range(s, e)) AS r, o FROM ${read})`);
  } finally {
    await engine.unregister(name).catch(() => undefined);
  }
  return true;
}

/** Drop the table of an earlier read whose rows did not run on line by line; false, as none is kept. */
export async function dropRowLines(engine: CsvEngine, table: string): Promise<false> {
  await engine.rows(`DROP TABLE IF EXISTS ${ident(rowLinesTable(table))}`);
  return false;
}

/**
 * Rows with no value at all, read from lines of delimiters alone (a spreadsheet's empty row saved as
 * CSV: `,,`), are not rows, as an empty row of a sheet is not: they go, with their entries in the table
 * of the rows' lines (which must exist), so the rows after them keep their lines. Returns how many went,
 * and which of the lines `watched` (lines the read mended) were among them.
 */
export async function dropEmptyRows(engine: CsvEngine, table: string, columns: readonly { name: string }[], watched: readonly number[]): Promise<{ count: number; watched: number[] }> {
  const empty = (alias: string) => columns.map((c) => `${alias}${ident(c.name)} IS NULL`).join(" AND ");
  const [found] = await engine.rows(`SELECT count(*)::BIGINT AS n FROM ${ident(table)} WHERE ${empty("")}`);
  const count = Number(found?.n ?? 0);
  if (count === 0) return { count, watched: [] };
  const lines = rowLinesTable(table);
  const gone = watched.length
    ? await engine.rows(`SELECT l.line::BIGINT AS line FROM ${ident(table)} AS t POSITIONAL JOIN ${ident(lines)} AS l WHERE ${empty("t.")} AND l.line IN (${watched.join(", ")})`)
    : [];
  const kept = `${lines}_kept`;
  await engine.rows(`CREATE OR REPLACE TABLE ${ident(kept)} AS SELECT l.line FROM ${ident(table)} AS t POSITIONAL JOIN ${ident(lines)} AS l WHERE NOT (${empty("t.")})`);
  await engine.rows(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * FROM ${ident(table)} WHERE NOT (${empty("")})`);
  await engine.rows(`DROP TABLE ${ident(lines)}`);
  await engine.rows(`ALTER TABLE ${ident(kept)} RENAME TO ${ident(lines)}`);
  return { count, watched: gone.map((r) => Number(r.line)) };
}
