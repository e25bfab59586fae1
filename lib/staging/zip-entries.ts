import { unzipSync } from "fflate";

/**
 * A ZIP archive that is not an Excel workbook (a workbook is a ZIP archive too): the names of the files
 * it holds, for a message that says what to stage instead; null when it is a workbook or not a ZIP at all.
 */
export function archivedFiles(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    // Listed, not inflated: the filter sees every entry and takes none.
    unzipSync(bytes, { filter: (file) => (names.push(file.name), false) });
  } catch {
    return null;
  }
  return names.some((n) => n.startsWith("xl/")) ? null : names.filter((n) => !n.endsWith("/"));
}

/** The message for such an archive. */
export function archiveMessage(names: readonly string[]): string {
  const shown = names.slice(0, 5).join(", ") + (names.length > 5 ? ` and ${names.length - 5} more` : "");
  if (names.length === 0) return "This is an empty ZIP archive, not an Excel workbook: there is nothing to stage.";
  return `This is a ZIP archive, not an Excel workbook: it holds ${shown}. Unzip it and stage ${names.length === 1 ? "that file" : "the files inside"}.`;
}
