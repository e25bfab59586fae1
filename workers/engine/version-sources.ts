/**
 * A dataset version just promoted was written from a run's final table, which
 * still holds exactly its rows until the recipe runs again on that file. While
 * it does, exports of the version read that table instead of loading the
 * Parquet file back into DuckDB (a second copy of the data in the wasm heap).
 */
const runs = new Map<string, number>();
const versions = new Map<string, { fileId: string; run: number; table: string; sha256: string }>();

const key = (name: string, version: number) => `${name}\u0000${version}`;

/**
 * A recipe run on this file replaces its result tables; a read or removal of
 * the staged file changes what a final view over it shows. Either way, a
 * version written before no longer matches them.
 */
export function resultsReplaced(fileId: string): void {
  runs.set(fileId, (runs.get(fileId) ?? 0) + 1);
}

export function versionWrittenFrom(name: string, version: number, fileId: string, table: string, sha256: string): void {
  versions.set(key(name, version), { fileId, run: runs.get(fileId) ?? 0, table, sha256 });
}

/**
 * The table holding this version's rows, if the run it was written from is
 * still the latest and the version's data file is still the one written
 * (`sha256`, from its manifest: another tab may have replaced the version).
 */
export function tableOfVersion(name: string, version: number, sha256: string): string | null {
  const written = versions.get(key(name, version));
  if (!written) return null;
  if ((runs.get(written.fileId) ?? 0) === written.run && written.sha256 === sha256) return written.table;
  versions.delete(key(name, version));
  return null;
}

export function forgetVersion(name: string, version: number): void {
  versions.delete(key(name, version));
}
