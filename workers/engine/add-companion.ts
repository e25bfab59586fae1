import { appendAudit, putCompanion } from "@/browser/staging-store";
import type { StagesDb } from "@/browser/staging-db";
import { sha256Bytes } from "@/lib/hash";
import { fail, type Result } from "@/lib/result";
import type { CompanionKind, StagedFile } from "@/lib/staging/staged-file";
import { reparse } from "./staging";
import { storageSupport } from "./storage-support";

/**
 * A file that goes with a staged table, added after it (lib/staging/later-companions.ts): kept beside the table's
 * bytes, in place of one of its kind, and named in its record; then the table is read again, with it.
 */
export async function addCompanion(db: StagesDb, fileId: string, kind: CompanionKind, file: File): Promise<Result<StagedFile>> {
  const meta = await db.files.get(fileId);
  if (!meta) return fail({ file: file.name, message: "The file it goes with is no longer in the staging area." });
  const sha256 = await sha256Bytes(new Uint8Array(await file.arrayBuffer()));
  const companions = [...(meta.companions ?? []).filter((c) => c.kind !== kind), { kind, name: file.name, size: file.size, sha256 }];
  await putCompanion(db, fileId, kind, file, companions, !(await storageSupport()).blobsInIndexedDb);
  await appendAudit(db, { kind: "add", file: file.name, sha256, counts: { bytes: file.size }, detail: `with ${meta.name}` });
  return reparse(db, fileId, meta.parse);
}
