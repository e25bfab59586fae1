import { fileStem } from "@/lib/datasets/name";
import type { DerivedFile } from "@/lib/engine/api";
import { fail, ok, type Result } from "@/lib/result";
import type { StagesDb } from "@/browser/staging-db";
import { stagedBytes } from "@/lib/staging/staged-file";
import { sampleText } from "./csv/sample";
import { utf8Blob } from "./text";

/**
 * The second table found below a CSV file's rows, as a file of its own to
 * stage: its lines cut from the end of the file's text (a slice, no copy).
 */
export async function secondTableFile(db: StagesDb, fileId: string): Promise<Result<DerivedFile>> {
  const [meta, stored] = await Promise.all([db.files.get(fileId), db.blobs.get(fileId)]);
  if (!meta || !stored) return fail({ message: "This file is no longer in the staging area." });
  const second = meta.csv?.secondTable;
  if (!second || meta.parse.format !== "csv") return fail({ file: meta.name, message: "No second table was found below the rows of this file." });
  const text = await utf8Blob(stagedBytes(stored), meta.parse.gzip, meta.parse.encoding);
  const bytes = (await sampleText(text)).tailBytes(second.lines);
  const derivedFrom = { name: meta.name, sha256: meta.sha256, part: `the second table (its last ${second.lines} lines)` };
  return ok({ blob: new Blob([text.slice(text.size - bytes)], { type: "text/csv" }), fileName: `${fileStem(meta.name)}-table-2.csv`, derivedFrom });
}
