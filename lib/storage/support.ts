/**
 * What the browser lets Stages keep, found by trying (workers/engine/storage-support.ts), and what the
 * app does without it: the degraded modes, named plainly to the user.
 */
export interface StorageSupport {
  /** IndexedDB opens at all (browsers that block third-party storage refuse it to a page embedded from another site). */
  indexedDb: boolean;
  /** The Origin Private File System works, synchronous access too (DuckDB's database file, datasets, download scratch). */
  opfs: boolean;
  /** IndexedDB stores Blobs (WebKit's private sessions refuse them). */
  blobsInIndexedDb: boolean;
}

/** One line for the user when something is missing (null when nothing is): what works instead, what is not durable. */
export function degradedNotice(support: StorageSupport): string | null {
  if (!support.indexedDb) {
    return "No storage: this browser does not let this page keep anything (as it does for a page embedded from another site when third-party storage is blocked), so files cannot be staged here. Open Stages in a tab of its own, or allow storage for this site.";
  }
  const parts: string[] = [];
  if (!support.opfs) parts.push("this browser gives no private file system that DuckDB can open its files in, so DuckDB works in memory (files larger than about 1 GB will not fit) and datasets are kept in IndexedDB");
  if (!support.blobsInIndexedDb) parts.push("it does not store files in IndexedDB, so staged files are kept as chunks of bytes");
  if (parts.length === 0) return null;
  const said = parts.join("; ");
  return `Limited storage: ${said}. In a private window nothing is kept after it closes.`;
}
