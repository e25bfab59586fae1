import { useLiveQuery } from "dexie-react-hooks";
import { otherReadyFiles, type StagedFile } from "@/lib/staging/staged-file";
import { stagingDb } from "@/browser/staging-store";

/** The other ready staged files, kept up to date: what a recipe for `own` may read (its SQL stage, its reference rules). */
export function useOtherReadyFiles(own: string): ReturnType<typeof otherReadyFiles<StagedFile>> {
  const files = useLiveQuery(() => stagingDb().files.toArray(), []);
  return otherReadyFiles(files ?? [], own);
}
