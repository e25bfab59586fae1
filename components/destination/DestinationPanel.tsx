"use client";

import { useState } from "react";
import type { ExportFormat } from "@/lib/engine/api";
import { getEngine } from "@/lib/engine/client";
import { saveBlob } from "@/lib/download";
import { formatBytes, plural } from "@/lib/format";
import { describeError } from "@/lib/result";
import type { Notify } from "../notices";
import { useDatasets } from "./useDatasets";

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: "csv", label: "CSV" },
  { format: "parquet", label: "Parquet" },
];

/** The destination: promoted datasets in this browser's private file system. */
export function DestinationPanel({ notify }: { notify: Notify }) {
  const { datasets, error } = useDatasets();
  const [neutralizeFormulas, setNeutralizeFormulas] = useState(true);

  async function download(name: string, version: number, format: ExportFormat) {
    const result = await getEngine().exportSource({ kind: "dataset", name, version }, format, { neutralizeFormulas });
    if (!result.ok) return notify("error", describeError(result.error));
    saveBlob(result.value.blob, result.value.fileName);
  }

  return (
    <section aria-labelledby="destination-heading" className="space-y-2">
      <h2 id="destination-heading" className="text-base font-semibold">
        Destination
      </h2>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Datasets are kept in this browser&apos;s private file system, one Parquet file per version.
      </p>
      {error && <p className="text-sm text-red-700 dark:text-red-400">{error}</p>}
      {datasets === null ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : datasets.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No datasets promoted yet.</p>
      ) : (
        <ul className="space-y-2">
          {datasets.map(({ name, latest, versions, bytes }) => (
            <li key={name} className="rounded border border-slate-200 p-2 text-sm dark:border-slate-800">
              <p className="font-medium">{name}</p>
              <p className="text-xs text-slate-600 dark:text-slate-400">
                v{latest.version} · {plural(latest.rows.promoted, "row")} · {plural(versions.length, "version")} ·{" "}
                {formatBytes(bytes)} · {new Date(latest.createdAt).toLocaleString()}
              </p>
              <div className="mt-1 flex flex-wrap gap-2">
                {FORMATS.map(({ format, label }) => (
                  <button
                    key={format}
                    type="button"
                    className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 focus-visible:outline-2 dark:border-slate-700 dark:hover:bg-slate-800"
                    onClick={() => void download(name, latest.version, format)}
                  >
                    Download {name} v{latest.version} as {label}
                  </button>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
      <label className="flex items-center gap-2 text-xs">
        <input
          type="checkbox"
          checked={neutralizeFormulas}
          onChange={(e) => setNeutralizeFormulas(e.target.checked)}
        />
        Protect CSV downloads against spreadsheet formulas (cells starting with = + - @)
      </label>
    </section>
  );
}
