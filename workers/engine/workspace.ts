import { entries } from "./opfs";
import { isIdbHandle } from "./idb-directory";
import { storageRoot, storageSupport } from "./storage-support";

/**
 * What one engine keeps in OPFS for itself, named by the engine's id:
 * - `work/<id>.db`: DuckDB's database, so that big tables are written to disk
 *   instead of filling the wasm heap (4 GB at most, never shrinks); it holds
 *   only what can be rebuilt from staging and the destination;
 * - `exports/<id>/`: files being prepared for download.
 *
 * Each engine holds a Web Lock named after its id for as long as it lives (a
 * worker's locks are released when it ends, crash or not). At start, whatever
 * belongs to an id whose lock is free is left from an engine that has ended,
 * and is removed; another tab's files are never touched.
 */
const WORK_DIR = "work";
const EXPORTS_DIR = "exports";
const LOCK_PREFIX = "stages-engine:";

let claimed: Promise<string | null> | null = null;

/** This engine's id, its lock taken (null where the browser has no Web Locks or no working OPFS: DuckDB then works in memory). */
function engineId(): Promise<string | null> {
  claimed ??= claim();
  return claimed;
}

async function claim(): Promise<string | null> {
  if (!navigator.locks || !(await storageSupport()).opfs) return null;
  const id = crypto.randomUUID().replaceAll("-", "");
  await new Promise<void>((held) => {
    void navigator.locks.request(`${LOCK_PREFIX}${id}`, () => {
      held();
      return new Promise<never>(() => undefined);
    });
  });
  await removeAbandoned(id);
  return id;
}

/** The path DuckDB opens its database at, or null to keep it in memory. */
export async function workDatabasePath(): Promise<string | null> {
  const id = await engineId();
  return id ? `opfs://${WORK_DIR}/${id}.db` : null;
}

/** Scratch space for this engine's downloads. */
export async function exportsDir(): Promise<FileSystemDirectoryHandle> {
  const dir = await (await storageRoot()).getDirectoryHandle(EXPORTS_DIR, { create: true });
  return dir.getDirectoryHandle((await engineId()) ?? "shared", { create: true });
}

/**
 * A prepared download, for the page. OPFS's File reads the scratch file, which stays until the engine
 * ends; the IndexedDB stand-in's File is in memory already, so its copy in IndexedDB goes at once.
 */
export async function preparedFile(dir: FileSystemDirectoryHandle, handle: FileSystemFileHandle): Promise<File> {
  const file = await handle.getFile();
  if (isIdbHandle(handle)) await dir.removeEntry(handle.name).catch(() => undefined);
  return file;
}

async function removeAbandoned(own: string): Promise<void> {
  const root = await storageRoot();
  const held = new Set(((await navigator.locks.query()).held ?? []).map((lock) => lock.name));
  const abandoned = (name: string) => {
    const id = name.split(".")[0]!;
    return id !== own && !held.has(`${LOCK_PREFIX}${id}`);
  };
  for (const dirName of [WORK_DIR, EXPORTS_DIR]) {
    const dir = await root.getDirectoryHandle(dirName, { create: true });
    for (const [name] of await entries(dir)) {
      if (abandoned(name)) await dir.removeEntry(name, { recursive: true }).catch(() => undefined);
    }
  }
}
