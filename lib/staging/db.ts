import Dexie, { type EntityTable } from "dexie";
import type { Column } from "@/lib/datasets/manifest";
import type { Recipe } from "@/lib/recipe/schema";
import type { StagesError } from "@/lib/result";

/**
 * The staging area: IndexedDB database "stages". A staged file's metadata and
 * its bytes live in two tables written in one transaction, so that listing
 * the staging area never touches the bytes, and a file is never half-staged.
 * Recipes (a draft per staged file, and recipes saved by name) live beside them.
 */
export type StagedStatus = "reading" | "ready" | "error";

export interface StagedFile {
  id: string;
  name: string;
  size: number;
  type: string;
  sha256: string;
  addedAt: number;
  status: StagedStatus;
  /** What DuckDB's sniffer found, once read. */
  columns?: Column[];
  rowCount?: number;
  /** Why the file could not be read; the bytes stay staged. */
  error?: StagesError;
}

export interface StagedBlob {
  id: string;
  blob: Blob;
}

/** The recipe being edited for a staged file, kept across reloads. */
export interface RecipeDraft {
  fileId: string;
  recipe: Recipe;
  updatedAt: number;
}

export interface SavedRecipe {
  name: string;
  recipe: Recipe;
  savedAt: number;
}

export type StagesDb = Dexie & {
  files: EntityTable<StagedFile, "id">;
  blobs: EntityTable<StagedBlob, "id">;
  drafts: EntityTable<RecipeDraft, "fileId">;
  recipes: EntityTable<SavedRecipe, "name">;
};

export function openStagesDb(): StagesDb {
  const db = new Dexie("stages") as StagesDb;
  db.version(1).stores({
    files: "id, addedAt, sha256",
    blobs: "id",
  });
  db.version(2).stores({ drafts: "fileId", recipes: "name" });
  return db;
}
