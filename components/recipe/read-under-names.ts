import { getEngine } from "@/browser/engine-client";
import { appendAudit, stagingDb, updateStagedFile } from "@/browser/staging-store";
import { composeRenames, type Drift } from "@/lib/recipe/expects";
import type { StagesError } from "@/lib/result";
import type { StagedFile } from "@/lib/staging/staged-file";
import { describeDrift } from "./MatchColumns";

/** A staged file read again under the names a match gave its columns (after any it had): null, or why it could not be. */
export async function readUnderNames(file: StagedFile, rename: Record<string, string>): Promise<StagesError | null> {
  const renames = composeRenames(file.parse.rename, rename);
  if (Object.keys(renames).length === 0) return null;
  const read = await getEngine().reparse(file.id, { ...file.parse, rename: renames });
  return read.ok ? (read.value.error ?? null) : read.error;
}

/** What a match found different, kept with the file (for the manifest of a version made from it) and in the audit log. */
export async function recordDrift(file: StagedFile, drift: Drift, why: string): Promise<void> {
  await updateStagedFile(stagingDb(), file.id, { drift });
  await appendAudit(stagingDb(), { kind: "drift", file: file.name, sha256: file.sha256, detail: `${why}: ${describeDrift(drift)}` });
}
