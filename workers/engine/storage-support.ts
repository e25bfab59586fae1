import Dexie from "dexie";
import type { StorageSupport } from "@/lib/storage/support";
import { moveFile, openWriter } from "./file-handles";
import { idbRoot } from "./idb-directory";

/**
 * What this browser lets the engine keep, found once by trying it: a file written, moved, opened for
 * synchronous access and removed in OPFS, a record and a Blob put into IndexedDB and taken out. Where
 * either fails, the engine works without it (idb-directory.ts stands in for OPFS; staging-store.ts keeps
 * bytes as chunks) and says so.
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
 * OPFS as the engine uses it (file-handles.ts): a file written, moved within its directory, and opened for
 * synchronous access, as DuckDB opens its database and the files it writes. WebKitGTK, with its file system
 * features on, writes files but refuses synchronous access ("Backend does not support this operation"), and
 * DuckDB could not open its database there. The probe's name is this engine's own: a synchronous handle locks
 * its file, and another tab's engine may be probing at the same time.
 */
async function opfsWorks(): Promise<boolean> {
  const probe = `.stages-probe-${crypto.randomUUID()}`;
  try {
    if (!navigator.storage?.getDirectory) return false;
    const root = await navigator.storage.getDirectory();
    try {
      const writer = await openWriter(await root.getFileHandle(probe, { create: true }));
      await writer.write("ok");
      await writer.close();
      await moveFile(root, probe, `${probe}-moved`);
      await (await (await root.getFileHandle(`${probe}-moved`)).createSyncAccessHandle()).close();
      return true;
    } finally {
      await root.removeEntry(probe).catch(() => undefined);
      await root.removeEntry(`${probe}-moved`).catch(() => undefined);
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
