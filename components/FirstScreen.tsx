"use client";

import { formatCount } from "@/lib/format";
import { useDatasets } from "./destination/useDatasets";
import { AddFiles } from "./staging/AddFiles";

const POINTS = [
  "Lines that do not fit are set aside, shown and counted: nothing is lost silently.",
  "Rules, steps and SQL make a recipe you can save, reuse and share as a link.",
  "Every promotion is a new version with its lineage: source checksums, recipe, row counts.",
];

/** Before any file: what Stages does, a large drop area, the sample, and what is already promoted. */
export function FirstScreen({ onFiles, onLink, onSample }: { onFiles: (files: File[]) => void; onLink: (url: string) => void; onSample: () => void }) {
  const { datasets } = useDatasets();
  return (
    <section aria-labelledby="welcome-heading" className="mx-auto max-w-3xl space-y-5 py-4">
      <div className="space-y-1">
        <h2 id="welcome-heading" className="text-2xl font-semibold">
          Check data files before they land anywhere
        </h2>
        <p className="text-slate-700 dark:text-slate-300">
          Stages reads your files, shows what does not fit, validates and transforms them with a recipe, and promotes the result to a versioned
          dataset — staged and final side by side, every row accounted for.
        </p>
      </div>
      <AddFiles onFiles={onFiles} onLink={onLink} onSample={onSample} large />
      <ul className="grid gap-2 text-sm sm:grid-cols-3">
        {POINTS.map((p) => (
          <li key={p} className="rounded border border-slate-200 p-3 dark:border-slate-800">
            {p}
          </li>
        ))}
      </ul>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        <strong>Private by design:</strong> nothing leaves this browser. Files are kept in its storage, DuckDB reads them in a background worker,
        and datasets are written to its private file system; downloads happen only when you ask.
      </p>
      {datasets && datasets.length > 0 && (
        <p className="text-sm">
          Already in the destination:{" "}
          {datasets.map((d) => `${d.name} (v${d.latest.version}, ${formatCount(d.latest.rows.promoted)} rows)`).join(", ")}.
        </p>
      )}
    </section>
  );
}
