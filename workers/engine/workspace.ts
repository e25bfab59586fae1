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
 * belongs to an id whose lock is free is left from an engine that has ended:
 * the newest such database is taken over, lock and all, so that the staged
 * tables in it serve again (kept-tables.ts), and the rest is removed; another
 * tab's files are never touched.
 */
const WORK_DIR = "work";
const EXPORTS_DIR = "exports";
const LOCK_PREFIX = "stages-engine:";

let claimed: Promise<string | null> | null = null;
let tookOver = false;
/** Whether a database left behind could hold anything worth keeping (engine.worker.ts: whether files are staged). */
let worthTakingOver: () => Promise<boolean> = async () => true;

export function takeOverOnlyIf(check: () => Promise<boolean>): void {
  worthTakingOver = check;
}

/** One of the engine's folders at the storage root (`work`, `exports`). */
const folder = async (name: string) => (await storageRoot()).getDirectoryHandle(name, { create: true });

/** The engine a file in those folders belongs to: its name up to the first dot. */
const ownerOf = (name: string) => name.split(".")[0]!;

/** This engine's id, its lock taken (null where the browser has no Web Locks or no working OPFS: DuckDB then works in memory). */
function engineId(): Promise<string | null> {
  claimed ??= claim();
  return claimed;
}

async function claim(): Promise<string | null> {
  if (!navigator.locks || !(await storageSupport()).opfs) return null;
  let id = (await worthTakingOver()) ? await takeOverLatest() : null;
  tookOver = id !== null;
  if (id) {
    // Downloads the last engine was preparing are not this engine's to hand out.
    await (await folder(EXPORTS_DIR)).removeEntry(id, { recursive: true }).catch(() => undefined);
  } else {
    id = crypto.randomUUID().replaceAll("-", "");
    await takeLock(id);
  }
  await removeAbandoned(id);
  return id;
}

/** Takes the lock of `id` unless another engine holds it; once taken, it is held for as long as this engine lives. */
function takeLock(id: string): Promise<boolean> {
  return new Promise((taken) => {
    void navigator.locks.request(`${LOCK_PREFIX}${id}`, { ifAvailable: true }, (lock) => {
      taken(lock !== null);
      return lock ? new Promise<never>(() => undefined) : undefined;
    });
  });
}

/**
 * The id of the newest database an ended engine left, its lock now this engine's; null if there is none.
 * Only one that has written its log: a database without one holds no table, and DuckDB-WASM reopens it
 * without write access.
 */
async function takeOverLatest(): Promise<string | null> {
  const dir = await folder(WORK_DIR);
  const files = new Map<string, File>();
  for (const [name, handle] of await entries(dir)) {
    const file = handle.kind === "file" ? await (handle as FileSystemFileHandle).getFile().catch(() => null) : null;
    if (file) files.set(name, file);
  }
  const left = [...files]
    .filter(([name]) => name.endsWith(".db") && (files.get(`${name}.wal`)?.size ?? 0) > 0)
    .map(([name, file]) => ({ id: ownerOf(name), modified: file.lastModified }))
    .sort((a, b) => b.modified - a.modified);
  for (const { id } of left) if (await takeLock(id)) return id;
  return null;
}

/** Whether this engine's database is one an ended engine left. */
export async function tookOverDatabase(): Promise<boolean> {
  await engineId();
  return tookOver;
}

/**
 * Removes this engine's database files (one it took over that DuckDB could not use), so that an empty one
 * starts in their place. The DuckDB worker that had them open has just been ended: its hold on them goes
 * a moment later.
 */
export async function discardWorkDatabase(): Promise<void> {
  const id = await engineId();
  if (!id) return;
  tookOver = false;
  const dir = await folder(WORK_DIR);
  for (let attempt = 0; attempt < 20; attempt++) {
    const left = (await entries(dir)).filter(([name]) => ownerOf(name) === id);
    if (left.length === 0) return;
    for (const [name] of left) await dir.removeEntry(name).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("The engine's database from the last visit could not be replaced: reload the page.");
}

/** The path DuckDB opens its database at, or null to keep it in memory. */
export async function workDatabasePath(): Promise<string | null> {
  const id = await engineId();
  return id ? `opfs://${WORK_DIR}/${id}.db` : null;
}

/** Scratch space for this engine's downloads. */
export async function exportsDir(): Promise<FileSystemDirectoryHandle> {
  return (await folder(EXPORTS_DIR)).getDirectoryHandle((await engineId()) ?? "shared", { create: true });
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
  const held = new Set(((await navigator.locks.query()).held ?? []).map((lock) => lock.name));
  const abandoned = (name: string) => ownerOf(name) !== own && !held.has(`${LOCK_PREFIX}${ownerOf(name)}`);
  for (const dirName of [WORK_DIR, EXPORTS_DIR]) {
    const dir = await folder(dirName);
    for (const [name] of await entries(dir)) {
      if (abandoned(name)) await dir.removeEntry(name, { recursive: true }).catch(() => undefined);
    }
  }
}
