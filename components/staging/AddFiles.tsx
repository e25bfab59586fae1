"use client";

import { FilePlus } from "lucide-react";
import { useId, useState } from "react";
import { droppedFiles, droppedLink } from "@/browser/dropped-files";
import { fileLink } from "@/lib/staging/file-link";

export const FORMATS_TEXT = "CSV, TSV, JSON, NDJSON, Parquet, Arrow, Excel, OpenDocument, XML, SQLite, dBase, Stata, SPSS, SAS, gzip";

/**
 * The file picker and drop zone, which hand the chosen files to `onFiles`, and a field for the address of a data file
 * to fetch (`onLink`). Large on the first screen, compact beside a workspace.
 */
export function AddFiles({ onFiles, onLink, onSample, large = false }: { onFiles: (files: File[]) => void; onLink: (url: string) => void; onSample: () => void; large?: boolean }) {
  const [over, setOver] = useState(false);
  const [link, setLink] = useState("");
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  const problemId = useId();
  return (
    <div
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        e.stopPropagation();
        setOver(false);
        const link = droppedLink(e.dataTransfer);
        if (link) return onLink(link);
        void droppedFiles(e.dataTransfer).then(onFiles);
      }}
      className={`rounded-lg border-2 border-dashed text-center ${large ? "px-6 py-12 text-base" : "p-4 text-sm"} ${
        over ? "border-sky-500 bg-sky-50 dark:bg-sky-950" : "border-slate-300 dark:border-slate-700"
      }`}
    >
      <p className="mb-2">Drop data files or a folder here ({FORMATS_TEXT}), or</p>
      <label
        className={`inline-block cursor-pointer rounded bg-accent font-medium text-white outline-offset-2 hover:bg-accent-strong has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-600 ${large ? "px-5 py-2.5" : "px-3 py-1.5"}`}
      >
        <FilePlus aria-hidden="true" size={large ? 18 : 15} className="mr-1 inline-block align-[-0.2em]" />
        Add files
        {/* The data files, and the files that come with a table to be picked with it: a dBase table's memo file, a shapefile's geometry, projection and code page, a SAS format catalog. */}
        <input
          type="file"
          multiple
          accept=".csv,.tsv,.tab,.txt,.json,.geojson,.ndjson,.jsonl,.parquet,.xlsx,.xls,.ods,.xml,.sqlite,.sqlite3,.db,.gpkg,.dbf,.dta,.sav,.zsav,.por,.sas7bdat,.xpt,.arrow,.arrows,.feather,.html,.htm,.gz,.zip,.dbt,.fpt,.shp,.prj,.cpg,.sas7bcat,text/csv,application/json,application/zip"
          className="sr-only"
          onChange={(e) => {
            onFiles([...(e.target.files ?? [])]);
            e.target.value = "";
          }}
        />
      </label>
      <form
        noValidate
        className="mx-auto mt-2 flex max-w-md gap-1 text-xs"
        onSubmit={(e) => {
          e.preventDefault();
          const url = fileLink(link);
          if (!url) return setLinkProblem("Give the http(s) address of one data file.");
          setLinkProblem(null);
          setLink("");
          onLink(url);
        }}
      >
        <input
          type="url"
          aria-label="Link to a data file"
          aria-describedby={linkProblem ? problemId : undefined}
          aria-invalid={linkProblem !== null}
          placeholder="https://…/data.csv"
          className="min-w-0 flex-1 rounded border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-700"
          value={link}
          onChange={(e) => setLink(e.target.value)}
        />
        <button type="submit" className="rounded border px-2 py-1 font-medium focus-visible:outline-2">
          Fetch and stage
        </button>
      </form>
      {linkProblem && (
        <p id={problemId} role="alert" className="text-xs text-danger">
          {linkProblem}
        </p>
      )}
      <p className="mt-2 text-xs text-muted">Or paste a table, or a link, copied from a spreadsheet or a web page (Ctrl+V). Files stay in this browser.</p>
      <button
        type="button"
        className={`mt-2 font-medium text-sky-800 focus-visible:outline-2 dark:text-sky-300 ${
          large ? "rounded border border-sky-700 px-4 py-1.5 text-sm hover:bg-sky-50 dark:border-sky-400 dark:hover:bg-sky-950" : "text-xs underline"
        }`}
        onClick={onSample}
      >
        Try sample data
      </button>
    </div>
  );
}
