import { editsInForce, editsOutside } from "@/lib/recipe/edits";
import { sha256, sha256Text } from "@/lib/hash";
import { describeAccount, type LineAccount } from "@/lib/csv/accounting";
import { dataFileName, manifestFileName, nextVersion, tempFileName } from "@/lib/datasets/layout";
import { manifestSchema, type Manifest } from "@/lib/datasets/manifest";
import { checkDatasetName } from "@/lib/datasets/name";
import type { ProgressFn } from "@/lib/engine/api";
import type { Recipe } from "@/lib/recipe/schema";
import { fail, ok, type Result } from "@/lib/result";
import { ident } from "@/lib/sql/quote";
import { appendAudit } from "@/browser/staging-store";
import { isQuotaError, quotaMessage } from "@/lib/storage-error";
import type { StagesDb } from "@/browser/staging-db";
import type { StagedFile } from "@/lib/staging/staged-file";
import { datasetLock } from "./datasets";
import { withConnection, type Connection } from "./duckdb";
import { serial } from "./serial";
import { datasetDir, fileNames, moveFile, removeEntry, writeText } from "./opfs";
import { parquetStream } from "./parquet";
import { PIPELINE, runRecipeOn } from "./pipeline";
import { streamIpc } from "./query";
import { versionWrittenFrom } from "./version-sources";
import { roomFor } from "./quota";
import { resultNames } from "./tables";
import { Cancelled, progressReporter, throwIfCancelled } from "./tasks";

/**
 * Promote a staged file, through its recipe, to a new version of a dataset.
 * The recipe runs again on the full data, then the final rows are streamed
 * to a temporary file, moved into place, and only then is the manifest (the
 * commit point) written. A Web Lock per dataset keeps two tabs from taking
 * the same version number.
 */
export async function promote(
  db: StagesDb,
  fileId: string,
  recipe: Recipe,
  datasetName: string,
  taskId: string,
  onProgress?: ProgressFn,
): Promise<Result<Manifest>> {
  const nameError = checkDatasetName(datasetName);
  if (nameError) return fail({ message: nameError });
  const staged = await db.files.get(fileId);
  if (!staged) return fail({ message: "This file is no longer in the staging area." });
  // The recipe's result tables, then the Parquet file (compressed: smaller than the staged file).
  const room = await roomFor(2 * staged.size, `promote to ${datasetName}`);
  if (!room.ok) return fail({ message: `Promotion to ${datasetName} did not start, nothing was changed: ${room.error.message}` });
  return serial(PIPELINE, () =>
    withConnection((conn) => promoteOn(conn, db, staged, recipe, datasetName, taskId, progressReporter(onProgress))),
  );
}

async function promoteOn(
  conn: Connection,
  db: StagesDb,
  staged: StagedFile,
  recipe: Recipe,
  datasetName: string,
  taskId: string,
  report: ReturnType<typeof progressReporter>,
): Promise<Result<Manifest>> {
  const fileId = staged.id;
  report({ phase: "Running the recipe", done: 0, unit: "rows" }, true);
  const run = await runRecipeOn(conn, db, fileId, recipe, taskId);
  if (!run.ok) return run;
  const summary = run.value;
  if (recipe.onErrors === "block" && summary.rejectedByRules > 0) {
    return fail({ message: `Promotion to ${datasetName} is blocked while rows have errors (${summary.rejectedByRules} now): the recipe says so. Fix them, or choose what promotion does with them.` });
  }
  const finalTable = resultNames(fileId).final;
  // A CSV source's lines, as its last read accounted for them: every line in a row, set aside, or outside the table.
  const lines = (await db.files.get(fileId))?.csv?.lines;
  if (lines && (!lines.balanced || lines.rows !== summary.rowsIn)) {
    return fail({ message: `Promotion to ${datasetName} did not start, nothing was changed: the lines of ${staged.name} do not reconcile (${describeAccount(lines)}; ${summary.rowsIn} rows in).` });
  }

  return navigator.locks.request(datasetLock(datasetName), async () => {
    const dir = (await datasetDir(datasetName, true))!;
    const version = nextVersion(await fileNames(dir));
    const temp = tempFileName(version, crypto.randomUUID().slice(0, 8));
    const total = summary.final;
    try {
      // The final rows' own columns: a pass-through view also carries the position it is paged by.
      const list = summary.finalColumns.map((c) => ident(c.name)).join(", ") || "*";
      const ipc = await streamIpc(conn, `SELECT ${list} FROM ${ident(finalTable)}`);
      let promoted = 0;
      const batches = (async function* () {
        for await (const message of ipc) {
          throwIfCancelled(taskId);
          yield message;
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
      const manifest: Manifest = manifestSchema.parse({
        kind: "stages.dataset-manifest",
        manifestVersion: 1,
        name: datasetName,
        version,
        createdAt: new Date().toISOString(),
        appVersion: process.env.NEXT_PUBLIC_APP_VERSION ?? "dev",
        schema: summary.finalColumns,
        rows: { in: summary.rowsIn, valid: summary.rowsIn - summary.rejectedByRules, rejected: summary.rejected, promoted },
        sqlStage: recipe.sql ? { rowsIn: summary.transformed, rowsOut: promoted } : null,
        sources: [{ name: staged.name, sha256: staged.sha256, size: staged.size, ...(lines ? { lines: sourceLines(lines) } : {}) }],
        recipe,
        recipeSha256: await sha256Text(JSON.stringify(recipe)),
        ...(staged.drift ? { drift: staged.drift } : {}),
        ...(recipe.edits?.length
          ? { edits: { cells: editsInForce(recipe.edits).length, notApplied: editsOutside(recipe.edits, staged.columns ?? [], summary.rowsIn).length } }
          : {}),
        data: { file: dataFileName(version), format: "parquet", compression: "zstd", ...data },
      });
      await writeText(dir, manifestFileName(version), JSON.stringify(manifest, null, 2));
      versionWrittenFrom(datasetName, version, fileId, finalTable, manifest.data.sha256);
      await appendAudit(db, { kind: "promote", file: staged.name, sha256: staged.sha256, dataset: datasetName, version, counts: manifest.rows });
      report({ phase: "Done", done: promoted, total, unit: "rows" }, true);
      return ok(manifest);
    } catch (error) {
      await removeEntry(dir, temp);
      await removeEntry(dir, dataFileName(version));
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
  const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
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
