import { pastedTable } from "@/lib/staging/pasted-table";
import { fileLink } from "@/lib/staging/file-link";
import type { StagesError } from "@/lib/result";

/** What a paste on the page is turned into. */
export interface PasteHandlers {
  files: (files: File[]) => void;
  /** The address of a data file, pasted alone: to fetch and stage. */
  link: (url: string) => void;
  error: (error: StagesError) => void;
}

/**
 * Pastes into the page outside a text field (an input, a text area, the SQL editor) and a grid (where a value
 * pasted on a cell edits it), as files to stage: files copied in the operating system's file manager, the address of
 * a data file, or a table copied from a spreadsheet, an editor or a web page (lib/staging/pasted-table.ts).
 * `stagedNames` names the files already staged, for the pasted table's name.
 */
export function onPastedFiles(stagedNames: () => readonly string[], handle: PasteHandlers): () => void {
  const onPaste = (event: ClipboardEvent) => {
    const data = event.clipboardData;
    if (!data || inTextField(event.target)) return;
    event.preventDefault();
    if (data.files.length > 0) return handle.files([...data.files]);
    const plain = data.getData("text/plain");
    const link = fileLink(plain);
    if (link) return handle.link(link);
    const table = pastedTable(plain, data.getData("text/html"), stagedNames());
    if (table.ok) handle.files([new File([table.value.text], table.value.name, { type: table.value.type })]);
    else handle.error(table.error);
  };
  document.addEventListener("paste", onPaste);
  return () => document.removeEventListener("paste", onPaste);
}

function inTextField(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("input, textarea, select, [contenteditable]:not([contenteditable='false']), [role='grid']") !== null;
}
