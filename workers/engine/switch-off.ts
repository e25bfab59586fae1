/**
 * Test hook, only in a site built for tests: take storage features away from this worker before the
 * engine looks at them, as browsers without them are (the page passes `?without=storage,blobs` on in
 * the worker's name: browser/engine-client.ts). "storage": no `navigator.storage` at all, so no OPFS
 * (older Safari, WebKit with its Storage API off); "synchandles": OPFS without synchronous access
 * handles, with WebKit's own message (WebKitGTK with its file system features on); "writables": OPFS
 * files without writable streams, moved only with a directory given (Safari before 26); "blobs":
 * IndexedDB refuses Blobs and Files, with WebKit's own message (its private sessions); "indexeddb":
 * IndexedDB refuses to open, with Chromium's message (a page embedded from another site while
 * third-party storage is blocked).
 */
export function switchOff(workerName: string): void {
  const wanted = new Set(/without=([\w,]+)/.exec(workerName)?.[1]?.split(",") ?? []);
  if (wanted.has("storage")) Object.defineProperty(WorkerNavigator.prototype, "storage", { get: () => undefined, configurable: true });
  if (wanted.has("synchandles")) {
    FileSystemFileHandle.prototype.createSyncAccessHandle = () => Promise.reject(new DOMException("Backend does not support this operation", "NotSupportedError"));
  }
  if (wanted.has("writables")) {
    Object.defineProperty(FileSystemFileHandle.prototype, "createWritable", { value: undefined, configurable: true });
    // Those browsers are WebKit, whose handles move only with a directory given (`move(dir, name)`).
    const move = (FileSystemFileHandle.prototype as unknown as { move: (...args: unknown[]) => Promise<void> }).move;
    Object.defineProperty(FileSystemFileHandle.prototype, "move", {
      value(this: FileSystemFileHandle, ...args: unknown[]) {
        return args.length < 2 ? Promise.reject(new TypeError("Not enough arguments")) : move.apply(this, args);
      },
      configurable: true,
    });
  }
  if (wanted.has("indexeddb")) {
    IDBFactory.prototype.open = function () {
      throw new DOMException("The user denied permission to access the database.", "UnknownError");
    };
  }
  if (wanted.has("blobs")) {
    for (const method of ["add", "put"] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        if (holdsBlob(value)) throw new DOMException("Error preparing Blob/File data to be stored in object store", "UnknownError");
        return original.call(this, value, key);
      };
    }
  }
}

const holdsBlob = (value: unknown): boolean =>
  value instanceof Blob || (typeof value === "object" && value !== null && Object.values(value).some((v) => v instanceof Blob));
