import { openStagesDb, type StagesDb } from "./db";

/** The main thread's read-only view of the staging area (the worker writes it). */
let db: StagesDb | null = null;

export function stagingDb(): StagesDb {
  db ??= openStagesDb();
  return db;
}
