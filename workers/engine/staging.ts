import { createSHA256 } from "hash-wasm";
import type { ProgressFn } from "@/lib/engine/api";
import { fail, ok, type Result } from "@/lib/result";
import { audit } from "@/lib/staging/audit";
import type { StagedFile, StagesDb } from "@/lib/staging/db";
import { detectEncoding, detectFormat, isGzip } from "@/lib/staging/detect";
import { checkTypes, parseOptionsSchema, type ParseOptions } from "@/lib/staging/parse-options";
import { firstBinaryByte } from "@/lib/staging/sniff-bytes";
import { forgetProfile } from "./profile";
import { dropTable, ensureTable } from "./tables";
import { progressReporter, throwIfCancelled } from "./tasks";
import { contentHead, encodingSample } from "./text";

/**
 * Staging a file: detect what it is, refuse what is not data, hash it while
 * streaming, store bytes and metadata in one IndexedDB transaction, then read
 * it with DuckDB. A file that cannot be read stays staged, marked with the
 * reason, so that other parse options can be tried.
 */
export async function stageFile(db: StagesDb, file: File, taskId: string, onProgress?: ProgressFn): Promise<Result<StagedFile>> {
  if (file.size === 0) return fail({ file: file.name, message: "The file is empty (0 bytes): there is nothing to stage." });
  const detected = await detect(file);
  if (!detected.ok) return detected;

  const sha256 = await hashFile(file, taskId, progressReporter(onProgress));
  const duplicate = await db.files.where("sha256").equals(sha256).first();
  const staged: StagedFile = {
    id: crypto.randomUUID().replaceAll("-", ""),
    name: file.name,
    size: file.size,
    type: file.type,
    sha256,
    addedAt: Date.now(),
    status: "reading",
    parse: detected.value.parse,
    readCount: 1,
    encodingSample: detected.value.sample,
    duplicateOf: duplicate?.name,
  };
  try {
    await db.transaction("rw", db.files, db.blobs, async () => {
      await db.files.add(staged);
      await db.blobs.add({ id: staged.id, blob: file });
    });
  } catch (error) {
    return fail({ file: file.name, message: storageMessage(error) });
  }
  await audit(db, { kind: "add", file: staged.name, sha256, counts: { bytes: file.size }, detail: duplicate ? `same content as ${duplicate.name}` : undefined });
  return ok(await read(db, staged));
}

/** Read a staged file again with other options, and keep them. */
export async function reparse(db: StagesDb, fileId: string, input: ParseOptions): Promise<Result<StagedFile>> {
  const parsed = parseOptionsSchema.safeParse(input);
  if (!parsed.success) return fail({ message: `These parse options are not valid: ${parsed.error.issues[0]?.message}` });
  const typesError = checkTypes(parsed.data.types);
  if (typesError) return fail({ message: typesError });
  const [meta, stored] = await Promise.all([db.files.get(fileId), db.blobs.get(fileId)]);
  if (!meta || !stored) return fail({ message: "This file is no longer in the staging area." });
  await dropTable({ kind: "staged", fileId });
  forgetProfile({ kind: "staged", fileId });
  const head = await contentHead(stored.blob, parsed.data.gzip);
  const next: StagedFile = {
    ...meta,
    parse: parsed.data,
    status: "reading",
    error: undefined,
    readCount: meta.readCount + 1,
    encodingSample: parsed.data.encoding === "utf-8" ? undefined : encodingSample(head, parsed.data.encoding),
  };
  await db.files.put(next);
  return ok(await read(db, next));
}

async function read(db: StagesDb, staged: StagedFile): Promise<StagedFile> {
  const info = await ensureTable(db, { kind: "staged", fileId: staged.id });
  const update: Partial<StagedFile> = info.ok
    ? { status: "ready", columns: info.value.columns, rowCount: info.value.rowCount, error: undefined }
    : { status: "error", error: info.error, columns: undefined, rowCount: undefined };
  await db.files.update(staged.id, update);
  const after = (await db.files.get(staged.id)) ?? { ...staged, ...update };
  await audit(db, {
    kind: "read",
    file: staged.name,
    sha256: staged.sha256,
    counts: info.ok ? { rows: info.value.rowCount, columns: info.value.columns.length, badLines: after.badLines ?? 0 } : undefined,
    detail: info.ok ? `${staged.parse.format}, ${staged.parse.encoding}` : `failed: ${info.error.message}`,
  });
  return after;
}

async function detect(file: File): Promise<Result<{ parse: ParseOptions; sample?: { asUtf8: string; decoded: string } }>> {
  const gzip = isGzip(new Uint8Array(await file.slice(0, 2).arrayBuffer()));
  const head = await contentHead(file, gzip);
  if (gzip && head.length === 0) return fail({ file: file.name, message: "The gzip data is truncated or damaged, so the file cannot be read." });
  const format = detectFormat(file.name, head);
  const text = format === "csv" || format === "json" || format === "ndjson";
  const encoding = text ? detectEncoding(head) : "utf-8";
  if (text && !encoding.startsWith("utf-16")) {
    const binaryAt = firstBinaryByte(head);
    if (binaryAt !== null) {
      return fail({
        file: file.name,
        message: `This is not a text file (byte ${binaryAt + 1} is a binary control character), so it cannot be read as ${format.toUpperCase()}.`,
      });
    }
  }
  const parse = parseOptionsSchema.parse({ format, gzip, encoding, delimiter: /\.(tsv|tab)(\.gz)?$/i.test(file.name) ? "\\t" : undefined });
  return ok({ parse, sample: encoding === "utf-8" ? undefined : encodingSample(head, encoding) });
}

/** Files left "reading" (the tab closed mid-read) are read again. */
export async function resumeReads(db: StagesDb): Promise<void> {
  for (const file of await db.files.toArray()) if (file.status === "reading") await read(db, file);
}

export async function removeStaged(db: StagesDb, fileId: string): Promise<Result<null>> {
  await dropTable({ kind: "staged", fileId });
  forgetProfile({ kind: "staged", fileId });
  const meta = await db.files.get(fileId);
  if (meta) await audit(db, { kind: "delete-file", file: meta.name, sha256: meta.sha256 });
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
