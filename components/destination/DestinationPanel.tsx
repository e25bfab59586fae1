"use client";

import { useState } from "react";
import type { Notify } from "../notices";
import { DatasetCard } from "./DatasetCard";
import type { DatasetVersion } from "./DatasetView";
import { useDatasets } from "./useDatasets";
import { useHydrated } from "../useHydrated";

/** The destination: promoted datasets in this browser's private file system. */
export function DestinationPanel({ notify, onOpen }: { notify: Notify; onOpen: (version: DatasetVersion) => void }) {
  const { datasets, error } = useDatasets();
  const [neutralizeFormulas, setNeutralizeFormulas] = useState(true);
  const hydrated = useHydrated();

  return (
    <section aria-labelledby="destination-heading" className="space-y-2">
      <h2 id="destination-heading" className="text-base font-semibold">
        Destination
      </h2>
      <p className="text-xs text-muted">
        Datasets are kept in this browser (its private file system where it has one), one Parquet file and manifest per version.
      </p>
      {error && <p className="text-sm text-danger">{error}</p>}
      {datasets === null ? (
        <p className="text-sm text-muted">Loading…</p>
      ) : datasets.length === 0 ? (
        <p className="text-sm text-muted">No datasets promoted yet.</p>
      ) : (
        <ul className="space-y-2">
          {datasets.map((d) => (
            <DatasetCard
              key={d.name}
              dataset={d}
              neutralizeFormulas={neutralizeFormulas}
              onOpen={(version) => onOpen({ name: d.name, version })}
              notify={notify}
            />
          ))}
        </ul>
      )}
      <label className="flex items-center gap-2 text-xs">
        <input type="checkbox" disabled={!hydrated} checked={neutralizeFormulas} onChange={(e) => setNeutralizeFormulas(e.target.checked)} />
        Protect CSV downloads against spreadsheet formulas (cells starting with = + - @)
      </label>
    </section>
  );
}
