import type { Column } from "@/lib/datasets/manifest";
import type { PageRequest, RowPage, SourceRef, TableInfo } from "@/lib/engine/api";
import { pageIssuesSql, rejectedIssuesSql, SOURCE_ROW, viewIssuesSql } from "@/lib/grid/issues";
import { gridViewSchema, isPlainView, pageSql, viewSql, type GridView } from "@/lib/grid/view";
import { finalRowsPageSql, finalRowsSpanSql } from "@/lib/recipe/final-view";
import { pipelineNames, type PipelineNames } from "@/lib/recipe/pipeline";
import type { Recipe } from "@/lib/recipe/schema";
import type { CheckFlag, Checks } from "@/lib/recipe/checks";
import { HIDDEN_COLUMNS, PAGE } from "@/lib/recipe/rules";
import { errorText, fail, ok, type Result } from "@/lib/result";
import { isMissingTable } from "@/lib/sql/duckdb-error";
import { ident, literal } from "@/lib/sql/quote";
import type { StagesDb } from "@/browser/staging-db";
import type { ParseOptions } from "@/lib/staging/parse-options";
import { companionBlobId, stagedBytes } from "@/lib/staging/staged-file";
import { plainRows, textColumns } from "./arrow-text";
import { loadDatasetTable } from "./datasets";
import { resultsReplaced } from "./version-sources";
import { updateStagedFile } from "@/browser/staging-store";
import { duckDb, withConnection, type Connection } from "./duckdb";
import { runLong } from "./query";
import { badLinesTable } from "./bad-lines";
import { rowLinesTable } from "./csv/row-lines";
import type { ReadInfo } from "./read-info";
import { readStaged, type StagingRead } from "./readers";
import { recordRead, takeOverTables } from "./kept-tables";

/**
 * Every source (a staged file, a dataset version) is materialized once into
 * a DuckDB table, built from IndexedDB or OPFS on first use: DuckDB holds
 * nothing that cannot be rebuilt. A staged file's table is also kept for
 * the next visit (useKeptTables).
 */
const loading = new Map<string, Promise<Result<TableInfo>>>();

/** The tables a recipe run over a staged file writes. */
export const resultNames = (fileId: string) => pipelineNames(`run_${fileId}`);

export function tableName(source: SourceRef): string {
  switch (source.kind) {
    case "staged":
      return `staged_${source.fileId}`;
    case "dataset":
      return `dataset_${source.name}_v${source.version}`;
    case "result":
      return resultNames(source.fileId)[source.part];
    case "badLines":
      return badLinesTable(source.fileId);
  }
}

export async function ensureTable(db: StagesDb, source: SourceRef): Promise<Result<TableInfo>> {
  // The tables kept from the last visit are known once DuckDB has opened.
  await duckDb();
  const table = tableName(source);
  if (source.kind === "result" || source.kind === "badLines") {
    // Asked at every page of a result: its name bound says whether a run wrote it (a catalog listing took 10-25 ms).
    try {
      return ok(await describeTable(table));
    } catch (error) {
      if (isMissingTable(errorText(error))) return fail({ message: "Run the recipe first: there is no result yet." });
      throw error;
    }
  }
  let pending = loading.get(table);
  if (!pending) {
    pending = (source.kind === "staged" ? loadStaged(db, source.fileId, table) : loadDatasetTable(source, table)).then(
      async (loaded) => (loaded.ok ? ok(await describeTable(table)) : loaded),
    );
    loading.set(table, pending);
    void pending.then((r) => r.ok || loading.delete(table));
  }
  return pending;
}

export async function dropTable(source: SourceRef): Promise<void> {
  const table = tableName(source);
  for (const key of [...views.keys()]) if (key.startsWith(`${table}|`)) await dropView(key);
  const { db } = await duckDb();
  await withConnection(async (conn) => {
    await conn.query(`DROP TABLE IF EXISTS ${ident(table)}`);
    if (source.kind === "staged") await conn.query(`DROP TABLE IF EXISTS ${ident(rowLinesTable(table))}`);
  });
  // Only now: a call meanwhile waits on the old read instead of starting a new one that the DROP would remove.
  loading.delete(table);
  if (source.kind === "staged") {
    resultsReplaced(source.fileId);
    await db.dropFile(`staged-${source.fileId}.csv`).catch(() => null);
  }
}

/** Read a staged file into its table; what the read found is saved with the file. */
async function loadStaged(db: StagesDb, fileId: string, table: string): Promise<Result<null>> {
  const [meta, stored] = await Promise.all([db.files.get(fileId), db.blobs.get(fileId)]);
  if (!meta || !stored) return fail({ message: "This file is no longer in the staging area." });
  const companions = await Promise.all(
    (meta.companions ?? []).map(async ({ kind, name }) => {
      const kept = await db.blobs.get(companionBlobId(fileId, kind));
      return kept ? [{ kind, name, blob: stagedBytes(kept) }] : [];
    }),
  );
  // NUL bytes the last read found anywhere in a CSV are left out again, wherever they are.
  const read = await readStaged(fileId, meta.name, stagedBytes(stored), meta.parse, table, { nulBytes: Boolean(meta.csv?.nulBytes), companions: companions.flat() });
  if (!read.ok) return read;
  await updateStagedFile(db, fileId, readFindings(read.value));
  await recordRead(table, await db.files.get(fileId));
  return ok(null);
}

/**
 * The staged tables a previous engine left in the database this one took over (workspace.ts) that still
 * match their files are used as they are; every other table there goes (kept-tables.ts). Run as the
 * database opens (duckdb.ts `whenOpened`), before any call reaches a table.
 */
export async function useKeptTables(db: StagesDb, conn: Connection): Promise<void> {
  const names = (fileId: string) => {
    const staged = tableName({ kind: "staged", fileId });
    return { staged, badLines: tableName({ kind: "badLines", fileId }), rowLines: rowLinesTable(staged) };
  };
  for (const table of await takeOverTables(db, conn, names)) loading.set(table, describeTable(table).then(ok));
}

/** What a read found, as fields of the staged file's record. */
export const readFindings = ({ sniffed, badLines, setAsideLines, sheets, hiddenSheets, coverSheet, mendedCells, deletedRecords, memoFields, geometryUnread, sasFormats, columnLabels, codeLabels, declaredMissing, datasetLabel, ambiguousDates, lenient, csv, parse, rowidRenames, lineBreakRenames, readNames, jsonRowsAt, jsonRepairs, jsonSpread, sheetOrJsonFindings, summaryRows, rowLines, gzipCut }: ReadInfo) => ({
  sniffed, badLines, setAsideLines, sheets, hiddenSheets, coverSheet, mendedCells, deletedRecords, memoFields, geometryUnread, sasFormats, columnLabels, codeLabels, declaredMissing, datasetLabel, ambiguousDates, lenient, csv, rowidRenames, lineBreakRenames, readNames, jsonRowsAt, jsonRepairs, jsonSpread, sheetOrJsonFindings, summaryRows, rowLines, gzipCut, ...(parse ? { parse } : {}),
});

/**
 * Read a file that is being staged straight from the File the user gave,
 * while its checksum is computed and its bytes stored: DuckDB runs in a
 * worker of its own, so the two overlap. Other calls wait for this read.
 */
export function readNewStaged(
  fileId: string,
  name: string,
  parse: ParseOptions,
  blob: Blob,
  staging: StagingRead,
): Promise<Result<{ info: TableInfo; found: ReadInfo }>> {
  const table = tableName({ kind: "staged", fileId });
  const pending = readStaged(fileId, name, blob, parse, table, staging).then(async (read) =>
    read.ok ? ok({ info: await describeTable(table), found: read.value }) : read,
  );
  loading.set(table, pending.then((r) => (r.ok ? ok(r.value.info) : r)));
  void pending.then((r) => r.ok || loading.delete(table));
  return pending;
}

export function describeTable(table: string): Promise<TableInfo> {
  return withConnection((conn) => describeWith(conn, table));
}

/** A table's or view's columns, the engine's own left out (without counting its rows, which a view of steps would compute). */
export async function columnsWith(conn: Connection, table: string): Promise<Column[]> {
  const described = plainRows(await conn.query(`DESCRIBE ${ident(table)}`)).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  return described.filter((c) => !(HIDDEN_COLUMNS as readonly string[]).includes(c.name));
}

/**
 * How a run's final view is paged (set by the run; any other source is a
 * table, paged by its row id): a view that passes every staged row through
 * by the staged row id it carries (`PAGE`); a view of the rows no rule
 * rejected through its table of their staged row ids (lib/recipe/final-view.ts).
 */
export type FinalPaging = { by: "page" } | { by: "rows"; staged: string; columns: Column[]; recipe: Recipe; names: PipelineNames };
const finalPaging = new Map<string, FinalPaging>();

/** How the final rows of a run are paged from now on (null: a table, by row id). */
export function pageFinalBy(final: string, paging: FinalPaging | null): void {
  if (paging) finalPaging.set(final, paging);
  else finalPaging.delete(final);
}

export async function describeWith(conn: Connection, table: string): Promise<TableInfo> {
  const columns = await columnsWith(conn, table);
  const counted = plainRows(await conn.query(`SELECT count(*)::BIGINT AS n FROM ${ident(table)}`));
  return { columns, rowCount: Number(counted[0]?.n ?? 0) };
}

/**
 * Sorted and filtered views, materialized once (in view order, so pages go by
 * row id), kept for the most recent few, dropped with their source.
 */
const views = new Map<string, Promise<Result<{ table: string; rowCount: number }>>>();
const MAX_VIEWS = 6;

export async function openView(db: StagesDb, source: SourceRef, input: GridView | undefined): Promise<Result<{ table: string; rowCount: number }>> {
  const info = await ensureTable(db, source);
  if (!info.ok) return info;
  const base = tableName(source);
  if (isPlainView(input)) return ok({ table: base, rowCount: info.value.rowCount });
  const view = gridViewSchema.parse(input);
  const checks = await checksOf(source);
  // The source names its run where one decides the view's rows (checkedBy, runId): a new run makes a new view.
  const key = `${base}|${JSON.stringify(view)}|${JSON.stringify(source)}`;
  let pending = views.get(key);
  if (!pending) {
    const compiled = viewSql(base, info.value.columns, view, { checks: checks ?? undefined, rowIds: source.kind === "staged" });
    if ("error" in compiled) return fail({ message: compiled.error });
    const table = `view_${crypto.randomUUID().replaceAll("-", "")}`;
    pending = withConnection(async (conn) => {
      await runLong(conn, `CREATE OR REPLACE TABLE ${ident(table)} AS ${compiled.sql}`);
      const [row] = plainRows(await conn.query(`SELECT count(*)::BIGINT AS n FROM ${ident(table)}`));
      return ok({ table, rowCount: Number(row?.n ?? 0) });
    });
    views.set(key, pending);
    void pending.then((r) => r.ok || views.delete(key));
    while (views.size > MAX_VIEWS) await dropView(views.keys().next().value!);
  }
  return pending;
}

async function dropView(key: string): Promise<void> {
  const pending = views.get(key);
  views.delete(key);
  const view = await pending;
  if (view?.ok) await withConnection((conn) => conn.query(`DROP TABLE IF EXISTS ${ident(view.value.table)}`));
}

export async function readPage(db: StagesDb, source: SourceRef, request: PageRequest): Promise<Result<RowPage>> {
  const info = await ensureTable(db, source);
  if (!info.ok) return info;
  const view = await openView(db, source, request.view);
  if (!view.ok) return view;
  const limit = Math.max(0, Math.min(request.limit, 5000));
  const offset = Math.max(0, Math.floor(request.offset));
  const plain = view.value.table === tableName(source);
  // A view of a staged table carries each row's staged row id: the page says it, for the page's issues and edits.
  const carriesRowIds = source.kind === "staged" && !plain;
  const selectList = `${textSelectList(info.value.columns)}${carriesRowIds ? `, ${SOURCE_ROW}` : ""}`;
  const paging = finalPaging.get(view.value.table);
  const table = await withConnection(async (conn) => {
    if (paging?.by !== "rows") return conn.query(pageSql(view.value.table, selectList, offset, limit, paging ? PAGE : "rowid"));
    const [span] = plainRows(await conn.query(finalRowsSpanSql(paging.names, offset, limit)));
    const [lo, hi] = span?.lo === null || span?.lo === undefined ? [0, -1] : [Number(span.lo), Number(span.hi)];
    return conn.query(finalRowsPageSql(paging.staged, paging.columns, paging.recipe, paging.names, selectList, { offset, limit, lo, hi }));
  });
  const columns = textColumns(table);
  const rowIds = carriesRowIds ? columns.pop()!.map(Number) : undefined;
  const page: RowPage = { offset, rowCount: table.numRows, columns, ...(rowIds ? { rowIds } : {}) };
  const checks = await checksOf(source);
  if (!checks) return ok(page);
  if (source.kind === "result") {
    // Rejected rows: their issues and their staged row ids (to edit them by) come from the checks, by source line.
    const found = textColumns(await withConnection((conn) => conn.query(rejectedIssuesSql(view.value.table, checks, offset, limit))));
    return ok({ ...page, issues: found[0] ?? [], rowIds: (found[1] ?? []).map(Number) });
  }
  const issues = await withConnection((conn) =>
    conn.query(plain ? pageIssuesSql(checks, offset, limit) : viewIssuesSql(view.value.table, checks, offset, limit)),
  );
  return ok({ ...page, issues: textColumns(issues)[0] ?? [] });
}

/** The checks table a source's rows are marked by: a staged source's that names its run, or a run's rejected rows'. */
function checksOf(source: SourceRef): Promise<Checks | null> {
  const checked = (source.kind === "staged" && source.checkedBy) || (source.kind === "result" && source.part === "rejected");
  return checked ? checksOfLastRun(source.fileId) : Promise.resolve(null);
}

/** The flags of the checks each file's last run wrote, from the moment it wrote them. */
const checkedWith = new Map<string, CheckFlag[]>();

/** A run has written a file's checks with these flags (null: a run is replacing them). */
export function checksWritten(fileId: string, flags: CheckFlag[] | null): void {
  if (flags) checkedWith.set(fileId, flags);
  else checkedWith.delete(fileId);
}

/** The checks table of a file's last run, when a run wrote one (a run with nothing to check writes none). */
export async function checksOfLastRun(fileId: string): Promise<Checks | null> {
  const flags = checkedWith.get(fileId);
  if (!flags) return null;
  const table = resultNames(fileId).checks;
  const [row] = await withConnection(async (conn) =>
    plainRows(await conn.query(`SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name = ${literal(table)}`)),
  );
  return row?.n ? { table, flags } : null;
}

/** Every column cast to its DuckDB text form (but those `asIs` keeps as they are), aliased by position. */
export function textSelectList(columns: readonly Column[], asIs: (column: Column) => boolean = () => false): string {
  if (columns.length === 0) return "NULL AS c0";
  return columns.map((c, i) => `${asIs(c) ? ident(c.name) : `CAST(${ident(c.name)} AS VARCHAR)`} AS c${i}`).join(", ");
}
