"use client";

import type { HeadPreview } from "@/lib/engine/api";

/**
 * A wide file's first columns only: the table is drawn while DuckDB and the checksum hold both cores. A
 * 20 MB file of 200 columns dropped on the page (20 rows, 4,000 cells) drew in an animation frame of
 * 214-305 ms; forty columns leave no frame over 100 ms (two alternating rounds of two fresh profiles).
 */
const SHOWN_COLUMNS = 40;

/** The first rows of a file being staged, as written in it, until the whole file has been read. */
export function HeadPreviewTable({ name, preview }: { name: string; preview: HeadPreview }) {
  const rows = preview.columnValues[0]?.length ?? 0;
  const columns = preview.columns.slice(0, SHOWN_COLUMNS);
  const more = preview.columns.length - columns.length;
  return (
    <section aria-label={`First rows of ${name}`} className="space-y-1">
      <div className="max-h-80 overflow-auto rounded border border-line">
        <table className="w-full text-left font-mono text-xs">
          <caption className="p-1 text-left font-sans text-sm">
            First rows of {name}, as written in the file{more > 0 ? ` (its first ${columns.length} of ${preview.columns.length} columns)` : ""}; the whole file is still being read.
          </caption>
          <thead className="bg-slate-100 dark:bg-slate-900">
            <tr>
              {columns.map((c, i) => (
                <th key={i} scope="col" className="whitespace-nowrap px-2 py-1">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r} className="border-t border-slate-100 dark:border-slate-800">
                {preview.columnValues.slice(0, SHOWN_COLUMNS).map((values, c) => (
                  <td key={c} className={`max-w-48 truncate whitespace-nowrap px-2 py-0.5 ${values[r] === null ? "cell-null" : ""}`}>
                    {values[r]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
