import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { idbRoot, isIdbHandle } from "./idb-directory";

type Iterable = FileSystemDirectoryHandle & { entries(): AsyncIterableIterator<[string, FileSystemHandle]> };
const names = async (dir: FileSystemDirectoryHandle) => {
  const out: string[] = [];
  for await (const [name] of (dir as Iterable).entries()) out.push(name);
  return out.sort();
};

describe("the IndexedDB stand-in for OPFS", () => {
  it("creates directories and files, writes them whole on close, and reads them back", async () => {
    const root = idbRoot();
    await expect(root.getDirectoryHandle("datasets")).rejects.toMatchObject({ name: "NotFoundError" });
    const dir = await (await root.getDirectoryHandle("datasets", { create: true })).getDirectoryHandle("sales", { create: true });
    const handle = await dir.getFileHandle("v1.parquet", { create: true });
    const writable = await handle.createWritable();
    await writable.write("PAR1");
    await writable.write(new Uint8Array([1, 2, 3]));
    await writable.write(new Blob(["end"]));
    expect((await handle.getFile()).size).toBe(0);
    await writable.close();
    const file = await (await dir.getFileHandle("v1.parquet")).getFile();
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([80, 65, 82, 49, 1, 2, 3, 101, 110, 100]));
    expect(file.name).toBe("v1.parquet");
    expect(await names(dir)).toEqual(["v1.parquet"]);
    expect(isIdbHandle(handle)).toBe(true);
  });

  it("renames a file in its directory and removes directories with what they hold", async () => {
    const root = idbRoot();
    const dir = await root.getDirectoryHandle("work", { create: true });
    const handle = await dir.getFileHandle(".tmp-1", { create: true });
    const w = await handle.createWritable();
    await w.write("x");
    await w.close();
    await (handle as FileSystemFileHandle & { move(dir: FileSystemDirectoryHandle, name: string): Promise<void> }).move(dir, "v2.parquet");
    expect(await names(dir)).toEqual(["v2.parquet"]);
    expect(await (await (await dir.getFileHandle("v2.parquet")).getFile()).text()).toBe("x");
    await expect(root.removeEntry("work")).rejects.toMatchObject({ name: "InvalidModificationError" });
    await root.removeEntry("work", { recursive: true });
    await expect(root.getDirectoryHandle("work")).rejects.toMatchObject({ name: "NotFoundError" });
    expect(await names(root)).not.toContain("work");
  });

  it("keeps nothing of an aborted writable", async () => {
    const dir = await idbRoot().getDirectoryHandle("exports", { create: true });
    const handle = await dir.getFileHandle("a.csv", { create: true });
    const w = await handle.createWritable();
    await w.write("half");
    await w.abort();
    expect((await handle.getFile()).size).toBe(0);
  });
});
