import { unzipSync } from "fflate";
import { sha256Bytes } from "@/lib/hash";
import type { DerivedFile } from "@/lib/engine/api";
import { fail, ok, type Result } from "@/lib/result";
import { dataEntries, entryFileNames } from "@/lib/staging/archive-entries";
import { isZip } from "@/lib/staging/detect";
import { zipKind } from "@/lib/staging/zip-entries";

/** Data held inside an archive beyond this is left to the user to unzip: every file comes out whole, in memory. */
const MAX_UNPACKED_BYTES = 1024 ** 3;

/**
 * The data files a ZIP archive holds (a data portal's download, an export of several tables), each as a file
 * to stage on its own, with the archive it came from for the lineage; null when the file is no such archive
 * (not a ZIP archive, a workbook or another office file, or one holding no data file), for staging to read
 * it or say what it is.
 */
export async function filesInArchive(file: File): Promise<Result<DerivedFile[] | null>> {
  if (!isZip(new Uint8Array(await file.slice(0, 4).arrayBuffer()))) return ok(null);
  if (file.size > MAX_UNPACKED_BYTES) return fail({ file: file.name, message: tooBig(file.size) });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const zip = zipKind(bytes);
  if (zip?.kind !== "files") return ok(null);
  const entries = dataEntries(zip.names);
  if (entries.length === 0) return ok(null);
  const wanted = new Set(entries);
  let unpacked = 0;
  let inflated: Record<string, Uint8Array>;
  try {
    inflated = unzipSync(bytes, { filter: (f) => wanted.has(f.name) && (unpacked += f.originalSize) <= MAX_UNPACKED_BYTES });
  } catch (error) {
    return fail({ file: file.name, message: `This ZIP archive could not be unpacked (${(error as Error).message}). Unzip it and stage the files inside.` });
  }
  if (unpacked > MAX_UNPACKED_BYTES) {
    return fail({ file: file.name, message: tooBig(unpacked) });
  }
  const sha256 = await sha256Bytes(bytes);
  const names = entryFileNames(entries);
  return ok(
    entries.map((entry, i) => ({
      blob: new Blob([inflated[entry] as Uint8Array<ArrayBuffer>]),
      fileName: names[i]!,
      derivedFrom: { name: file.name, sha256, part: `the file “${entry}”` },
    })),
  );
}

const tooBig = (bytes: number) => `This ZIP archive holds ${(bytes / 1024 ** 3).toFixed(1)} GB, more than Stages unpacks in the browser. Unzip it and stage the files inside.`;
