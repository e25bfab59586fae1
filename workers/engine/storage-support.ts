import Dexie from "dexie";
import type { StorageSupport } from "@/lib/storage/support";
import { idbRoot } from "./idb-directory";

/**
 * What this browser lets the engine keep, found once by trying it: a file written to, opened for synchronous
 * access in and removed from OPFS, a record and a Blob put into IndexedDB and taken out. Where either fails,
 * the engine works without it (idb-directory.ts stands in for OPFS; staging-store.ts keeps bytes as chunks)
 * and says so.
 */
let probed: Promise<StorageSupport> | null = null;

export function storageSupport(): Promise<StorageSupport> {
  probed ??= Promise.all([opfsWorks(), indexedDbStores()]).then(([opfs, idb]) => ({ opfs, ...idb }));
  return probed;
}

/** The root of where datasets and scratch files live: OPFS, or its IndexedDB stand-in. */
export async function storageRoot(): Promise<FileSystemDirectoryHandle> {
  return (await storageSupport()).opfs ? navigator.storage.getDirectory() : idbRoot();
}

/**
 * OPFS as the engine uses it: a file written through a writable stream (datasets, downloads) and opened for
 * synchronous access (DuckDB's database file and the files it writes). WebKitGTK, with its file system features
 * on, has the first but refuses the second ("Backend does not support this operation"), and DuckDB could not open
 * its database there. The probe's name is this engine's own: a synchronous handle locks its file, and another
 * tab's engine may be probing at the same time.
 */
async function opfsWorks(): Promise<boolean> {
  const probe = `.stages-probe-${crypto.randomUUID()}`;
  try {
    if (!navigator.storage?.getDirectory) return false;
    const root = await navigator.storage.getDirectory();
    const handle = await root.getFileHandle(probe, { create: true });
    try {
      const writable = await handle.createWritable();
      await writable.write("ok");
      await writable.close();
      (await handle.createSyncAccessHandle()).close();
      return true;
    } finally {
      await root.removeEntry(probe).catch(() => undefined);
    }
  } catch {
    return false;
  }
}

async function indexedDbStores(): Promise<{ indexedDb: boolean; blobsInIndexedDb: boolean }> {
  const db = new Dexie("stages-probe");
  db.version(1).stores({ probe: "id" });
  try {
    try {
      await db.table("probe").put({ id: 0 });
    } catch {
      return { indexedDb: false, blobsInIndexedDb: false };
    }
    try {
      await db.table("probe").put({ id: 1, blob: new Blob(["ok"]) });
      return { indexedDb: true, blobsInIndexedDb: (await (await db.table("probe").get(1))?.blob?.text()) === "ok" };
    } catch {
      return { indexedDb: true, blobsInIndexedDb: false };
    }
  } finally {
    await db.delete().catch(() => undefined);
  }
}
