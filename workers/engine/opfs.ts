import { DATASETS_DIR, TMP_PREFIX } from "@/lib/datasets/layout";
import { moveFile, openWriter } from "./file-handles";
import { storageRoot } from "./storage-support";

/** Small helpers over the Origin Private File System (or its stand-in, storage-support.ts), for the engine worker. */
type IterableDir = FileSystemDirectoryHandle & {
  entries(): AsyncIterableIterator<[string, FileSystemHandle]>;
};

export async function datasetsDir(): Promise<FileSystemDirectoryHandle> {
  return (await storageRoot()).getDirectoryHandle(DATASETS_DIR, { create: true });
}

export async function datasetDir(name: string, create: boolean): Promise<FileSystemDirectoryHandle | null> {
  try {
    return await (await datasetsDir()).getDirectoryHandle(name, { create });
  } catch {
    return null;
  }
}

export async function entries(dir: FileSystemDirectoryHandle): Promise<[string, FileSystemHandle][]> {
  const out: [string, FileSystemHandle][] = [];
  for await (const entry of (dir as IterableDir).entries()) out.push(entry);
  return out;
}

export async function fileNames(dir: FileSystemDirectoryHandle): Promise<string[]> {
  return (await entries(dir)).filter(([, h]) => h.kind === "file").map(([n]) => n);
}

export async function readText(dir: FileSystemDirectoryHandle, name: string): Promise<string | null> {
  try {
    return await (await (await dir.getFileHandle(name)).getFile()).text();
  } catch {
    return null;
  }
}

/** A text file written whole under its name: written under a temporary name first, then moved (file-writer.ts). */
export async function writeText(dir: FileSystemDirectoryHandle, name: string, text: string): Promise<void> {
  const temp = `${TMP_PREFIX}${crypto.randomUUID()}-${name}`;
  const writer = await openWriter(await dir.getFileHandle(temp, { create: true }));
  await writer.write(text);
  await writer.close();
  await moveFile(dir, temp, name);
}

export async function removeEntry(dir: FileSystemDirectoryHandle, name: string): Promise<void> {
  await dir.removeEntry(name, { recursive: true }).catch(() => undefined);
}
