import Dexie, { type EntityTable } from "dexie";
import type { AuditEvent } from "@/lib/staging/audit";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { sqlNameFor } from "@/lib/staging/sql-name";
import type { RecipeDraft, SavedRecipe, StagedBlob, StagedFile } from "@/lib/staging/staged-file";

/**
 * The staging area: IndexedDB database "stages". A staged file's metadata and
 * its bytes live in two tables written in one transaction, so that listing
 * the staging area never touches the bytes, and a file is never half-staged.
 * Recipes (a draft per staged file, and recipes saved by name) and the
 * append-only audit log live beside them. Written through
 * browser/staging-store.ts.
 */
export type StagesDb = Dexie & {
  files: EntityTable<StagedFile, "id">;
  blobs: EntityTable<StagedBlob, "id">;
  drafts: EntityTable<RecipeDraft, "fileId">;
  recipes: EntityTable<SavedRecipe, "name">;
  audit: EntityTable<AuditEvent, "seq">;
};

export function openStagesDb(): StagesDb {
  const db = new Dexie("stages") as StagesDb;
  db.version(1).stores({
    files: "id, addedAt, sha256",
    blobs: "id",
  });
  db.version(2).stores({ drafts: "fileId", recipes: "name" });
  db.version(3)
    .stores({})
    .upgrade((tx) =>
      tx
        .table("files")
        .toCollection()
        .modify((f: StagedFile) => {
          f.parse ??= parseOptionsSchema.parse({ format: "csv" });
          f.readCount ??= 1;
        }),
    );
  db.version(4).stores({ audit: "++seq, at" });
  db.version(5)
    .stores({ files: "id, addedAt, sha256, &sqlName" })
    .upgrade(async (tx) => {
      const taken = new Set<string>();
      await tx
        .table("files")
        .orderBy("addedAt")
        .modify((f: StagedFile) => {
          f.sqlName = sqlNameFor(f.name, taken);
          taken.add(f.sqlName);
        });
    });
  return db;
}
