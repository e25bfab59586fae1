import { pastedTable } from "@/lib/staging/pasted-table";
import type { Result } from "@/lib/result";

/**
 * Pastes into the page outside a text field (an input, a text area, the SQL editor) and a grid (where a value
 * pasted on a cell edits it), as files to stage: files
 * copied in the operating system's file manager, or a table copied from a spreadsheet, an editor or a web page
 * (lib/staging/pasted-table.ts). `stagedNames` names the files already staged, for the pasted table's name.
 */
export function onPastedFiles(stagedNames: () => readonly string[], handle: (pasted: Result<File[]>) => void): () => void {
  const onPaste = (event: ClipboardEvent) => {
    const data = event.clipboardData;
    if (!data || inTextField(event.target)) return;
    event.preventDefault();
    if (data.files.length > 0) return handle({ ok: true, value: [...data.files] });
    const table = pastedTable(data.getData("text/plain"), data.getData("text/html"), stagedNames());
    handle(table.ok ? { ok: true, value: [new File([table.value.text], table.value.name, { type: table.value.type })] } : table);
  };
  document.addEventListener("paste", onPaste);
  return () => document.removeEventListener("paste", onPaste);
}

function inTextField(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("input, textarea, select, [contenteditable]:not([contenteditable='false']), [role='grid']") !== null;
}
