"use client";

import type { Column } from "@/lib/datasets/manifest";
import { formatCount } from "@/lib/format";
import { isNumericType } from "@/lib/sql/types";
import { issuesOfCell, type CellIssue } from "@/lib/grid/issues";
import type { CellEdit } from "@/lib/recipe/edits";
import type { Editing } from "./useCellEditing";
import type { ColumnWindow } from "@/lib/grid/column-window";
import { spaced, type Layout } from "./GridHeader";

/** A cell never puts more than this into the DOM; the full value panel shows more. */
const CELL_CHARS = 500;

export const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}… (${formatCount(text.length - max)} more characters)` : text);

interface Props {
  row: number;
  top: number;
  height: number;
  columns: Column[];
  layout: Layout;
  /** The columns drawn (a wide table draws those in view), after a spacer for those left out. */
  shown: ColumnWindow;
  cell: (row: number, col: number) => string | null | undefined;
  /** The rules this row breaks: each marks its column's cell, or every cell (a rule on the whole row). */
  issues: CellIssue[];
  /** Makes the ids of the cells' descriptions unique on the page. */
  idPrefix: string;
  /** The edit in force on a cell of this row, if any. */
  editedAt: (col: number) => CellEdit | undefined;
  /** The cell of this row being edited, if any, and what edits it. */
  editing: Editing | null;
  editor: { setText: (text: string) => void; save: () => void; cancel: () => void; start?: (row: number, col: number) => void };
  /** The active cell's column, when it is in this row. */
  activeColumn: number | null;
  onActivate: (col: number) => void;
}

/** One row of the grid, its cells in column order (pinned first), placed at `top` in the scaled window. */
export function GridRow({ row, top, height, columns, layout, shown, cell, issues, idPrefix, editedAt, editing, editor, activeColumn, onActivate }: Props) {
  // What marks each cell: the rules of its column, and those of the whole row.
  const marks = shown.shown.map((i) => {
    const own = issuesOfCell(issues, columns[i]!.name);
    const edit = editedAt(i);
    const said = [...own.map((x) => x.message), ...(edit ? [`edited, was ${edit.from ?? "null"}`] : [])].join("; ");
    const mark = own.length === 0 ? "" : own.some((x) => x.severity === "reject") ? "cell-error" : "cell-warning";
    return { i, said, mark: `${mark} ${edit ? "cell-edited" : ""}` };
  });
  return (
    <div role="row" aria-rowindex={row + 2} className={`absolute left-0 flex ${row % 2 ? "bg-slate-50 dark:bg-slate-900" : "bg-white dark:bg-slate-950"}`} style={{ top, height }}>
      {spaced(marks, layout, shown.before, ({ i, said, mark }) => {
        const value = cell(row, i);
        const shown = value === null || value === undefined ? undefined : clip(value, CELL_CHARS);
        return (
          <div
            key={i}
            role="gridcell"
            aria-colindex={i + 1}
            aria-invalid={mark.includes("cell-error") || undefined}
            aria-describedby={said ? `${idPrefix}-issue-${row}-${i}` : undefined}
            data-cell={`${row}:${i}`}
            tabIndex={activeColumn === i ? 0 : -1}
            title={said ? `${shown ?? "null"} — ${said}` : shown}
            onClick={() => onActivate(i)}
            onDoubleClick={() => editor.start?.(row, i)}
            className={`truncate border-r border-slate-100 px-2 py-1 focus:outline-2 focus:-outline-offset-2 focus:outline-sky-600 dark:border-slate-800 ${isNumericType(columns[i]!.type) ? "text-right tabular-nums" : ""} ${value === null ? "cell-null" : ""} ${mark} ${layout.pinned.has(i) ? "sticky z-10 bg-inherit" : ""}`}
            style={{ width: layout.widths[i], flex: "none", left: layout.left.get(i) }}
          >
            {editing?.col === i ? (
              <input
                autoFocus
                aria-label={`Edit ${columns[i]!.name}, row ${formatCount(row + 1)}`}
                aria-invalid={editing.problem !== null}
                className="w-full bg-white px-0.5 text-slate-900 outline-2 outline-sky-600 dark:bg-slate-900 dark:text-slate-100"
                value={editing.text}
                onChange={(e) => editor.setText(e.target.value)}
                onKeyDown={(e) => {
                  e.stopPropagation();
                  if (e.key === "Enter") editor.save();
                  if (e.key === "Escape") editor.cancel();
                }}
              />
            ) : value === null || value === undefined ? (
              ""
            ) : value.length > CELL_CHARS ? (
              `${value.slice(0, CELL_CHARS)}…`
            ) : (
              value
            )}
          </div>
        );
      })}
      {/* The reasons the cells are described by: beside the cells, so that a cell's text stays its value. */}
      {marks.map(({ i, said }) =>
        said ? (
          <span key={`issue-${i}`} id={`${idPrefix}-issue-${row}-${i}`} hidden>
            {said}
          </span>
        ) : null,
      )}
    </div>
  );
}
