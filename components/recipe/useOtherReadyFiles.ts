import { createContext, useContext } from "react";
import { otherReadyFiles, type StagedFile } from "@/lib/staging/staged-file";

/**
 * The staging area's files as the page reads them (one live query, in StagesApp), for the workspace's hooks
 * below it, which each ran a live query of their own before: every file read again at every change.
 */
export const StagedFiles = createContext<StagedFile[]>([]);

/** The other ready staged files, kept up to date: what a recipe for `own` may read (its SQL stage, its reference rules). */
export function useOtherReadyFiles(own: string): ReturnType<typeof otherReadyFiles<StagedFile>> {
  return otherReadyFiles(useContext(StagedFiles), own);
}
