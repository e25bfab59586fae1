/**
 * Files of OPFS (or its stand-in, idb-directory.ts), handled as every browser's handles allow.
 *
 * A file is written from its start through its own writable stream where the browser has one; else through
 * its synchronous access handle, which Safari had (in workers) years before writable streams (Safari 26). A
 * writable stream replaces the file when it closes; the access handle writes in place, so a file that must
 * appear whole is written under a temporary name and moved (opfs.ts `writeText`, promote.ts).
 */
export interface FileWriter {
  write(data: Uint8Array<ArrayBuffer> | string): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

export async function openWriter(handle: FileSystemFileHandle): Promise<FileWriter> {
  if (typeof handle.createWritable === "function") return handle.createWritable();
  // An earlier draft of the standard made an access handle's truncate, flush and close asynchronous, and older
  // browsers return promises from them: each is awaited, which costs nothing where they return nothing.
  const access = await handle.createSyncAccessHandle();
  await access.truncate(0);
  let at = 0;
  return {
    write: async (data) => {
      at += access.write(typeof data === "string" ? new TextEncoder().encode(data) : data, { at });
    },
    close: async () => {
      await access.flush();
      await access.close();
    },
    abort: async () => {
      await access.truncate(0);
      await access.close();
    },
  };
}

type MovableHandle = FileSystemFileHandle & { move(dir: FileSystemDirectoryHandle, name: string): Promise<void> };

/** Rename a file in its directory: `move(dir, name)`, the form every browser has (WebKit's takes no name alone). */
export async function moveFile(dir: FileSystemDirectoryHandle, from: string, to: string): Promise<void> {
  const handle = (await dir.getFileHandle(from)) as MovableHandle;
  await handle.move(dir, to);
}
