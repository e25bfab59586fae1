import Dexie, { type EntityTable } from "dexie";

/**
 * A stand-in for the Origin Private File System where the browser has none (older Safari, WebKit's
 * private sessions, locked-down browsers): the few directory and file handle methods the engine uses
 * (opfs.ts, workspace.ts, promote.ts, export.ts), kept in IndexedDB database "stages-files". Files are
 * stored as chunks of bytes (some of those browsers refuse Blobs in IndexedDB), written whole when a
 * writable closes, as OPFS's own writables do.
 */
interface Entry {
  path: string;
  parent: string;
  name: string;
  kind: "file" | "directory";
  chunks?: ArrayBuffer[];
}

type FilesDb = Dexie & { entries: EntityTable<Entry, "path"> };

let opened: FilesDb | null = null;
function filesDb(): FilesDb {
  if (opened) return opened;
  const db = new Dexie("stages-files") as FilesDb;
  db.version(1).stores({ entries: "path, parent" });
  opened = db;
  return db;
}

const notFound = (name: string) => new DOMException(`${name} was not found`, "NotFoundError");
const join = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);

type WriteData = string | BufferSource | Blob;

async function bytesOf(data: WriteData): Promise<ArrayBuffer> {
  if (typeof data === "string") return new TextEncoder().encode(data).buffer as ArrayBuffer;
  if (data instanceof Blob) return data.arrayBuffer();
  const view = ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
  return view.slice().buffer;
}

class IdbFileHandle {
  readonly kind = "file";
  constructor(
    private path: string,
    private parent: string,
    public name: string,
  ) {}

  async getFile(): Promise<File> {
    const entry = await filesDb().entries.get(this.path);
    if (!entry) throw notFound(this.name);
    return new File(entry.chunks ?? [], this.name);
  }

  async createWritable() {
    const pending: Promise<ArrayBuffer>[] = [];
    const { path, parent, name } = this;
    return {
      write: async (data: WriteData) => void pending.push(bytesOf(data)),
      close: async () => void (await filesDb().entries.put({ path, parent, name, kind: "file", chunks: await Promise.all(pending) })),
      abort: async () => void (pending.length = 0),
    };
  }

  /** `move(name)` in its directory, or `move(dir, name)` into that directory. */
  async move(to: string | IdbDirectoryHandle, newName?: string): Promise<void> {
    const [parent, name] = typeof to === "string" ? [this.parent, to] : [to.path, newName ?? this.name];
    const db = filesDb();
    await db.transaction("rw", db.entries, async () => {
      const entry = await db.entries.get(this.path);
      if (!entry) throw notFound(this.name);
      const path = join(parent, name);
      await db.entries.delete(this.path);
      await db.entries.put({ ...entry, path, parent, name });
      this.path = path;
      this.parent = parent;
      this.name = name;
    });
  }
}

class IdbDirectoryHandle {
  readonly kind = "directory";
  constructor(
    readonly path: string,
    public name: string,
  ) {}

  async getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<IdbDirectoryHandle> {
    return new IdbDirectoryHandle(await this.entryPath(name, "directory", options?.create), name);
  }

  async getFileHandle(name: string, options?: { create?: boolean }): Promise<IdbFileHandle> {
    return new IdbFileHandle(await this.entryPath(name, "file", options?.create), this.path, name);
  }

  /** The path of this directory's entry `name` of that kind, made (empty) when asked to; errors as OPFS's. */
  private async entryPath(name: string, kind: Entry["kind"], create = false): Promise<string> {
    const path = join(this.path, name);
    const entry = await filesDb().entries.get(path);
    if (entry && entry.kind !== kind) throw new DOMException(`${name} is a ${entry.kind}`, "TypeMismatchError");
    if (!entry) {
      if (!create) throw notFound(name);
      await filesDb().entries.put({ path, parent: this.path, name, kind, ...(kind === "file" ? { chunks: [] } : {}) });
    }
    return path;
  }

  async removeEntry(name: string, options?: { recursive?: boolean }): Promise<void> {
    const db = filesDb();
    const path = join(this.path, name);
    await db.transaction("rw", db.entries, async () => {
      if (!(await db.entries.get(path))) throw notFound(name);
      const below = await db.entries.where("path").startsWith(`${path}/`).primaryKeys();
      if (below.length > 0 && !options?.recursive) throw new DOMException(`${name} is not empty`, "InvalidModificationError");
      await db.entries.bulkDelete([path, ...below]);
    });
  }

  async *entries(): AsyncIterableIterator<[string, IdbFileHandle | IdbDirectoryHandle]> {
    for (const entry of await filesDb().entries.where("parent").equals(this.path).toArray()) {
      yield [entry.name, entry.kind === "file" ? new IdbFileHandle(entry.path, this.path, entry.name) : new IdbDirectoryHandle(entry.path, entry.name)];
    }
  }
}

/** The root of the stand-in file system, typed as OPFS's so that the engine's code is the same for both. */
export function idbRoot(): FileSystemDirectoryHandle {
  return new IdbDirectoryHandle("", "") as unknown as FileSystemDirectoryHandle;
}

/** Whether a handle is the stand-in's (DuckDB cannot open those as files: see export.ts). */
export const isIdbHandle = (handle: FileSystemHandle): boolean => handle instanceof IdbFileHandle || handle instanceof IdbDirectoryHandle;
