"use client";

import { useMemo, useState } from "react";
import type { Column } from "@/lib/datasets/manifest";
import { blockEdits } from "@/lib/grid/paste-block";
import { editsInForce, editValue, type CellEdit } from "@/lib/recipe/edits";

/** An editable grid's edits: those in force are shown over the data, and a new one is handed to `onEdit`. */
export interface GridEdits {
  list: readonly CellEdit[];
  /** New edits, one or several at once (cells pasted as a block). */
  onEdit: (...edits: Omit<CellEdit, "at">[]) => void;
  /** The columns that can be edited (a staged column; not a line number or the reasons), when not all. */
  editable?: readonly string[];
}

export interface Editing {
  row: number;
  col: number;
  text: string;
  problem: string | null;
}

/**
 * Editing cells in place: Enter (or a double click) opens the active cell,
 * and a value pasted on it opens it holding that value (cells pasted as a block
 * are edits at once); Enter saves, Escape cancels; a value the column's type cannot hold is
 * refused with the reason. Edits are the staged row's (by its row id), so
 * they follow the row through sorting and filtering.
 */
export function useCellEditing(
  edits: GridEdits | undefined,
  columns: Column[],
  rowId: (row: number) => number,
  cell: (row: number, col: number) => string | null | undefined,
) {
  const inForce = useMemo(() => new Map(editsInForce(edits?.list ?? []).map((e) => [`${e.row}|${e.column}`, e])), [edits?.list]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const editedAt = (row: number, col: number): CellEdit | undefined => (inForce.size ? inForce.get(`${rowId(row) + 1}|${columns[col]?.name}`) : undefined);
  const shown = (row: number, col: number): string | null | undefined => {
    const edit = editedAt(row, col);
    return edit ? edit.to : cell(row, col);
  };

  const start = (row: number, col: number, text?: string) => {
    if (!edits || row < 0 || shown(row, col) === undefined) return;
    if (edits.editable && !edits.editable.includes(columns[col]?.name ?? "")) return;
    setEditing({ row, col, text: text ?? shown(row, col) ?? "", problem: null });
  };
  const save = () => {
    if (!editing || !edits) return;
    const column = columns[editing.col]!;
    const typed = editValue(editing.text, column.type);
    if ("problem" in typed) return setEditing({ ...editing, problem: `${column.name}: ${typed.problem}` });
    const from = shown(editing.row, editing.col) ?? null;
    if (typed.value !== from) edits.onEdit({ row: rowId(editing.row) + 1, column: column.name, from, to: typed.value });
    setEditing(null);
  };

  /** Cells pasted as a block from the active cell (lib/grid/paste-block.ts): made edits at once, or the reason none were. */
  const pasteBlock = (row: number, col: number, cells: string[][], order: readonly number[], rowCount: number): string | null => {
    if (!edits) return null;
    const made = blockEdits(cells, { row, col }, { columns, order, rowCount, shown, rowId, editable: edits.editable });
    if ("problem" in made) return made.problem;
    if (made.edits.length) edits.onEdit(...made.edits);
    return null;
  };

  return {
    editing,
    pasteBlock,
    setText: (text: string) => editing && setEditing({ ...editing, text, problem: null }),
    start: edits ? start : undefined,
    save,
    cancel: () => setEditing(null),
    editedAt,
    shown,
  };
}
