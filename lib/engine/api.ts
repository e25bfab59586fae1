import type { SchemaDiff } from "@/lib/datasets/compare";
import type { Column, Manifest } from "@/lib/datasets/manifest";
import type { GridView } from "@/lib/grid/view";
import type { ColumnProfile } from "@/lib/profile/sql";
import type { BulkFix, FixScope } from "@/lib/recipe/bulk-fix";
import type { CellEdit } from "@/lib/recipe/edits";
import type { Recipe } from "@/lib/recipe/schema";
import type { ParseOptions } from "@/lib/staging/parse-options";
import type { LaterCompanionKind } from "@/lib/staging/later-companions";
import type { DerivedFrom, FileOrigin, StagedFile } from "@/lib/staging/staged-file";
import type { Result } from "@/lib/result";
import type { StorageSupport } from "@/lib/storage/support";


/** A file made from a part of a staged file, to stage on its own, with where it came from. */
export interface DerivedFile {
  blob: Blob;
  fileName: string;
  derivedFrom: DerivedFrom;
}
/**
 * The engine boundary: everything the UI asks of the worker that owns
 * DuckDB-WASM, IndexedDB writes and OPFS. Every call returns a Result (errors
 * are values with a user-facing message); long calls take a task id that
 * `cancel` stops, and a progress callback as a top-level argument (Comlink
 * proxies only top-level arguments).
 */
export type SourceRef =
  /** `checkedBy`: the run whose checks mark the rows' issues (pages carry them; views may keep only rows with errors or warnings). */
  | { kind: "staged"; fileId: string; checkedBy?: string }
  | { kind: "dataset"; name: string; version: number }
  /** Lines of a staged CSV that did not parse, with their line numbers. */
  | { kind: "badLines"; fileId: string }
  /** A recipe run's output; `runId` only tells caches that a new run replaced it. */
  | { kind: "result"; fileId: string; part: "final" | "rejected"; runId: string };

export interface TableInfo {
  columns: Column[];
  rowCount: number;
}

export interface PageRequest {
  offset: number;
  limit: number;
  /** Sorted and filtered rows, in place of the source's own order. */
  view?: GridView;
}

/** A window of rows, column-major, every value as display text or null. */
export interface RowPage {
  offset: number;
  rowCount: number;
  columns: (string | null)[][];
  /** Per row, the rules it breaks as lib/grid/issues.ts writes them (a staged source checked by a run). */
  issues?: (string | null)[];
  /** Per row, its staged row id (a sorted or filtered view of a staged source; in its own order, a row's id is its index). */
  rowIds?: number[];
}

export interface Progress {
  phase: string;
  done: number;
  total?: number;
  /** "steps": a run of several statements, where only the step reached is known. */
  unit: "bytes" | "rows" | "steps";
}

export type ProgressFn = (progress: Progress) => void;

/** The first rows of a file as written, read from its start while the whole file is staged. */
export interface HeadPreview {
  columns: string[];
  /** Column-major, like a page of rows. */
  columnValues: (string | null)[][];
}

export interface DatasetSummary {
  name: string;
  versions: number[];
  latest: Manifest;
  bytes: number;
}

/** What a recipe run did to a staged file. rowsIn = rejected + transformed, always. */
export interface RunSummary {
  runId: string;
  rowsIn: number;
  rejectedByRules: number;
  /** Rows that passed every rejecting rule but broke a warning rule. */
  warned: number;
  /** Rows kept apart: broken by a rejecting rule, or removed by a step. */
  rejected: number;
  /** Valid rows after the steps: what the SQL stage reads. */
  transformed: number;
  final: number;
  ruleCounts: { rule: string; severity: "reject" | "warn"; n: number }[];
  tableFindings: { ruleId: string; message: string }[];
  stepSql: string[];
  /** The columns the SQL stage reads (the view `transformed`). */
  transformedColumns: Column[];
  finalColumns: Column[];
  rejectedColumns: Column[];
}

/** "xlsx": a run's rejected rows, the cells a rule failed on filled. */
/** What a bulk fix would change (lib/recipe/bulk-fix.ts). */
export interface FixPreview {
  /** How many cells it changes (all of them, though `edits` stops at MAX_FIX_CELLS). */
  count: number;
  edits: Omit<CellEdit, "at">[];
}

export type ExportFormat = "csv" | "parquet" | "ndjson" | "arrow" | "manifest" | "xlsx" | "datapackage" | "report";

/** What changed between two versions of a dataset. */
export interface VersionDiff {
  before: number;
  after: number;
  schema: SchemaDiff;
  rowsBefore: number;
  rowsAfter: number;
  /** Rows (compared by value over the shared columns) only in one of the two. */
  onlyBefore: number;
  onlyAfter: number;
}

export interface ExportOptions {
  neutralizeFormulas: boolean;
  /** A Data Package's licence, by SPDX id (lib/standards/licences.ts); none when unset. */
  licence?: string;
}

export interface ExportedFile {
  fileName: string;
  blob: Blob;
}

/** Whether the page starts DuckDB's workers for the engine (`useDuckDbWorkers`): in Firefox (DuckDbWorkerHost says why). */
export const pageStartsDuckDb = (userAgent: string): boolean => /\bFirefox\//.test(userAgent);

/**
 * What the page may do for the engine: start DuckDB-WASM's workers beside it (not inside it) and stop
 * them. Firefox stalls now and then creating a worker inside a worker while anything watches workers
 * (WebDriver BiDi, DevTools); a worker the page starts does not (docs/ARCHITECTURE.md).
 */
export interface DuckDbWorkerHost {
  /** Start one of DuckDB's workers, running `script` (DuckDB's worker script); the port speaks its protocol. */
  start(script: string): Promise<{ id: number; port: MessagePort }>;
  stop(id: number): Promise<void>;
}

export interface EngineApi {
  /** The first call to a new engine worker in Firefox: the page starts DuckDB's workers (elsewhere the engine does). */
  useDuckDbWorkers(host: DuckDbWorkerHost): Promise<void>;
  /** Start DuckDB (idempotent); resolves with its version and what the browser lets the engine keep. */
  start(): Promise<Result<{ duckdbVersion: string; storage: StorageSupport }>>;
  /** Stage a file; `onPreview` gets its first rows (delimited text only) before the whole file is read. */
  /** `origin`: the staged file this one was cut from (a sheet, a second table), the address it was fetched from; kept for the lineage. */
  stageFile(file: File, taskId: string, onProgress?: ProgressFn, onPreview?: (preview: HeadPreview) => void, origin?: FileOrigin): Promise<Result<StagedFile>>;
  removeStaged(fileId: string): Promise<Result<null>>;
  /** Read a staged file again with other parse options, and keep them. */
  reparse(fileId: string, options: ParseOptions): Promise<Result<StagedFile>>;
  /** A file that goes with a staged table (its format catalog, memo file, geometry, code page or projection file), added after it: kept or noted, and the table read again with it. */
  addCompanion(fileId: string, kind: LaterCompanionKind, file: File): Promise<Result<StagedFile>>;
  /** The data files a ZIP archive holds, each as a file to stage on its own; null for a file that is no such archive. */
  filesInArchive(file: File): Promise<Result<DerivedFile[] | null>>;
  /** The second table found below a CSV file's rows, as a file to stage on its own. */
  secondTableFile(fileId: string): Promise<Result<DerivedFile>>;
  /** A staged workbook's other sheets (not the one read, not hidden), or a web page's other tables, with values, each as a file to stage on its own. */
  otherSheetFiles(fileId: string): Promise<Result<DerivedFile[]>>;
  describe(source: SourceRef): Promise<Result<TableInfo>>;
  /** The cells of one column a fix would change (as edits to add to the recipe), and how many; `view` is the staged grid's, for the scope "shown". */
  previewFix(fileId: string, column: string, fix: BulkFix, scope: FixScope, edits: CellEdit[], view?: GridView): Promise<Result<FixPreview>>;
  page(source: SourceRef, request: PageRequest): Promise<Result<RowPage>>;
  /** Sort and filter a source; resolves with how many rows the view holds. */
  openView(source: SourceRef, view: GridView): Promise<Result<{ rowCount: number }>>;
  /**
   * Per-column statistics computed by DuckDB: "summary" is one scan (counts,
   * bounds, mean); "full" adds top values and histograms.
   */
  profile(source: SourceRef, detail: "summary" | "full"): Promise<Result<ColumnProfile[]>>;
  runRecipe(fileId: string, recipe: Recipe, taskId: string, onProgress?: ProgressFn): Promise<Result<RunSummary>>;
  /** Bind a recipe over a staged file in the check database, running nothing: what its SQL reads, or why it is refused. */
  checkRecipe(fileId: string, recipe: Recipe): Promise<Result<{ reads: string[] }>>;
  /** The tables a recipe's SQL names, by DuckDB's parser (for the consent screen); a fragment that names one is refused. */
  inspectRecipe(recipe: Recipe): Promise<Result<string[]>>;
  promote(fileId: string, recipe: Recipe, datasetName: string, taskId: string, onProgress?: ProgressFn): Promise<Result<Manifest>>;
  /** Several staged files through one recipe into one version, each row with its file's name in `_source_file`; the recipe's edits belong to the first. */
  promoteFiles(fileIds: string[], recipe: Recipe, datasetName: string, taskId: string, onProgress?: ProgressFn): Promise<Result<Manifest>>;
  listDatasets(): Promise<Result<DatasetSummary[]>>;
  /** Every committed version's manifest, oldest first. */
  listVersions(name: string): Promise<Result<Manifest[]>>;
  deleteVersion(name: string, version: number): Promise<Result<null>>;
  compareVersions(name: string, before: number, after: number): Promise<Result<VersionDiff>>;
  /** CSV or NDJSON of any source; Parquet and the manifest of a dataset version. */
  exportSource(source: SourceRef, format: ExportFormat, options: ExportOptions, taskId?: string, onProgress?: ProgressFn): Promise<Result<ExportedFile>>;
  cancel(taskId: string): Promise<void>;
  /** Fault hook, only in a site built for tests (STAGES_TEST_HOOKS=1): act as if the storage quota were this many bytes. */
  simulateQuota?(bytes: number | null): Promise<void>;
  /** Test builds only: forget a source's cached profiles, so the benchmark times a profile instead of a cache hit. */
  forgetProfile?(source: SourceRef): Promise<void>;
  /** Fault hook, test builds only: the next promotion stops after its first batch of rows until cancelled ("writing"), or for good just before its manifest, the commit point ("commit"); resolves when it is there. */
  holdPromotion?(at: "writing" | "commit"): Promise<void>;
}
