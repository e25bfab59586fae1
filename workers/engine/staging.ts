import { createSHA256 } from "hash-wasm";
import type { ProgressFn } from "@/lib/engine/api";
import { fail, ok, type Result } from "@/lib/result";
import type { StagedFile, StagesDb } from "@/lib/staging/db";
import { firstBinaryByte } from "@/lib/staging/sniff-bytes";
import { ensureTable, dropTable } from "./tables";
import { progressReporter, throwIfCancelled } from "./tasks";

/**
 * Staging a file: refuse what is not text, hash it while streaming, store
 * bytes and metadata in one IndexedDB transaction, then let DuckDB sniff it.
 * A file DuckDB cannot read stays staged, marked with the reason.
 */
export async function stageFile(
  db: StagesDb,
  file: File,
  taskId: string,
  onProgress?: ProgressFn,
): Promise<Result<StagedFile>> {
  if (file.size === 0) return fail({ file: file.name, message: "The file is empty (0 bytes): there is nothing to stage." });
  const binaryAt = firstBinaryByte(new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer()));
  if (binaryAt !== null) {
    return fail({
      file: file.name,
      message: `This is not a text file (byte ${binaryAt + 1} is a binary control character), so it cannot be read as CSV.`,
    });
  }

  const sha256 = await hashFile(file, taskId, progressReporter(onProgress));
  const staged: StagedFile = {
    id: crypto.randomUUID().replaceAll("-", ""),
    name: file.name,
    size: file.size,
    type: file.type,
    sha256,
    addedAt: Date.now(),
    status: "reading",
  };
  try {
    await db.transaction("rw", db.files, db.blobs, async () => {
      await db.files.add(staged);
      await db.blobs.add({ id: staged.id, blob: file });
    });
  } catch (error) {
    return fail({ file: file.name, message: storageMessage(error) });
  }

  const info = await ensureTable(db, { kind: "staged", fileId: staged.id });
  const update: Partial<StagedFile> = info.ok
    ? { status: "ready", columns: info.value.columns, rowCount: info.value.rowCount }
    : { status: "error", error: info.error };
  await db.files.update(staged.id, update);
  return ok({ ...staged, ...update });
}

export async function removeStaged(db: StagesDb, fileId: string): Promise<Result<null>> {
  await dropTable({ kind: "staged", fileId });
  await db.transaction("rw", db.files, db.blobs, db.drafts, async () => {
    await db.files.delete(fileId);
    await db.blobs.delete(fileId);
    await db.drafts.delete(fileId);
  });
  return ok(null);
}

async function hashFile(file: File, taskId: string, report: ReturnType<typeof progressReporter>): Promise<string> {
  const hasher = await createSHA256();
  hasher.init();
  const reader = file.stream().getReader();
  let done = 0;
  for (;;) {
    throwIfCancelled(taskId);
    const chunk = await reader.read();
    if (chunk.done) break;
    hasher.update(chunk.value);
    done += chunk.value.byteLength;
    report({ phase: "Checksumming", done, total: file.size, unit: "bytes" });
  }
  report({ phase: "Checksumming", done, total: file.size, unit: "bytes" }, true);
  return hasher.digest("hex");
}

function storageMessage(error: unknown): string {
  const name = (error as { name?: string; inner?: { name?: string } })?.inner?.name ?? (error as Error)?.name;
  if (name === "QuotaExceededError") {
    return "There is not enough browser storage to stage this file. Remove staged files or datasets, then try again. Nothing was kept.";
  }
  return `The browser could not store this file (${String((error as Error)?.message ?? error)}). Nothing was kept.`;
}
