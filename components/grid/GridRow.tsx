"use client";

import type { Column } from "@/lib/datasets/manifest";
import { formatCount } from "@/lib/format";
import { isNumericType } from "@/lib/sql/types";
import type { Layout } from "./GridHeader";

/** A cell never puts more than this into the DOM; the full value panel shows more. */
const CELL_CHARS = 500;

export const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}… (${formatCount(text.length - max)} more characters)` : text);

interface Props {
  row: number;
  top: number;
  height: number;
  columns: Column[];
  layout: Layout;
  cell: (row: number, col: number) => string | null | undefined;
  /** The active cell's column, when it is in this row. */
  activeColumn: number | null;
  onActivate: (col: number) => void;
}

/** One row of the grid, its cells in column order (pinned first), placed at `top` in the scaled window. */
export function GridRow({ row, top, height, columns, layout, cell, activeColumn, onActivate }: Props) {
  return (
    <div role="row" aria-rowindex={row + 2} className={`absolute left-0 flex ${row % 2 ? "bg-slate-50 dark:bg-slate-900" : "bg-white dark:bg-slate-950"}`} style={{ top, height }}>
      {layout.order.map((i) => {
        const value = cell(row, i);
        return (
          <div
            key={i}
            role="gridcell"
            aria-colindex={i + 1}
            data-cell={`${row}:${i}`}
            tabIndex={activeColumn === i ? 0 : -1}
            title={value === null || value === undefined ? undefined : clip(value, CELL_CHARS)}
            onClick={() => onActivate(i)}
            className={`truncate border-r border-slate-100 px-2 py-1 focus:outline-2 focus:-outline-offset-2 focus:outline-sky-600 dark:border-slate-800 ${isNumericType(columns[i]!.type) ? "text-right tabular-nums" : ""} ${value === null ? "cell-null" : ""} ${layout.pinned.has(i) ? "sticky z-10 bg-inherit" : ""}`}
            style={{ width: layout.widths[i], flex: "none", left: layout.left.get(i) }}
          >
            {value === null || value === undefined ? "" : value.length > CELL_CHARS ? `${value.slice(0, CELL_CHARS)}…` : value}
          </div>
        );
      })}
    </div>
  );
}
