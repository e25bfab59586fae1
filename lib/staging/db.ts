import Dexie, { type EntityTable } from "dexie";
import type { Column } from "@/lib/datasets/manifest";
import type { StagesError } from "@/lib/result";

/**
 * The staging area: IndexedDB database "stages". A staged file's metadata and
 * its bytes live in two tables written in one transaction, so that listing
 * the staging area never touches the bytes, and a file is never half-staged.
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

export type StagesDb = Dexie & {
  files: EntityTable<StagedFile, "id">;
  blobs: EntityTable<StagedBlob, "id">;
};

export function openStagesDb(): StagesDb {
  const db = new Dexie("stages") as StagesDb;
  db.version(1).stores({
    files: "id, addedAt, sha256",
    blobs: "id",
  });
  return db;
}
