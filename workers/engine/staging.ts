import { sha256, sha256Bytes } from "@/lib/hash";
import { LineCounter, type LineCount } from "@/lib/csv/lines";
import type { HeadPreview, Progress, ProgressFn, TableInfo } from "@/lib/engine/api";
import { errorText, fail, ok, type Result } from "@/lib/result";
import { addStagedFile, appendAudit, removeStagedFile, updateStagedFile } from "@/browser/staging-store";
import { isQuotaError, quotaMessage } from "@/lib/storage-error";
import type { StagesDb } from "@/browser/staging-db";
import { COMPANION_KINDS, stagedBytes, type CompanionKind, type FileOrigin, type StagedFile } from "@/lib/staging/staged-file";
import { storageSupport } from "./storage-support";
import { detectEncoding, detectFormat, isGzip, isSqlScript, markupKind } from "@/lib/staging/detect";
import { checkTypes, parseOptionsSchema, type ParseOptions } from "@/lib/staging/parse-options";
import { firstBinaryByte } from "@/lib/staging/sniff-bytes";
import { knownBinary } from "@/lib/staging/known-binaries";
import { forgetProfile } from "./profile";
import { roomFor } from "./quota";
import type { ReadInfo } from "./read-info";
import { recordRead } from "./kept-tables";
import { dropTable, ensureTable, readFindings, readNewStaged, tableName } from "./tables";
import { Cancelled, cancelWorkOn, progressReporter, throwIfCancelled } from "./tasks";
import { contentHead, encodingSample } from "./text";
import { companionAlone } from "@/lib/dbf/companions";
import { codePageOf, projectionOf } from "./companion-files";
import { catalogAlone } from "@/lib/sas/catalog-files";

/**
 * Staging a file: detect what it is, refuse what is not data; then, at the
 * same time, read it with DuckDB (in DuckDB's own worker) and hash it while
 * streaming, then store bytes and metadata in one IndexedDB transaction. A
 * file that cannot be read stays staged, marked with the reason, so that
 * other parse options can be tried; a file that cannot be stored leaves
 * nothing behind.
 */
export async function stageFile(
  db: StagesDb,
  file: File,
  taskId: string,
  onProgress?: ProgressFn,
  onPreview?: (preview: HeadPreview) => void,
  origin: FileOrigin = {},
): Promise<Result<StagedFile>> {
  if (file.size === 0) return fail({ file: file.name, message: "The file is empty (0 bytes): there is nothing to stage." });
  const detected = await detect(file);
  if (!detected.ok) return detected;
  // A code page file added with a dBase table names its text's encoding (else the table's own bytes tell it: dbf.ts).
  const cpg = detected.value.parse.format === "dbf" && origin.cpg ? await codePageOf(origin.cpg) : undefined;
  if (cpg) detected.value.parse.encoding = cpg.encoding;
  const projection = detected.value.parse.format === "dbf" && origin.prj ? await projectionOf(origin.prj) : undefined;
  // The bytes in IndexedDB, and DuckDB's table of them (usually smaller, never much larger).
  const room = await roomFor(2 * file.size, "stage this file");
  if (!room.ok) return fail({ ...room.error, file: file.name });
  const id = crypto.randomUUID().replaceAll("-", "");
  // One pass over the bytes checksums them and, for a CSV read as it is, counts its lines for the read's accounting.
  const { parse } = detected.value;
  const asItIs = !parse.gzip && parse.encoding === "utf-8";
  // JSON read as it is (UTF-8, not gzip), small enough to checksum whole, is read once, in one piece (twice as fast
  // as a slice at a time): the checksum and the read share the bytes.
  const json = (parse.format === "json" || parse.format === "ndjson") && asItIs && file.size <= WHOLE_DIGEST_BYTES;
  const bytes = json ? file.arrayBuffer().then((buffer) => new Uint8Array(buffer)) : undefined;
  // NUL bytes are NUL bytes in the file's own bytes in any encoding but UTF-16's, and in gzip's only once inflated.
  const findNul = parse.format === "csv" && !parse.gzip && !parse.encoding.startsWith("utf-16");
  // A CSV's pass starts once the read has found its layout: the pass's slices (read and counted on this thread)
  // would hold up the layout's small reads of the file's first and last lines, and DuckDB's read waits for the layout.
  let layoutFound = () => {};
  const afterLayout = parse.format === "csv" ? new Promise<void>((resolve) => (layoutFound = resolve)) : Promise.resolve();
  const scan = afterLayout.then(() => scanFile(file, { countLines: parse.format === "csv" && asItIs, findNul, bytes }, taskId, progressReporter(onProgress)));
  const lines = scan.then((s) => s.lines ?? undefined);
  lines.catch(() => undefined);
  const nulBytes = scan.then((s) => s.nulBytes, () => false);
  // The read sends the file's first rows to `onPreview` as soon as it has them (delimited text, JSON, statistical datasets).
  // A dBase table's memo file, a shapefile's geometry and a SAS dataset's catalog, added with it, are read and kept with it.
  const companions = COMPANION_KINDS.flatMap((kind) => (origin[kind] ? [{ kind, name: origin[kind].name, blob: origin[kind] }] : []));
  // What the read is at (a typed file's rows loaded so far, a sheet or JSON text parsed) is said once the checksum
  // and the copy (whose bytes are said first) are done.
  const loading: { at: Progress | null; said: boolean } = { at: null, said: false };
  const readAt = (at: Progress) => {
    loading.at = at;
    if (loading.said) onProgress?.(at);
  };
  const onRows = (done: number, total?: number) => readAt({ phase: "Loading rows into DuckDB", done, ...(total ? { total } : {}), unit: "rows" });
  const onPhase = (phase: string, rows?: { done: number; total?: number }) => readAt(rows ? { phase, ...rows, unit: "rows" } : { phase, done: 0, unit: "steps" });
  const reading = readNewStaged(id, file.name, parse, file, { lines, nulBytes, ...(bytes ? { bytes } : {}), companions, onHead: onPreview, onRows, onPhase, onLayout: () => layoutFound() });
  void reading.then(layoutFound, layoutFound);
  const stored = await store(db, file, id, detected.value, scan.then((s) => s.sha256), origin, companions, { cpg, projection }).then(
    (staged) => ({ staged }),
    (error: unknown) => ({ error }),
  );
  if ("error" in stored) {
    // Nothing was kept: the table being read goes as soon as the read ends.
    void reading.then(() => dropTable({ kind: "staged", fileId: id }));
    if (stored.error instanceof Cancelled) throw stored.error;
    return fail({ file: file.name, message: storageMessage(stored.error) });
  }
  // The checksum and the copy are done; the read may still be going on (a CSV's says nothing of how far it is).
  loading.said = true;
  onProgress?.(loading.at ?? { phase: "Reading into DuckDB", done: 0, unit: "steps" });
  const read = await reading;
  return ok(await record(db, stored.staged, read.ok ? ok(read.value.info) : read, read.ok ? read.value.found : undefined));
}

/** Checksum the file, then store its bytes and record in one transaction; resolves with the record. */
async function store(
  db: StagesDb,
  file: File,
  id: string,
  detected: { parse: ParseOptions; sample?: { asUtf8: string; decoded: string } },
  checksum: Promise<string>,
  { derivedFrom, url }: FileOrigin,
  companions: { kind: CompanionKind; name: string; blob: Blob }[],
  { cpg, projection }: Pick<StagedFile, "cpg" | "projection">,
): Promise<StagedFile> {
  const sha256 = await checksum;
  const kept = await Promise.all(companions.map(async ({ kind, name, blob }) => ({ kind, name, size: blob.size, sha256: await sha256Bytes(new Uint8Array(await blob.arrayBuffer())) })));
  const duplicate = await db.files.where("sha256").equals(sha256).first();
  const staged: StagedFile = {
    id,
    name: file.name,
    size: file.size,
    type: file.type,
    sha256,
    addedAt: Date.now(),
    sqlName: "",
    status: "reading",
    parse: detected.parse,
    readCount: 1,
    encodingSample: detected.sample,
    duplicateOf: duplicate?.name,
    ...(derivedFrom ? { derivedFrom } : {}),
    ...(url ? { url } : {}),
    ...(kept.length ? { companions: kept } : {}),
    ...(cpg ? { cpg } : {}),
    ...(projection ? { projection } : {}),
  };
  const added = await addStagedFile(db, staged, file, !(await storageSupport()).blobsInIndexedDb, companions);
  await appendAudit(db, { kind: "add", file: staged.name, sha256, counts: { bytes: file.size }, detail: duplicate ? `same content as ${duplicate.name}` : undefined });
  return added;
}

/** Read a staged file again with other options, and keep them. */
export async function reparse(db: StagesDb, fileId: string, input: ParseOptions): Promise<Result<StagedFile>> {
  const parsed = parseOptionsSchema.safeParse(input);
  if (!parsed.success) return fail({ message: `These parse options are not valid: ${parsed.error.issues[0]?.message}` });
  const typesError = checkTypes(parsed.data.types);
  if (typesError) return fail({ message: typesError });
  const [meta, stored] = await Promise.all([db.files.get(fileId), db.blobs.get(fileId)]);
  if (!meta || !stored) return fail({ message: "This file is no longer in the staging area." });
  const head = await contentHead(stagedBytes(stored), parsed.data.gzip);
  const next: StagedFile = {
    ...meta,
    parse: parsed.data,
    status: "reading",
    error: undefined,
    readCount: meta.readCount + 1,
    encodingSample: parsed.data.encoding === "utf-8" ? undefined : encodingSample(head, parsed.data.encoding),
  };
  // The new options are recorded before the old table goes: a page or profile asked for in between must
  // not read the file again with the old ones (it did, and the re-read kept the old encoding's text).
  await updateStagedFile(db, fileId, next);
  await dropTable({ kind: "staged", fileId });
  forgetProfile({ kind: "staged", fileId });
  return ok(await read(db, next));
}

async function read(db: StagesDb, staged: StagedFile): Promise<StagedFile> {
  return record(db, staged, await ensureTable(db, { kind: "staged", fileId: staged.id }));
}

/** Save what reading a staged file gave (its table, or why it could not be read), and log it. */
async function record(db: StagesDb, staged: StagedFile, info: Result<TableInfo>, found?: ReadInfo): Promise<StagedFile> {
  const update: Partial<StagedFile> = info.ok
    ? { status: "ready", columns: info.value.columns, rowCount: info.value.rowCount, error: undefined, ...(found ? readFindings(found) : {}) }
    : { status: "error", error: info.error, columns: undefined, rowCount: undefined };
  await updateStagedFile(db, staged.id, update);
  const saved = await db.files.get(staged.id);
  // The table is kept for the next visit only once its read is saved with the file (kept-tables.ts).
  if (info.ok) await recordRead(tableName({ kind: "staged", fileId: staged.id }), saved);
  const after = saved ?? { ...staged, ...update };
  await appendAudit(db, {
    kind: "read",
    file: staged.name,
    sha256: staged.sha256,
    counts: info.ok ? { rows: info.value.rowCount, columns: info.value.columns.length, badLines: after.badLines ?? 0 } : undefined,
    detail: info.ok ? `${staged.parse.format}, ${staged.parse.encoding}` : `failed: ${info.error.message}`,
  });
  return after;
}

const SQL_MESSAGE =
  "This is a SQL script (a database dump of statements), not CSV: its rows are INSERT statements. Export the table from the database as CSV (or Parquet) and stage that.";
const XML_MESSAGE =
  "This is an XML document under a CSV name (often a download that returned an error instead of the data): if it holds the data, rename it .xml and stage it again; otherwise download the CSV again.";

async function detect(file: File): Promise<Result<{ parse: ParseOptions; sample?: { asUtf8: string; decoded: string } }>> {
  const companion = companionAlone(file.name) ?? catalogAlone(file.name);
  if (companion) return fail({ file: file.name, message: companion });
  const gzip = isGzip(new Uint8Array(await file.slice(0, 2).arrayBuffer()));
  const head = await contentHead(file, gzip);
  if (gzip && head.length === 0) return fail({ file: file.name, message: "The gzip data is truncated or damaged, so the file cannot be read." });
  const format = detectFormat(file.name, head);
  const text = format === "csv" || format === "json" || format === "ndjson" || format === "html" || format === "xml";
  const binary = text ? knownBinary(head) : null;
  if (binary) return fail({ file: file.name, message: binary });
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
  if (format === "csv" && markupKind(head) === "XML") return fail({ file: file.name, message: XML_MESSAGE });
  if (format === "csv" && isSqlScript(head)) return fail({ file: file.name, message: SQL_MESSAGE });
  const parse = parseOptionsSchema.parse({ format, gzip, encoding, delimiter: /\.(tsv|tab)(\.gz)?$/i.test(file.name) ? "\\t" : undefined });
  return ok({ parse, sample: encoding === "utf-8" ? undefined : encodingSample(head, encoding) });
}

/** Files left "reading" (the tab closed mid-read) are read again. */
export async function resumeReads(db: StagesDb): Promise<void> {
  for (const file of await db.files.toArray()) if (file.status === "reading") await read(db, file);
}

export async function removeStaged(db: StagesDb, fileId: string): Promise<Result<null>> {
  // A recipe run or promotion of the file stops: nothing of it is written after the file is gone.
  cancelWorkOn(fileId);
  await dropTable({ kind: "staged", fileId });
  forgetProfile({ kind: "staged", fileId });
  const meta = await db.files.get(fileId);
  if (meta) await appendAudit(db, { kind: "delete-file", file: meta.name, sha256: meta.sha256 });
  await removeStagedFile(db, fileId);
  return ok(null);
}

/**
 * The file's SHA-256 and, when asked, its lines and whether it holds a NUL
 * byte (0.6 s a GB in Chromium), in one pass. It reads the file a slice at a
 * time, not as a stream: a stream of a File reads ahead,
 * and every other read of the same File waits behind it (the 64 KB tail the
 * CSV layout needs took 3 s while a 1 GB file was hashed, and DuckDB's read
 * waited for the layout).
 */
const SCAN_CHUNK = 4 * 1024 * 1024;
/**
 * Files up to this size are checksummed by the browser's own SHA-256
 * (WebCrypto, one call on a copy of the file in memory); bigger ones stream
 * through hash-wasm, which is several times slower.
 */
const WHOLE_DIGEST_BYTES = 256 * 1024 * 1024;

interface Scan {
  /** Count the lines (a CSV read as it is). */
  countLines: boolean;
  /** Look for NUL bytes (a CSV whose bytes hold its text's NULs as they are). */
  findNul: boolean;
  /** The whole file's bytes, already being read for the read too: checksummed as they are. */
  bytes?: Promise<Uint8Array<ArrayBuffer>>;
}

async function scanFile(file: File, { countLines, findNul, bytes }: Scan, taskId: string, report: ReturnType<typeof progressReporter>): Promise<{ sha256: string; lines: LineCount | null; nulBytes: boolean }> {
  if (bytes) {
    throwIfCancelled(taskId);
    const whole = await bytes;
    if (whole.byteLength !== file.size) throw new Error(CHANGED);
    const sha = await sha256Bytes(whole);
    report({ phase: "Checksumming", done: file.size, total: file.size, unit: "bytes" }, true);
    return { sha256: sha, lines: null, nulBytes: false };
  }
  const whole = file.size <= WHOLE_DIGEST_BYTES ? new Uint8Array(file.size) : null;
  const hasher = whole ? null : await sha256();
  const counter = countLines ? new LineCounter() : null;
  let nulBytes = false;
  let done = 0;
  while (done < file.size) {
    throwIfCancelled(taskId);
    const chunk = new Uint8Array(await file.slice(done, done + SCAN_CHUNK).arrayBuffer());
    if (chunk.byteLength === 0 || done + chunk.byteLength > file.size) throw new Error(CHANGED);
    if (whole) whole.set(chunk, done);
    else hasher!.update(chunk);
    counter?.update(chunk);
    nulBytes ||= findNul && chunk.includes(0);
    done += chunk.byteLength;
    report({ phase: "Checksumming", done, total: file.size, unit: "bytes" });
  }
  const sha = whole ? await sha256Bytes(whole) : hasher!.hex();
  report({ phase: "Checksumming", done, total: file.size, unit: "bytes" }, true);
  return { sha256: sha, lines: counter?.result() ?? null, nulBytes };
}

const CHANGED = "The file changed or became unreadable while it was being read.";

function storageMessage(error: unknown): string {
  if (isQuotaError(error)) return quotaMessage("stage this file");
  return `The browser could not store this file (${errorText(error)}). Nothing was kept.`;
}
