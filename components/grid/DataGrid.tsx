"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import type { Column } from "@/lib/datasets/manifest";
import type { SourceRef } from "@/lib/engine/api";
import { usePagedRows } from "./usePagedRows";

interface Props {
  label: string;
  source: SourceRef;
  columns: Column[];
  rowCount: number;
}

const ROW_HEIGHT = 30;
const COLUMN_WIDTH = 168;
const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/;

/**
 * One grid for every source: an ARIA grid, virtualized, whose rows are paged
 * from the worker. aria-rowcount counts the header row.
 */
export function DataGrid({ label, source, columns, rowCount }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { ensureRows, cell, error } = usePagedRows(source);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (last >= first) ensureRows(first, last);
  }, [first, last, ensureRows]);

  const width = Math.max(columns.length, 1) * COLUMN_WIDTH;
  return (
    <div className="space-y-1">
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <div
        ref={scrollRef}
        role="grid"
        aria-label={label}
        aria-rowcount={rowCount + 1}
        aria-colcount={columns.length}
        tabIndex={0}
        className="relative h-96 overflow-auto rounded border border-slate-200 text-sm focus-visible:outline-2 dark:border-slate-800"
      >
        <div role="rowgroup" className="sticky top-0 z-10" style={{ width }}>
          <div role="row" aria-rowindex={1} className="flex bg-slate-100 dark:bg-slate-900">
            {columns.map((c, i) => (
              <div
                key={i}
                role="columnheader"
                aria-colindex={i + 1}
                title={`${c.name} (${c.type})`}
                className="truncate border-r border-b border-slate-200 px-2 py-1 font-semibold dark:border-slate-800"
                style={{ width: COLUMN_WIDTH, flex: "none" }}
              >
                {c.name}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize(), width }}>
          {items.map((item) => (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              className="absolute left-0 flex odd:bg-white even:bg-slate-50 dark:odd:bg-slate-950 dark:even:bg-slate-900/50"
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
            >
              {columns.map((c, i) => {
                const value = cell(item.index, i);
                return (
                  <div
                    key={i}
                    role="gridcell"
                    aria-colindex={i + 1}
                    title={value ?? undefined}
                    className={`truncate border-r border-slate-100 px-2 py-1 dark:border-slate-800 ${
                      NUMERIC.test(c.type) ? "text-right tabular-nums" : ""
                    } ${value === null ? "cell-null" : ""}`}
                    style={{ width: COLUMN_WIDTH, flex: "none" }}
                  >
                    {value ?? ""}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
