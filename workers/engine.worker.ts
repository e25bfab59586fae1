// First, for its side effect: DuckDB starts while the modules below are evaluated.
import "./engine/duckdb-ahead";
import * as Comlink from "comlink";
import { type EngineApi, pageStartsDuckDb, type SourceRef } from "@/lib/engine/api";
import { isOutOfMemory, outOfMemoryError } from "@/lib/engine/out-of-memory";
import { errorText, fail, ok, type Result } from "@/lib/result";
import { openStagesDb } from "@/browser/staging-db";
import { cleanLeftovers, listDatasets } from "./engine/datasets";
import { duckDb, whenOpened } from "./engine/duckdb";
import { useDuckDbWorkers } from "./engine/duckdb-worker";
import { exportSource } from "./engine/export";
import { runRecipe } from "./engine/pipeline";
import { forgetProfile, profileSource } from "./engine/profile";
import { promote } from "./engine/promote";
import { holdNextPromotion } from "./engine/promotion-hold";
import { checkForFile, inspectRecipe, warmCheckDb } from "./engine/recipe-trust";
import { simulateQuota } from "./engine/quota";
import { storageSupport } from "./engine/storage-support";
import { switchOff } from "./engine/switch-off";
import { previewFix } from "./engine/bulk-fix";
import { secondTableFile } from "./engine/second-table";
import { otherSheetFiles } from "./engine/sheet-files";
import { filesInArchive } from "./engine/archive-files";
import { warmCsvReader } from "./engine/readers";
import { removeStaged, reparse, resumeReads, stageFile } from "./engine/staging";
import { addCompanion } from "./engine/add-companion";
import { ensureTable, openView, readPage, useKeptTables } from "./engine/tables";
import { Cancelled, cancelTask, endTask, workingOn } from "./engine/tasks";
import { takeOverOnlyIf } from "./engine/workspace";
import { compareVersions, deleteVersion, listVersions } from "./engine/versions";

/**
 * The engine worker: the only place that runs DuckDB, writes the staging
 * area and writes OPFS. Its API is lib/engine/api.ts, exposed with Comlink.
 */
// A site built for tests can take storage features away first, as other browsers lack them.
if (process.env.NEXT_PUBLIC_STAGES_TEST_HOOKS === "1") switchOff(self.name);

// What the browser lets the engine keep is found while DuckDB's wasm loads, not after.
void storageSupport();

const db = openStagesDb();

// The tables the last engine left are sorted out as DuckDB opens, before any call reaches them (engine/tables.ts);
// with no file staged (or no staging area: IndexedDB refused) there is nothing to keep, and a new database
// starts sooner than an old one is sorted out.
takeOverOnlyIf(() => db.files.count().then((n) => n > 0, () => false));
whenOpened((conn) => useKeptTables(db, conn));

// DuckDB's database opens now rather than at the page's first call (in Firefox, the page's first call offers its workers).
if (!pageStartsDuckDb(navigator.userAgent)) void duckDb().catch(() => undefined);

/**
 * Every call returns a Result: an exception becomes an error value here. Running
 * out of memory is marked fatal, so that the client starts a fresh engine.
 */
async function asResult<T>(work: () => Promise<Result<T>>, taskId?: string): Promise<Result<T>> {
  try {
    const result = await work();
    return result.ok || !isOutOfMemory(result.error.message) ? result : fail(outOfMemoryError(result.error));
  } catch (error) {
    if (error instanceof Cancelled) return fail({ message: "Cancelled. Nothing was changed." });
    const message = errorText(error);
    return fail(isOutOfMemory(message) ? outOfMemoryError({ message }) : { message });
  } finally {
    if (taskId) endTask(taskId);
  }
}

const engine: EngineApi = {
  useDuckDbWorkers: async (host) => useDuckDbWorkers(host),
  start: () =>
    asResult(async () => {
      const { version } = await duckDb();
      await cleanLeftovers();
      void resumeReads(db);
      void warmCheckDb().catch(() => null);
      void warmCsvReader().catch(() => null);
      return ok({ duckdbVersion: version, storage: await storageSupport() });
    }),
  stageFile: (file, taskId, onProgress, onPreview, origin) => asResult(() => stageFile(db, file, taskId, onProgress, onPreview, origin), taskId),
  removeStaged: (fileId) => asResult(() => removeStaged(db, fileId)),
  reparse: (fileId, options) => asResult(() => reparse(db, fileId, options)),
  addCompanion: (fileId, kind, file) => asResult(() => addCompanion(db, fileId, kind, file)),
  filesInArchive: (file) => asResult(() => filesInArchive(file)),
  secondTableFile: (fileId) => asResult(() => secondTableFile(db, fileId)),
  otherSheetFiles: (fileId) => asResult(() => otherSheetFiles(db, fileId)),
  describe: (source) => asResult(() => ensureTable(db, source)),
  previewFix: (fileId, column, fix, scope, edits, view) => asResult(() => previewFix(db, fileId, column, fix, scope, edits, view)),
  page: (source, request) => asResult(() => readPage(db, source, request)),
  profile: (source, detail) => asResult(() => profileSource(db, source, detail)),
  openView: (source, view) =>
    asResult(async () => {
      const opened = await openView(db, source, view);
      return opened.ok ? ok({ rowCount: opened.value.rowCount }) : opened;
    }),
  runRecipe: (fileId, recipe, taskId, onProgress) =>
    asResult(() => workingOn([fileId], taskId, () => runRecipe(db, fileId, recipe, taskId, onProgress)), taskId),
  checkRecipe: (fileId, recipe) => asResult(() => checkForFile(db, fileId, recipe)),
  inspectRecipe: (recipe) => asResult(() => inspectRecipe(recipe)),
  promote: (fileId, recipe, name, taskId, onProgress) =>
    asResult(() => workingOn([fileId], taskId, () => promote(db, [fileId], recipe, name, taskId, onProgress)), taskId),
  promoteFiles: (fileIds, recipe, name, taskId, onProgress) =>
    asResult(() => workingOn(fileIds, taskId, () => promote(db, fileIds, recipe, name, taskId, onProgress)), taskId),
  listDatasets: () => asResult(listDatasets),
  listVersions: (name) => asResult(() => listVersions(name)),
  deleteVersion: (name, version) => asResult(() => deleteVersion(db, name, version)),
  compareVersions: (name, before, after) => asResult(() => compareVersions(db, name, before, after)),
  exportSource: (source, format, options, taskId, onProgress) =>
    asResult(() => exportSource(db, source, format, options, taskId, onProgress), taskId),
  cancel: async (taskId) => cancelTask(taskId),
  // A fault hook, only in a site built for tests (see browser/engine-client.ts).
  ...(process.env.NEXT_PUBLIC_STAGES_TEST_HOOKS === "1"
    ? {
        simulateQuota: async (bytes: number | null) => simulateQuota(bytes),
        forgetProfile: async (source: SourceRef) => forgetProfile(source),
        holdPromotion: holdNextPromotion,
      }
    : {}),
};

Comlink.expose(engine);
