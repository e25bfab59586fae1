import { fileLink } from "@/lib/staging/file-link";

/** A link dropped on the page (dragged from another tab or page), as the address of a data file to fetch, or null. */
export function droppedLink(data: DataTransfer): string | null {
  if (data.files.length > 0) return null;
  const uris = data.getData("text/uri-list").split(/\r?\n/).filter((line) => line && !line.startsWith("#"));
  return uris.length === 1 ? fileLink(uris[0]!) : null;
}

/**
 * The files of a drop, a dropped folder's files included (and its
 * subfolders'), leaving out hidden files (.DS_Store and the like). The
 * entries are taken while the drop event lasts; the folders are read after.
 */
export function droppedFiles(data: DataTransfer): Promise<File[]> {
  const entries = [...data.items].flatMap((item) => {
    const entry = item.kind === "file" ? item.webkitGetAsEntry() : null;
    return entry ? [entry] : [];
  });
  if (!entries.some((e) => e.isDirectory)) return Promise.resolve([...data.files]);
  return Promise.all(entries.map(filesOf)).then((lists) => lists.flat());
}

async function filesOf(entry: FileSystemEntry): Promise<File[]> {
  if (entry.name.startsWith(".")) return [];
  if (entry.isFile) return [await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject))];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // A directory reader hands its entries over in batches, until an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  children.sort((a, b) => a.name.localeCompare(b.name));
  return (await Promise.all(children.map(filesOf))).flat();
}
