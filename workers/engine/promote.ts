import { describedColumns } from "@/lib/datasets/column-units";
import { keepsCodes } from "@/lib/staging/parse-options";
import { editsInForce, editsOutside } from "@/lib/recipe/edits";
import { sha256, sha256Text } from "@/lib/hash";
import { describeAccount, type LineAccount } from "@/lib/csv/accounting";
import { dataFileName, dataPackageFileName, manifestFileName, nextVersion, tempFileName } from "@/lib/datasets/layout";
import { manifestSchema, type Manifest } from "@/lib/datasets/manifest";
import { checkDatasetName } from "@/lib/datasets/name";
import type { ProgressFn, RunSummary } from "@/lib/engine/api";
import type { Recipe } from "@/lib/recipe/schema";
import { fail, ok, type Result } from "@/lib/result";
import { dataPackageOf } from "@/lib/standards/data-package";
import { ident, literal } from "@/lib/sql/quote";
import { appendAudit } from "@/browser/staging-store";
import { isQuotaError, quotaMessage } from "@/lib/storage-error";
import type { StagesDb } from "@/browser/staging-db";
import type { StagedFile } from "@/lib/staging/staged-file";
import { datasetLock } from "./datasets";
import { withConnection, type Connection } from "./duckdb";
import { serial } from "./serial";
import { datasetDir, fileNames, removeEntry, writeText } from "./opfs";
import { parquetStream } from "./parquet";
import { PIPELINE, runRecipeOn } from "./pipeline";
import { streamIpc } from "./query";
import { versionWrittenFrom } from "./version-sources";
import { roomFor } from "./quota";
import { resultNames } from "./tables";
import { Cancelled, progressReporter, throwIfCancelled } from "./tasks";
import { holdIfAsked } from "./promotion-hold";
import { moveFile, openWriter } from "./file-handles";

/** A column each row of a version made of several files carries: the name of the file it came from. */
export const SOURCE_FILE_COLUMN = "_source_file";

/**
 * Promote staged files, through one recipe, to a new version of a dataset:
 * one file, or several appended (each row carrying its file's name in
 * `_source_file`; the recipe's cell edits belong to the first file). The
 * recipe runs on each file's full data, then the final rows are streamed to a
 * temporary file, moved into place, its Data Package written beside it, and
 * only then is the manifest (the commit point) written. A Web Lock per dataset keeps two tabs from taking the same
 * version number.
 */
export async function promote(
  db: StagesDb,
  fileIds: string[],
  recipe: Recipe,
  datasetName: string,
  taskId: string,
  onProgress?: ProgressFn,
): Promise<Result<Manifest>> {
  const nameError = checkDatasetName(datasetName);
  if (nameError) return fail({ message: nameError });
  const files: StagedFile[] = [];
  for (const id of fileIds) {
    const staged = await db.files.get(id);
    if (!staged) return fail({ message: "A file to promote is no longer in the staging area." });
    files.push(staged);
  }
  if (files.length === 0) return fail({ message: "There is no file to promote." });
  // The recipe's result tables, then the Parquet file (compressed: smaller than the staged files).
  const room = await roomFor(2 * files.reduce((n, f) => n + f.size, 0), `promote to ${datasetName}`);
  if (!room.ok) return fail({ message: `Promotion to ${datasetName} did not start, nothing was changed: ${room.error.message}` });
  return serial(PIPELINE, () => withConnection((conn) => promoteOn({ conn, db, recipe, datasetName, taskId, report: progressReporter(onProgress) }, files)));
}

/** What a promotion works with, from the first run to the manifest. */
interface Promotion {
  conn: Connection;
  db: StagesDb;
  recipe: Recipe;
  datasetName: string;
  taskId: string;
  report: ReturnType<typeof progressReporter>;
}

interface FileRun {
  file: StagedFile;
  summary: RunSummary;
  lines?: LineAccount;
}

/** Each file through the recipe (edits on the first only): its run, or why it cannot be promoted. */
async function runEach({ conn, db, recipe, datasetName, taskId, report }: Promotion, files: StagedFile[]): Promise<Result<FileRun[]>> {
  const runs: FileRun[] = [];
  for (const [i, file] of files.entries()) {
    if (files.length > 1) report({ phase: `Running the recipe on ${file.name} (file ${i + 1} of ${files.length})`, done: i, unit: "steps" }, true);
    const run = await runRecipeOn(conn, db, file.id, i === 0 ? recipe : { ...recipe, edits: undefined }, taskId);
    if (!run.ok) return files.length > 1 ? fail({ ...run.error, message: `${file.name}: ${run.error.message}` }) : run;
    const summary = run.value;
    if (recipe.onErrors === "block" && summary.rejectedByRules > 0) {
      return fail({ message: `Promotion to ${datasetName} is blocked while rows have errors (${summary.rejectedByRules} now${files.length > 1 ? ` in ${file.name}` : ""}): the recipe says so. Fix them, or choose what promotion does with them.` });
    }
    // A CSV source's lines, as its last read accounted for them: every line in a row, set aside, or outside the table.
    const lines = (await db.files.get(file.id))?.csv?.lines;
    if (lines && (!lines.balanced || lines.rows !== summary.rowsIn)) {
      return fail({ message: `Promotion to ${datasetName} did not start, nothing was changed: the lines of ${file.name} do not reconcile (${describeAccount(lines)}; ${summary.rowsIn} rows in).` });
    }
    const first = runs[0]?.summary.finalColumns;
    if (first && JSON.stringify(summary.finalColumns) !== JSON.stringify(first)) {
      return fail({ message: `${file.name} ends with other columns than ${runs[0]!.file.name} (${summary.finalColumns.map((c) => `${c.name} ${c.type}`).join(", ")}): one dataset needs the same columns.` });
    }
    runs.push({ file, summary, ...(lines ? { lines } : {}) });
  }
  return ok(runs);
}

async function promoteOn(promotion: Promotion, files: StagedFile[]): Promise<Result<Manifest>> {
  const { conn, db, recipe, datasetName, taskId, report } = promotion;
  report({ phase: "Running the recipe", done: 0, unit: "rows" }, true);
  const ran = await runEach(promotion, files);
  if (!ran.ok) return ran;
  const runs = ran.value;
  const several = runs.length > 1;
  const sum = (f: (r: FileRun) => number) => runs.reduce((n, r) => n + f(r), 0);

  return navigator.locks.request(datasetLock(datasetName), async () => {
    const dir = (await datasetDir(datasetName, true))!;
    const version = nextVersion(await fileNames(dir));
    const temp = tempFileName(version, crypto.randomUUID().slice(0, 8));
    const total = sum((r) => r.summary.final);
    try {
      // The final rows' own columns (a pass-through view also carries the position it is paged by); several files, one after the other, each row with its file's name.
      const list = runs[0]!.summary.finalColumns.map((c) => ident(c.name)).join(", ") || "*";
      const select = (r: FileRun) => `SELECT ${list}${several ? `, ${literal(r.file.name)} AS ${SOURCE_FILE_COLUMN}` : ""} FROM ${ident(resultNames(r.file.id).final)}`;
      const ipc = await streamIpc(conn, runs.map(select).join("\nUNION ALL\n"));
      let promoted = 0;
      const batches = (async function* () {
        for await (const message of ipc) {
          throwIfCancelled(taskId);
          yield message;
          await holdIfAsked("writing", taskId);
        }
      })();
      const data = await writeStream(
        dir,
        temp,
        await parquetStream(batches, (rows) => {
          promoted += rows;
          report({ phase: "Writing Parquet", done: promoted, total, unit: "rows" });
        }),
      );
      // A cancel stops the batches; parquet-wasm then ends its output as if the rows had run out.
      throwIfCancelled(taskId);
      if (promoted !== total) {
        throw new Error(`Row counts do not reconcile: ${total} final rows, ${promoted} written.`);
      }
      await moveFile(dir, temp, dataFileName(version));
      const [first] = runs;
      const edits = recipe.edits?.length
        ? { edits: { cells: editsInForce(recipe.edits).length, notApplied: editsOutside(recipe.edits, first!.file.columns ?? [], first!.summary.rowsIn).length } }
        : {};
      const manifest: Manifest = manifestSchema.parse({
        kind: "stages.dataset-manifest",
        manifestVersion: 1,
        name: datasetName,
        version,
        ...(first!.file.datasetLabel ? { title: first!.file.datasetLabel } : {}),
        createdAt: new Date().toISOString(),
        appVersion: process.env.NEXT_PUBLIC_APP_VERSION ?? "dev",
        schema: [...describedColumns(first!.summary.finalColumns, first!.file.csv?.units, !!recipe.sql, first!.file.parse.numbers, { labels: first!.file.columnLabels, codes: keepsCodes(first!.file.parse) ? first!.file.codeLabels : undefined }), ...(several ? [{ name: SOURCE_FILE_COLUMN, type: "VARCHAR" }] : [])],
        rows: { in: sum((r) => r.summary.rowsIn), valid: sum((r) => r.summary.rowsIn - r.summary.rejectedByRules), rejected: sum((r) => r.summary.rejected), promoted },
        sqlStage: recipe.sql ? { rowsIn: sum((r) => r.summary.transformed), rowsOut: promoted } : null,
        sources: runs.map(({ file, summary, lines }) => ({
          name: file.name,
          sha256: file.sha256,
          size: file.size,
          ...(file.derivedFrom ? { derivedFrom: file.derivedFrom } : {}),
          ...(file.url ? { url: file.url } : {}),
          ...(file.companions ? { companions: file.companions } : {}),
          ...(lines ? { lines: sourceLines(lines) } : {}),
          ...(several ? { rows: { in: summary.rowsIn, rejected: summary.rejected, promoted: summary.final } } : {}),
        })),
        recipe,
        recipeSha256: await sha256Text(JSON.stringify(recipe)),
        ...(!several && first!.file.drift ? { drift: first!.file.drift } : {}),
        ...edits,
        data: { file: dataFileName(version), format: "parquet", compression: "zstd", ...data },
      });
      await writeText(dir, dataPackageFileName(version), JSON.stringify(dataPackageOf(manifest), null, 2));
      await holdIfAsked("commit", taskId);
      await writeText(dir, manifestFileName(version), JSON.stringify(manifest, null, 2));
      if (!several) versionWrittenFrom(datasetName, version, first!.file.id, resultNames(first!.file.id).final, manifest.data.sha256);
      for (const { file } of runs) await appendAudit(db, { kind: "promote", file: file.name, sha256: file.sha256, dataset: datasetName, version, counts: manifest.rows });
      report({ phase: "Done", done: promoted, total, unit: "rows" }, true);
      return ok(manifest);
    } catch (error) {
      await removeEntry(dir, temp);
      await removeEntry(dir, dataFileName(version));
      await removeEntry(dir, dataPackageFileName(version));
      if (error instanceof Cancelled) throw error;
      // A cancel that stops the batches mid-stream can surface as parquet-wasm's own error ("Dyn casting error").
      throwIfCancelled(taskId);
      const reason = isQuotaError(error) ? quotaMessage(`write version ${version} of ${datasetName}`) : (error as Error).message;
      return fail({ message: `Promotion to ${datasetName} did not complete, nothing was changed: ${reason}` });
    }
  });
}

const sourceLines = ({ balanced: _, ...counts }: LineAccount) => counts;

async function writeStream(
  dir: FileSystemDirectoryHandle,
  name: string,
  stream: ReadableStream<Uint8Array<ArrayBuffer>>,
): Promise<{ size: number; sha256: string }> {
  const hasher = await sha256();
  const writable = await openWriter(await dir.getFileHandle(name, { create: true }));
  const reader = stream.getReader();
  let size = 0;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      hasher.update(next.value);
      size += next.value.byteLength;
      await writable.write(next.value);
    }
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
  return { size, sha256: hasher.hex() };
}
