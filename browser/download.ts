/**
 * Hand a file the worker made to the user (the data stays local). Large
 * files go through the File System Access save picker where the browser has
 * one, streamed to disk; the rest, and browsers without the picker, use a
 * plain download of the Blob (which the worker already backs with a file).
 */
export const STREAM_TO_DISK_ABOVE = 64 * 1024 * 1024;

type SavePicker = (options: { suggestedName: string }) => Promise<FileSystemFileHandle>;

export async function deliver(blob: Blob, fileName: string): Promise<void> {
  const picker = (window as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
  if (picker && blob.size > STREAM_TO_DISK_ABOVE) {
    try {
      const handle = await picker({ suggestedName: fileName });
      await blob.stream().pipeTo(await handle.createWritable());
      return;
    } catch (error) {
      if ((error as Error).name === "AbortError") return;
    }
  }
  saveBlob(blob, fileName);
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
