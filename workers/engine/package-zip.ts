import { Zip, ZipPassThrough } from "fflate";
import { manifestFileName } from "@/lib/datasets/layout";
import type { ExportedFile } from "@/lib/engine/api";
import { fail, ok, type Result } from "@/lib/result";
import { dataPackageOf } from "@/lib/standards/data-package";
import type { Licence } from "@/lib/standards/licences";
import { datasetFile, readManifest } from "./datasets";
import { exportsDir, preparedFile } from "./workspace";
import { openWriter } from "./file-handles";

/**
 * A dataset version as one zip: its Parquet file, its `datapackage.json`
 * (lib/standards/data-package.ts: what promotion stored beside the
 * manifest, made again from it with the licence chosen) and its manifest. Stored, not compressed
 * (Parquet is), and written to a scratch file in OPFS as it goes, so the
 * data is never held in memory whole.
 */
export async function dataPackageZip(name: string, version: number, fileName: string, licence?: Licence): Promise<Result<ExportedFile>> {
  const [manifest, data] = await Promise.all([readManifest(name, version), datasetFile(name, version)]);
  if (!manifest || !data) return fail({ message: `Dataset ${name} has no version ${version}.` });
  const scratch = await exportsDir();
  const handle = await scratch.getFileHandle(`${crypto.randomUUID()}-${fileName}`, { create: true });
  const writable = await openWriter(handle);
  let written: Promise<unknown> = Promise.resolve();
  let failed: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failed = error;
    else written = written.then(() => writable.write(chunk));
  });
  const text = (entry: string, value: unknown) => {
    const file = new ZipPassThrough(entry);
    zip.add(file);
    file.push(new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`), true);
  };
  try {
    text("datapackage.json", dataPackageOf(manifest, licence));
    text(manifestFileName(version), manifest);
    const parquet = new ZipPassThrough(manifest.data.file);
    zip.add(parquet);
    const reader = data.stream().getReader();
    for (;;) {
      const next = await reader.read();
      parquet.push(next.value ?? new Uint8Array(), next.done);
      // Each chunk is written before the next is read: the zip never holds more than one.
      await written;
      if (next.done) break;
    }
    zip.end();
    await written;
    if (failed) throw failed;
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    await scratch.removeEntry(handle.name).catch(() => undefined);
    return fail({ message: `The Data Package of ${name} v${version} could not be written: ${(error as Error).message}` });
  }
  return ok({ fileName, blob: await preparedFile(scratch, handle) });
}
