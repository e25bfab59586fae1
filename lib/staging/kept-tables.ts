import type { StagedFile } from "./staged-file";

/**
 * A staged file's DuckDB table outlives the engine that read it: the next engine of the same browser
 * (a reload, the app opened again) takes over the database the last one left, so that a big file is
 * not read again at every visit. What it keeps is decided here; the engine's side is
 * workers/engine/kept-tables.ts.
 */

/** Which read of which bytes a staged table holds: a new read (other options) makes a new key. */
export function readKey(file: Pick<StagedFile, "sha256" | "readCount" | "parse">): string {
  return JSON.stringify([file.sha256, file.readCount, file.parse]);
}

export interface LeftTables {
  /** Every table in the database taken over. */
  tables: string[];
  /** The read each staged table was made from, as its engine recorded it once the read was saved. */
  reads: ReadonlyMap<string, string>;
  /** The staging area now, by file id. */
  files: ReadonlyMap<string, Pick<StagedFile, "sha256" | "readCount" | "parse" | "status">>;
  /** A staged file's table, the table of its set-aside lines and the table of its rows' lines. */
  names: (fileId: string) => { staged: string; badLines: string; rowLines: string };
}

/**
 * The staged tables to keep, with their set-aside lines and their rows' lines: those whose file is still staged, read, and
 * was last read as the table records. Every other table is dropped (recipe runs, views, dataset
 * versions, and staged tables of removed or re-read files): each is rebuilt when it is next needed.
 */
export function tablesToKeep({ tables, reads, files, names }: LeftTables): string[] {
  const present = new Set(tables);
  const keep: string[] = [];
  for (const [id, file] of files) {
    const { staged, badLines, rowLines } = names(id);
    if (file.status !== "ready" || !present.has(staged) || reads.get(staged) !== readKey(file)) continue;
    keep.push(staged, ...[badLines, rowLines].filter((t) => present.has(t)));
  }
  return keep;
}
