import { appendAudit, putCompanion, updateStagedFile } from "@/browser/staging-store";
import type { StagesDb } from "@/browser/staging-db";
import { sha256Bytes } from "@/lib/hash";
import { fail, ok, type Result } from "@/lib/result";
import type { LaterCompanionKind } from "@/lib/staging/later-companions";
import type { CompanionKind, StagedFile } from "@/lib/staging/staged-file";
import { codePageOf, projectionOf } from "./companion-files";
import { reparse } from "./staging";
import { storageSupport } from "./storage-support";

/**
 * A file that goes with a staged table, added after it (lib/staging/later-companions.ts): kept beside the table's
 * bytes, in place of one of its kind, and named in its record; then the table is read again, with it. A code page
 * file (.cpg) is not kept: the table is read again in the encoding it names; a projection file (.prj) names the
 * coordinate system in the table's record.
 */
export async function addCompanion(db: StagesDb, fileId: string, kind: LaterCompanionKind, file: File): Promise<Result<StagedFile>> {
  const meta = await db.files.get(fileId);
  if (!meta) return fail({ file: file.name, message: "The file it goes with is no longer in the staging area." });
  if (kind === "cpg" || kind === "prj") return describedBy(db, meta, kind, file);
  const sha256 = await sha256Bytes(new Uint8Array(await file.arrayBuffer()));
  const companions = [...(meta.companions ?? []).filter((c) => c.kind !== kind), { kind, name: file.name, size: file.size, sha256 }];
  await putCompanion(db, fileId, kind, file, companions, !(await storageSupport()).blobsInIndexedDb);
  await appendAudit(db, { kind: "add", file: file.name, sha256, counts: { bytes: file.size }, detail: `with ${meta.name}` });
  return reparse(db, fileId, meta.parse);
}

/** A table's code page file (read again in its encoding) or projection file (its record names the coordinate system). */
async function describedBy(db: StagesDb, meta: StagedFile, kind: "cpg" | "prj", file: File): Promise<Result<StagedFile>> {
  if (kind === "prj") {
    const projection = await projectionOf(file);
    if (!projection) return fail({ file: file.name, message: "This projection file names no coordinate system Stages knows: the table is kept as it is." });
    await updateStagedFile(db, meta.id, { projection });
    return ok({ ...meta, projection });
  }
  const cpg = await codePageOf(file);
  if (!cpg) return fail({ file: file.name, message: "This code page file names no encoding this browser reads: the table is kept as it is." });
  await updateStagedFile(db, meta.id, { cpg });
  return reparse(db, meta.id, { ...meta.parse, encoding: cpg.encoding });
}
