// Shared by the bundled benchmark pages (bare-entry.mjs, threads-entry.mjs).

/** Remove a DuckDB database file and its write-ahead log from OPFS. */
export async function removeOpfs(name) {
  const root = await navigator.storage.getDirectory();
  for (const suffix of ["", ".wal"]) await root.removeEntry(`${name}${suffix}`).catch(() => undefined);
}
