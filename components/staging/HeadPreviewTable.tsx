"use client";

import type { HeadPreview } from "@/lib/engine/api";

/** The first rows of a file being staged, as written in it, until the whole file has been read. */
export function HeadPreviewTable({ name, preview }: { name: string; preview: HeadPreview }) {
  const rows = preview.columnValues[0]?.length ?? 0;
  return (
    <section aria-label={`First rows of ${name}`} className="space-y-1">
      <div className="max-h-80 overflow-auto rounded border border-line">
        <table className="w-full text-left font-mono text-xs">
          <caption className="p-1 text-left font-sans text-sm">
            First rows of {name}, as written in the file; the whole file is still being read.
          </caption>
          <thead className="bg-slate-100 dark:bg-slate-900">
            <tr>
              {preview.columns.map((c, i) => (
                <th key={i} scope="col" className="whitespace-nowrap px-2 py-1">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r} className="border-t border-slate-100 dark:border-slate-800">
                {preview.columnValues.map((values, c) => (
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
