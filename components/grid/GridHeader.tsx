"use client";

import type { ReactNode } from "react";
import type { Column } from "@/lib/datasets/manifest";
import type { ColumnWindow } from "@/lib/grid/column-window";
import type { GridView } from "@/lib/grid/view";
import type { Spark } from "@/lib/profile/spark";
import { Sparkline } from "./Sparkline";

export interface Layout {
  /** Column indexes in display order: pinned first. */
  order: number[];
  widths: number[];
  pinned: Set<number>;
  /** Left offset of each pinned column (sticky). */
  left: Map<number, number>;
}

/**
 * A row's cells for the columns drawn: the pinned ones, then a spacer as wide as the columns left out
 * (a wide table draws only those in view), then the rest.
 */
export function spaced<T extends { i: number }>(cells: T[], layout: Layout, before: number, draw: (cell: T) => ReactNode): ReactNode[] {
  const pinned = cells.filter((c) => layout.pinned.has(c.i)).length;
  const drawn = cells.map(draw);
  if (before > 0) drawn.splice(pinned, 0, <div key="spacer" aria-hidden="true" style={{ width: before, flex: "none" }} />);
  return drawn;
}

interface Props {
  /** The columns, each with what its file says it is, where it says (a variable's label). */
  columns: (Column & { label?: string })[];
  layout: Layout;
  /** The columns drawn (a wide table draws those in view). */
  shown: ColumnWindow;
  view: GridView;
  /** The column whose header holds the keyboard focus stop, when the header row is active. */
  activeColumn: number | null;
  onSort: (column: string) => void;
  onPin: (index: number) => void;
  onResize: (index: number, width: number) => void;
  /** Each column's shape, drawn beside its name. */
  sparks?: Map<string, Spark>;
}

const MIN_WIDTH = 60;

/**
 * The header row: each column header is the column's name (a button that
 * sorts), with its spark, a pin toggle and a resize handle that add no text.
 */
export function GridHeader({ columns, layout, shown, view, activeColumn, onSort, onPin, onResize, sparks }: Props) {
  return (
    <div role="rowgroup" className="sticky top-0 z-20">
      <div role="row" aria-rowindex={1} className="flex bg-slate-100 dark:bg-slate-900">
        {spaced(shown.shown.map((i) => ({ i })), layout, shown.before, ({ i }) => {
          const c = columns[i]!;
          const sorted = view.sort?.column === c.name ? (view.sort.descending ? "descending" : "ascending") : undefined;
          const pinned = layout.pinned.has(i);
          return (
            <div
              key={i}
              role="columnheader"
              aria-colindex={i + 1}
              aria-sort={sorted ?? "none"}
              data-cell={`-1:${i}`}
              tabIndex={activeColumn === i ? 0 : -1}
              title={`${c.name} (${c.type})${c.label ? `: ${c.label}` : ""}`}
              className={`relative flex items-center border-r border-b focus:outline-2 focus:-outline-offset-2 focus:outline-sky-600 border-slate-200 bg-slate-100 px-2 py-1 font-semibold dark:border-slate-800 dark:bg-slate-900 ${pinned ? "sticky z-30" : ""}`}
              style={{ width: layout.widths[i], flex: "none", left: pinned ? layout.left.get(i) : undefined }}
            >
              <button type="button" tabIndex={-1} className="min-w-0 flex-1 truncate text-left" onClick={() => onSort(c.name)}>
                {c.name}
              </button>
              {sparks?.get(c.name) && <Sparkline spark={sparks.get(c.name)!} />}
              <span aria-hidden="true" className={`sort-mark sort-${sorted ?? "none"}`} />
              <button
                type="button"
                tabIndex={-1}
                aria-label={`${pinned ? "Unpin" : "Pin"} column ${c.name}`}
                aria-pressed={pinned}
                className={`pin-toggle ml-1 ${pinned ? "pin-on" : ""}`}
                onClick={() => onPin(i)}
              />
              <div
                role="separator"
                aria-orientation="vertical"
                aria-label={`Resize column ${c.name}`}
                aria-valuenow={layout.widths[i]}
                aria-valuemin={MIN_WIDTH}
                tabIndex={-1}
                className="absolute top-0 right-0 h-full w-1.5 cursor-col-resize hover:bg-sky-400"
                onKeyDown={(e) => {
                  if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
                    e.preventDefault();
                    e.stopPropagation();
                    onResize(i, Math.max(MIN_WIDTH, layout.widths[i]! + (e.key === "ArrowRight" ? 16 : -16)));
                  }
                }}
                onPointerDown={(e) => {
                  const start = e.clientX;
                  const width = layout.widths[i]!;
                  const target = e.currentTarget;
                  target.setPointerCapture(e.pointerId);
                  const move = (m: PointerEvent) => onResize(i, Math.max(MIN_WIDTH, width + m.clientX - start));
                  const up = () => {
                    target.removeEventListener("pointermove", move);
                    target.removeEventListener("pointerup", up);
                  };
                  target.addEventListener("pointermove", move);
                  target.addEventListener("pointerup", up);
                }}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
