import type { Recipe } from "@/lib/recipe/schema";
import type { AuditEvent } from "@/lib/staging/audit";
import { sqlNameFor } from "@/lib/staging/sql-name";
import { COMPANION_KINDS, companionBlobId, type CompanionKind, type StagedBlob, type StagedFile } from "@/lib/staging/staged-file";
import { openStagesDb, type StagesDb } from "./staging-db";

/**
 * Every write to the staging area's database, by name, for the page and the
 * engine worker alike (each opens its own connection to the same IndexedDB
 * database). The worker stages, reads and removes files; the page saves
 * recipes. Reads are live queries on `stagingDb()`.
 */
let db: StagesDb | null = null;

/** The page's connection to the staging area. */
export function stagingDb(): StagesDb {
  db ??= openStagesDb();
  return db;
}

/** The recipe being edited for a staged file, kept across reloads. */
export async function saveDraft(into: StagesDb, fileId: string, recipe: Recipe, updatedAt = Date.now()): Promise<void> {
  await into.drafts.put({ fileId, recipe, updatedAt });
}

/** A recipe saved by name (replacing one of the same name). */
export async function saveRecipe(into: StagesDb, name: string, recipe: Recipe): Promise<void> {
  const earlier = await into.recipes.get(name);
  await into.recipes.put({ name, recipe: { ...recipe, name }, savedAt: Date.now(), ...(earlier?.matches ? { matches: earlier.matches } : {}) });
}

/** Remember column matches the user confirmed for a saved recipe, for the next file. */
export async function rememberMatches(into: StagesDb, name: string, matches: Record<string, string>): Promise<void> {
  await into.recipes.where("name").equals(name).modify((saved) => void (saved.matches = { ...saved.matches, ...matches }));
}

/** One event of the append-only audit log. */
export async function appendAudit(into: StagesDb, event: Omit<AuditEvent, "at" | "seq">): Promise<void> {
  await into.audit.add({ at: new Date().toISOString(), ...event });
}

/**
 * A new staged file: its record (given a SQL name no other file has) and its bytes, in one transaction.
 * `asChunks` stores the bytes as ArrayBuffers, for browsers that refuse Blobs in IndexedDB.
 */
export async function addStagedFile(into: StagesDb, staged: StagedFile, blob: Blob, asChunks = false, companions: { kind: CompanionKind; blob: Blob }[] = []): Promise<StagedFile> {
  const blobs = [await storedBlob(staged.id, blob, asChunks), ...(await Promise.all(companions.map((c) => storedBlob(companionBlobId(staged.id, c.kind), c.blob, asChunks))))];
  return into.transaction("rw", into.files, into.blobs, async () => {
    const named = { ...staged, sqlName: sqlNameFor(staged.name, new Set((await into.files.orderBy("sqlName").keys()) as string[])) };
    await into.files.add(named);
    await into.blobs.bulkAdd(blobs);
    return named;
  });
}

/** A file that goes with a staged table, added after it: its bytes beside the table's, and the table's list of them, in one transaction. */
export async function putCompanion(into: StagesDb, fileId: string, kind: CompanionKind, blob: Blob, companions: StagedFile["companions"], asChunks = false): Promise<void> {
  const stored = await storedBlob(companionBlobId(fileId, kind), blob, asChunks);
  await into.transaction("rw", into.files, into.blobs, async () => {
    await into.blobs.put(stored);
    await into.files.update(fileId, { companions });
  });
}

/** Bytes as the staging area keeps them: the Blob, or its chunks where the browser stores no Blob in IndexedDB. */
const storedBlob = async (id: string, blob: Blob, asChunks: boolean): Promise<StagedBlob> => (asChunks ? { id, chunks: await chunksOf(blob) } : { id, blob });

const CHUNK = 16 * 1024 * 1024;

async function chunksOf(blob: Blob): Promise<ArrayBuffer[]> {
  const chunks: ArrayBuffer[] = [];
  for (let at = 0; at < blob.size; at += CHUNK) chunks.push(await blob.slice(at, at + CHUNK).arrayBuffer());
  return chunks;
}

/** Change what is recorded of a staged file (how it is read, what its read found). */
export async function updateStagedFile(into: StagesDb, fileId: string, changes: Partial<StagedFile>): Promise<void> {
  await into.files.update(fileId, changes);
}

/** A staged file's record, bytes and recipe draft, gone together. */
export async function removeStagedFile(into: StagesDb, fileId: string): Promise<void> {
  await into.transaction("rw", into.files, into.blobs, into.drafts, async () => {
    await into.files.delete(fileId);
    await into.blobs.bulkDelete([fileId, ...COMPANION_KINDS.map((kind) => companionBlobId(fileId, kind))]);
    await into.drafts.delete(fileId);
  });
}
