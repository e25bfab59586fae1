"use client";

import { useId } from "react";
import { SourceGrid } from "../grid/SourceGrid";
import { gridHeight } from "../pipeline/StepLayout";
import { useDatasets } from "./useDatasets";

export interface DatasetVersion {
  name: string;
  version: number;
}

/** One version of a destination dataset, opened in the grid; gone when the version is deleted. */
export function DatasetView({ opened, onClose }: { opened: DatasetVersion; onClose: () => void }) {
  const { datasets } = useDatasets();
  const headingId = useId();
  if (datasets && !datasets.some((d) => d.name === opened.name && d.versions.includes(opened.version))) return null;
  const title = `${opened.name} v${opened.version}`;
  return (
    <section aria-labelledby={headingId} className="space-y-1">
      <div className="flex items-baseline justify-between">
        <h2 id={headingId} className="text-base font-semibold">
          Dataset {title}
        </h2>
        <button type="button" className="text-xs underline focus-visible:outline-2" onClick={onClose}>
          Close {title}
        </button>
      </div>
      <SourceGrid label={`Dataset ${title}`} source={{ kind: "dataset", ...opened }} height={gridHeight(1)} />
    </section>
  );
}
