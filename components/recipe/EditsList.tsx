"use client";

import { Redo2, Undo2 } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { formatCount, plural } from "@/lib/format";
import { editsOutside, type CellEdit } from "@/lib/recipe/edits";
import type { Recipe } from "@/lib/recipe/schema";
import type { StagedFile } from "@/lib/staging/staged-file";

const button = "inline-flex items-center gap-1 rounded border px-2 py-0.5 text-xs focus-visible:outline-2 disabled:opacity-50";
const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * The cells edited by hand, newest first: each can be undone on its own;
 * Undo and Redo (Ctrl+Z, Ctrl+Shift+Z outside a text field) take back or put
 * back the latest. An edit whose cell the data no longer has is reported.
 */
export function EditsList({ file, recipe, setRecipe }: { file: StagedFile; recipe: Recipe; setRecipe: (recipe: Recipe) => void }) {
  const id = useId();
  const edits = recipe.edits ?? [];
  const [undone, setUndone] = useState<CellEdit[]>([]);
  const outside = editsOutside(edits, file.columns ?? [], file.rowCount ?? 0);
  const setEdits = (next: CellEdit[]) => setRecipe({ ...recipe, edits: next });
  const undo = (index: number) => {
    setUndone([...undone, edits[index]!]);
    setEdits(edits.filter((_, i) => i !== index));
  };
  const redo = () => {
    const last = undone.at(-1);
    if (!last) return;
    setUndone(undone.slice(0, -1));
    setEdits([...edits, last]);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== "z" || typing(e.target)) return;
      e.preventDefault();
      if (e.shiftKey) redo();
      else if (edits.length) undo(edits.length - 1);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-1 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`${id}-heading`} className="font-semibold">
          Edited cells ({formatCount(edits.length)})
        </h3>
        <button type="button" className={button} disabled={edits.length === 0} onClick={() => undo(edits.length - 1)}>
          <Undo2 aria-hidden="true" size={12} />
          Undo last edit
        </button>
        <button type="button" className={button} disabled={undone.length === 0} onClick={redo}>
          <Redo2 aria-hidden="true" size={12} />
          Redo
        </button>
      </div>
      {edits.length === 0 ? (
        <p className="text-xs text-muted">Press Enter (or double-click) on a staged cell to fix it here; each edit is kept in the recipe.</p>
      ) : (
        <ol aria-label="Edited cells" className="max-h-40 space-y-0.5 overflow-auto text-xs">
          {edits
            .map((e, i) => ({ e, i }))
            .reverse()
            .map(({ e, i }) => (
              <li key={`${e.at}-${i}`} className="flex items-center justify-between gap-2">
                <span>
                  Row {formatCount(e.row)}, {e.column}: {e.from ?? "null"} → {e.to ?? "null"}
                  {outside.includes(e) && <span className="text-amber-700 dark:text-amber-400"> (not in the data: not applied)</span>}
                </span>
                <button type="button" className={button} aria-label={`Undo the edit of row ${e.row}, ${e.column}`} onClick={() => undo(i)}>
                  Undo
                </button>
              </li>
            ))}
        </ol>
      )}
      {outside.length > 0 && <p className="text-xs text-amber-700 dark:text-amber-400">{plural(outside.length, "edit")} name a cell this data does not have.</p>}
    </section>
  );
}
