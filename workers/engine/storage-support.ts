import Dexie from "dexie";
import type { StorageSupport } from "@/lib/storage/support";
import { idbRoot } from "./idb-directory";

/**
 * What this browser lets the engine keep, found once by trying it: a file written to and removed from
 * OPFS, a record and a Blob put into IndexedDB and taken out. Where either fails, the engine works without it
 * (idb-directory.ts stands in for OPFS; staging-store.ts keeps bytes as chunks) and says so.
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

const PROBE = ".stages-probe";

async function opfsWorks(): Promise<boolean> {
  try {
    if (!navigator.storage?.getDirectory) return false;
    const root = await navigator.storage.getDirectory();
    const writable = await (await root.getFileHandle(PROBE, { create: true })).createWritable();
    await writable.write("ok");
    await writable.close();
    await root.removeEntry(PROBE);
    return true;
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
