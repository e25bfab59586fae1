"use client";

import { useState } from "react";

/** The file picker and drop zone: both hand the chosen files to `onFiles`. */
export function AddFiles({ onFiles, onSample }: { onFiles: (files: File[]) => void; onSample: () => void }) {
  const [over, setOver] = useState(false);
  return (
    <div
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        onFiles([...e.dataTransfer.files]);
      }}
      className={`rounded-lg border-2 border-dashed p-4 text-center text-sm ${
        over ? "border-sky-500 bg-sky-50 dark:bg-sky-950" : "border-slate-300 dark:border-slate-700"
      }`}
    >
      <p className="mb-2">Drop data files here (CSV, TSV, JSON, NDJSON, Parquet, Excel, gzip), or</p>
      <label className="inline-block cursor-pointer rounded bg-sky-700 px-3 py-1.5 font-medium text-white outline-offset-2 hover:bg-sky-800 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-600">
        Add files
        <input
          type="file"
          multiple
          accept=".csv,.tsv,.tab,.txt,.json,.ndjson,.jsonl,.parquet,.xlsx,.gz,text/csv,application/json"
          className="sr-only"
          onChange={(e) => {
            onFiles([...(e.target.files ?? [])]);
            e.target.value = "";
          }}
        />
      </label>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">Files stay in this browser.</p>
      <button type="button" className="mt-2 text-xs font-medium text-sky-800 underline focus-visible:outline-2 dark:text-sky-300" onClick={onSample}>
        Try sample data
      </button>
    </div>
  );
}
